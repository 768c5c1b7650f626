// A new post: 1-10 photos or videos, previewed and put in carousel order before upload, and a caption.
import {api, randomKey} from '../api.js';
import {go, say} from '../nav.js';
import {choice, el, field} from '../dom.js';
import {apiForm} from '../forms.js';

function checkbox(name, label) {
  return el('p', {class: 'field check'}, el('input', {id: `field-${name}`, type: 'checkbox', name}),
    el('label', {for: `field-${name}`}, label));
}

/** The alt text of one chosen file; it moves with the file when the order changes. */
function altField(item, index) {
  const id = `alt-${index}`;
  const input = el('textarea', {id, rows: 2, maxlength: 1000});
  input.value = item.alt || '';
  input.addEventListener('input', () => { item.alt = input.value; });
  return el('p', {class: 'field'}, el('label', {for: id}, `Alt text for ${item.file.name}`), input);
}

export function composeScreen() {
  const key = randomKey(); // one post per screen, however often Share is pressed
  let chosen = [];
  const previews = el('ol', {class: 'previews', 'aria-label': 'Carousel order'});
  const files = field('Photos or videos (up to 10, in carousel order)',
    {name: 'media', type: 'file', accept: 'image/*,video/*', multiple: true, required: true});
  const move = (from, to) => {
    [chosen[from], chosen[to]] = [chosen[to], chosen[from]];
    draw();
    previews.children[to]?.querySelector(`button[data-dir="${to > from ? 'later' : 'earlier'}"]`)?.focus();
  };
  const draw = () => previews.replaceChildren(...chosen.map((item, index) => el('li', {},
    item.file.type.startsWith('video/') ? el('span', {}, item.file.name)
      : el('img', {src: item.url, alt: `Preview ${index + 1}: ${item.file.name}`, width: 96}),
    altField(item, index),
    index > 0 ? el('button', {type: 'button', 'data-dir': 'earlier', onclick: () => move(index, index - 1),
      'aria-label': `Move ${item.file.name} earlier`}, '←') : null,
    index < chosen.length - 1 ? el('button', {type: 'button', 'data-dir': 'later', onclick: () => move(index, index + 1),
      'aria-label': `Move ${item.file.name} later`}, '→') : null)));
  const input = files.querySelector('input');
  input.addEventListener('change', () => {
    chosen.forEach(({url}) => URL.revokeObjectURL(url));
    chosen = [...input.files].map((file) => ({file, url: URL.createObjectURL(file)}));
    draw();
  });
  return apiForm('New post', [files, previews,
    field('Caption', {name: 'caption', tag: 'textarea', maxlength: 2200, rows: 3}),
    checkbox('sensitive', 'Sensitive content (shown behind a warning)'),
    field('Content warning (optional)', {name: 'contentWarning', maxlength: 200}),
    checkbox('hideLikeCount', 'Hide the like count from others'),
    choice('Who can comment', 'commentPolicy', [['everyone', 'Everyone'], ['followers', 'Your followers'],
      ['off', 'Nobody (comments off)']], 'everyone')], 'Share', async (values) => {
    const body = new FormData();
    chosen.forEach(({file}) => body.append('media', file));
    chosen.forEach(({alt}) => body.append('altText', alt || '')); // one per item, in the same order
    if (values.caption) {
      body.append('caption', values.caption);
    }
    body.append('sensitive', String(values.sensitive === 'on' || Boolean(values.contentWarning)));
    body.append('contentWarning', values.contentWarning || '');
    body.append('hideLikeCount', String(values.hideLikeCount === 'on'));
    body.append('commentPolicy', values.commentPolicy);
    await api('POST', '/posts', body, {'Idempotency-Key': key});
    say('Posted');
    go('/feed');
  }, {heading: 'h1'});
}
