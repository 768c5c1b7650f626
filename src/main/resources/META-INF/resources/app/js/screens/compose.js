// A new post: 1-10 photos or videos, previewed and put in carousel order before upload, and a caption.
import {api} from '../api.js';
import {go, say} from '../app.js';
import {el, field} from '../dom.js';
import {apiForm} from '../forms.js';

export function composeScreen() {
  let chosen = [];
  const previews = el('ol', {class: 'previews', 'aria-label': 'Carousel order'});
  const files = field('Photos or videos (up to 10, in carousel order)',
    {name: 'media', type: 'file', accept: 'image/*,video/*', multiple: true, required: true});
  const move = (from, to) => {
    [chosen[from], chosen[to]] = [chosen[to], chosen[from]];
    draw();
    previews.children[to]?.querySelector(`button[data-dir="${to > from ? 'later' : 'earlier'}"]`)?.focus();
  };
  const draw = () => previews.replaceChildren(...chosen.map(({file, url}, index) => el('li', {},
    file.type.startsWith('video/') ? el('span', {}, file.name)
      : el('img', {src: url, alt: `Preview ${index + 1}: ${file.name}`, width: 96}),
    index > 0 ? el('button', {type: 'button', 'data-dir': 'earlier', onclick: () => move(index, index - 1),
      'aria-label': `Move ${file.name} earlier`}, '←') : null,
    index < chosen.length - 1 ? el('button', {type: 'button', 'data-dir': 'later', onclick: () => move(index, index + 1),
      'aria-label': `Move ${file.name} later`}, '→') : null)));
  const input = files.querySelector('input');
  input.addEventListener('change', () => {
    chosen.forEach(({url}) => URL.revokeObjectURL(url));
    chosen = [...input.files].map((file) => ({file, url: URL.createObjectURL(file)}));
    draw();
  });
  return apiForm('New post', [files, previews,
    field('Caption', {name: 'caption', tag: 'textarea', maxlength: 2200, rows: 3})], 'Share', async (values) => {
    const body = new FormData();
    chosen.forEach(({file}) => body.append('media', file));
    if (values.caption) {
      body.append('caption', values.caption);
    }
    await api('POST', '/posts', body);
    say('Posted');
    go('/feed');
  }, {heading: 'h1'});
}
