// Finding things: people search (a leading # searches a tag instead), explore, and a tag's posts.
import {el} from '../dom.js';
import {pagedList, postGrid, userRow} from '../lists.js';
import {go} from '../nav.js';

export function searchScreen() {
  const input = el('input', {id: 'search-q', type: 'search', name: 'q', autocomplete: 'off', required: true,
    placeholder: 'username, name or #tag'});
  const results = el('div', {class: 'results'});
  const form = el('form', {role: 'search'},
    el('label', {for: 'search-q'}, 'Search people or tags'), input, el('button', {type: 'submit'}, 'Search'));
  let timer = null;
  const run = () => {
    const q = input.value.trim();
    if (q.startsWith('#') && q.length > 1) {
      go(`/tags/${encodeURIComponent(q.slice(1).toLowerCase())}`);
    } else if (q) {
      results.replaceChildren(pagedList(`/users?q=${encodeURIComponent(q)}`, (user) => userRow(user),
        {label: 'People', empty: `Nobody matches "${q}".`}));
    } else {
      results.replaceChildren();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim().startsWith('#')) {
      timer = setTimeout(run, 300);
    }
  });
  return el('section', {'aria-labelledby': 'search-title'}, el('h1', {id: 'search-title'}, 'Search'), form, results);
}

export async function exploreScreen() {
  const grid = postGrid('/explore', 'Nothing to explore yet.', 'Posts to explore');
  await grid.ready;
  return el('section', {'aria-labelledby': 'explore-title'}, el('h1', {id: 'explore-title'}, 'Explore'), grid);
}

export async function tagScreen({tag}) {
  const grid = postGrid(`/tags/${encodeURIComponent(tag)}/posts`, `No posts tagged #${tag} yet.`, 'Tagged posts');
  await grid.ready;
  return el('section', {'aria-labelledby': 'tag-title'}, el('h1', {id: 'tag-title'}, `#${tag}`), grid);
}
