// Changing a post after it was shared: its caption, the order and alt texts of its media, removing some (one
// stays); its earlier versions; and the author's archive.
import {api} from '../api.js';
import {go, say} from '../nav.js';
import {el, field, richText, when} from '../dom.js';
import {apiForm} from '../forms.js';
import {pagedList, postGrid} from '../lists.js';

function describe(item, index) {
  return `${item.type === 'video' ? 'Video' : 'Photo'} ${index + 1}`;
}

export async function editScreen({id}) {
  const post = await api('GET', `/posts/${id}`);
  const items = post.media.map((item) => ({...item}));
  const list = el('ol', {class: 'previews', 'aria-label': 'Carousel order'});
  const move = (from, to) => {
    [items[from], items[to]] = [items[to], items[from]];
    draw();
    list.children[to]?.querySelector(`button[data-dir="${to > from ? 'later' : 'earlier'}"]`)?.focus();
  };
  const draw = () => list.replaceChildren(...items.map((item, index) => {
    const alt = el('textarea', {id: `alt-${item.id}`, rows: 2, maxlength: 1000});
    alt.value = item.altText || '';
    alt.addEventListener('input', () => { item.altText = alt.value; });
    const name = describe(item, index);
    return el('li', {},
      el('img', {src: item.thumbnailUrl || item.url, width: 96, alt: `${name}: ${item.altText || 'no alt text'}`}),
      el('p', {class: 'field'}, el('label', {for: `alt-${item.id}`}, `Alt text for ${name}`), alt),
      index > 0 ? el('button', {type: 'button', 'data-dir': 'earlier', onclick: () => move(index, index - 1),
        'aria-label': `Move ${name} earlier`}, '←') : null,
      index < items.length - 1 ? el('button', {type: 'button', 'data-dir': 'later',
        onclick: () => move(index, index + 1), 'aria-label': `Move ${name} later`}, '→') : null,
      items.length > 1 ? el('button', {type: 'button', 'aria-label': `Remove ${name}`, onclick: () => {
        items.splice(index, 1);
        draw();
        say(`${name} removed`);
      }}, 'Remove') : null);
  }));
  draw();
  const caption = field('Caption', {name: 'caption', tag: 'textarea', maxlength: 2200, rows: 3});
  caption.querySelector('textarea').value = post.caption || '';
  return apiForm('Edit post', [list, caption], 'Save', async (values) => {
    await api('PATCH', `/posts/${id}`, {caption: values.caption, media: items.map((item) => item.id),
      altTexts: items.map((item) => item.altText || '')});
    say('Saved');
    go(`/p/${id}`);
  }, {heading: 'h1'});
}

function version(entry) {
  return el('li', {class: 'version'},
    el('p', {class: 'muted'}, 'Until ', when(entry.replacedAt)),
    entry.caption ? el('p', {}, ...richText(entry.caption)) : el('p', {class: 'muted'}, 'No caption'),
    el('ol', {class: 'previews'}, ...entry.media.map((item, index) => el('li', {}, item.url
      ? el('img', {src: item.thumbnailUrl || item.url, width: 96, alt: item.altText || describe(item, index)})
      : el('span', {class: 'muted'}, `${describe(item, index)} (removed)${item.altText ? `: ${item.altText}` : ''}`)))));
}

export async function historyScreen({id}) {
  const list = pagedList(`/posts/${id}/history`, version, {label: 'Earlier versions', empty: 'Never edited.'});
  await list.ready;
  return el('section', {'aria-labelledby': 'history-title'},
    el('h1', {id: 'history-title'}, 'Edit history'), el('p', {}, el('a', {href: `#/p/${id}`}, 'Back to the post')),
    list);
}

export async function archiveScreen() {
  const grid = postGrid('/users/me/archive', 'Nothing archived. Archived posts are seen by you alone.', 'Archive');
  await grid.ready;
  return el('section', {'aria-labelledby': 'archive-title'}, el('h1', {id: 'archive-title'}, 'Archive'), grid);
}
