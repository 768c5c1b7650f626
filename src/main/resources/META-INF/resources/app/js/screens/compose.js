// A new post: 1-10 photos or videos in carousel order, previewed before upload, and a caption.
import {api, ApiError} from '../api.js';
import {go, say} from '../app.js';
import {el, field} from '../dom.js';

export function composeScreen() {
  const previews = el('ol', {class: 'previews', 'aria-label': 'Carousel order'});
  const files = field('Photos or videos (up to 10, in carousel order)',
    {name: 'media', type: 'file', accept: 'image/*,video/*', multiple: true, required: true});
  const errors = el('ul', {class: 'errors', 'aria-live': 'assertive'});
  const form = el('form', {class: 'card', 'aria-labelledby': 'compose-title'},
    el('h1', {id: 'compose-title'}, 'New post'), files, previews,
    field('Caption', {name: 'caption', tag: 'textarea', maxlength: 2200, rows: 3}), errors,
    el('button', {type: 'submit'}, 'Share'));
  const input = files.querySelector('input');
  input.addEventListener('change', () => {
    previews.replaceChildren(...[...input.files].map((file, index) => el('li', {},
      file.type.startsWith('video/') ? el('span', {}, file.name)
        : el('img', {src: URL.createObjectURL(file), alt: `Preview ${index + 1}: ${file.name}`, width: 96}))));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    const body = new FormData();
    [...input.files].forEach((file) => body.append('media', file));
    const caption = form.querySelector('textarea').value;
    if (caption) {
      body.append('caption', caption);
    }
    try {
      await api('POST', '/posts', body);
      say('Posted');
      go('/feed');
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      errors.append(el('li', {}, error.message));
    }
  });
  return form;
}
