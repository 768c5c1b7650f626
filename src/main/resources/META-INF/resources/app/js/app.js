// The client's shell: a hash router (#/feed, #/p/12, #/u/jane, ...) that renders one screen into <main>, and the
// live connections (notifications, chat) that run while someone is signed in.
import {api, ApiError, forget, me, signedIn} from './api.js';
import {startChat, stopChat} from './chat-socket.js';
import {startNotifications, stopNotifications} from './live.js';
import {authScreen, forgotScreen, resetScreen, undoEmailScreen, verifyScreen} from './screens/auth.js';
import {conversationsScreen, threadScreen} from './screens/chat.js';
import {composeScreen} from './screens/compose.js';
import {exploreScreen, searchScreen, tagScreen} from './screens/discover.js';
import {feedScreen} from './screens/feed.js';
import {notificationsScreen} from './screens/notifications.js';
import {likersScreen, postScreen} from './screens/post.js';
import {connectionsScreen, profileScreen, requestsScreen} from './screens/profile.js';
import {settingsScreen} from './screens/settings.js';
import {securityScreen} from './screens/security.js';
import {go, say} from './nav.js';
import {newStoryScreen, storyViewer} from './screens/stories.js';
import {archiveScreen, editScreen, historyScreen} from './screens/edit.js';

// [pattern, screen, public]: :name matches one path segment and is passed to the screen decoded
const routes = [
  ['/login', () => authScreen('login'), true],
  ['/signup', () => authScreen('signup'), true],
  ['/forgot', forgotScreen, true],
  ['/reset', resetScreen, true],
  ['/undo-email/:token', undoEmailScreen, true],
  ['/verify', verifyScreen],
  ['/feed', feedScreen],
  ['/compose', composeScreen],
  ['/p/:id', postScreen],
  ['/p/:id/likes', likersScreen],
  ['/p/:id/edit', editScreen],
  ['/p/:id/history', historyScreen],
  ['/archive', archiveScreen],
  ['/u/:username', profileScreen],
  ['/u/:username/:which(followers|following)', connectionsScreen],
  ['/requests', requestsScreen],
  ['/search', searchScreen],
  ['/explore', exploreScreen],
  ['/tags/:tag', tagScreen],
  ['/notifications', notificationsScreen],
  ['/chats', conversationsScreen],
  ['/stories/new', newStoryScreen],
  ['/stories/:username', storyViewer],
  ['/chats/:username', threadScreen],
  ['/settings', settingsScreen],
  ['/security', securityScreen],
].map(([pattern, screen, isPublic]) => {
  const names = [];
  const source = pattern.replace(/:(\w+)(\([^)]*\))?/g, (_, name, choice) => {
    names.push(name);
    return choice || '([^/]+)';
  });
  return {regex: new RegExp(`^${source}$`), names, screen, isPublic: Boolean(isPublic)};
});

function match(path) {
  for (const route of routes) {
    const found = route.regex.exec(path);
    if (found) {
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return {route, params};
    }
  }
  return null;
}

function signOut() {
  stopNotifications();
  stopChat();
  forget();
  go('/login');
}

async function render() {
  const found = match(window.location.hash.slice(1));
  if (!found) {
    go(signedIn() ? '/feed' : '/login');
    return;
  }
  if (!signedIn() && !found.route.isPublic) {
    go('/login');
    return;
  }
  document.getElementById('nav').hidden = !signedIn();
  if (signedIn()) {
    document.getElementById('profile-link').href = `#/u/${me().username}`;
    startNotifications().catch(() => null);
    startChat();
  }
  const main = document.getElementById('screen');
  main.setAttribute('aria-busy', 'true');
  try {
    main.replaceChildren(await found.route.screen(found.params));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      return;
    }
    main.replaceChildren(document.createElement('h1'));
    main.firstChild.textContent = error.status === 404 ? 'Not found' : `Something went wrong: ${error.message}`;
  } finally {
    main.removeAttribute('aria-busy');
  }
  document.title = `${main.querySelector('h1')?.textContent || 'Shutter'} · Shutter`;
  main.focus();
}

document.getElementById('logout').addEventListener('click', async () => {
  await api('POST', '/auth/logout').catch(() => null);
  signOut();
});
window.addEventListener('hashchange', render);
window.addEventListener('shutter:signed-out', signOut);
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError && event.reason.status === 401) {
    signOut();
  } else if (event.reason instanceof ApiError) {
    say(event.reason.message);
  }
});
render();
