// The client's shell: a hash router (#/feed, #/compose, #/login, #/signup) that renders one screen into <main>.
import {api, forget, signedIn} from './api.js';
import {authScreen} from './screens/auth.js';
import {composeScreen} from './screens/compose.js';
import {feedScreen} from './screens/feed.js';

const screens = {
  '/login': () => authScreen('login'),
  '/signup': () => authScreen('signup'),
  '/feed': feedScreen,
  '/compose': composeScreen,
};
const publicRoutes = new Set(['/login', '/signup']);

export function go(route) {
  window.location.hash = `#${route}`;
}

export function say(message) {
  document.getElementById('status').textContent = message;
}

async function render() {
  let route = window.location.hash.slice(1) || '/feed';
  if (!screens[route]) {
    route = '/feed';
  }
  if (!signedIn() && !publicRoutes.has(route)) {
    go('/login');
    return;
  }
  document.getElementById('nav').hidden = !signedIn();
  const main = document.getElementById('screen');
  say('');
  main.replaceChildren(await screens[route]());
  main.focus();
}

document.getElementById('logout').addEventListener('click', async () => {
  await api('POST', '/auth/logout').catch(() => null);
  forget();
  go('/login');
});
window.addEventListener('hashchange', render);
render();
