// Forms that talk to the API: problem+json field errors listed under the form, in an assertive live region.
import {ApiError} from './api.js';
import {el} from './dom.js';

/** A form that sends its values with send(values) and lists problem+json field errors under it. */
export function apiForm(title, fields, submit, send, {heading = 'h2'} = {}) {
  const errors = el('ul', {class: 'errors', 'aria-live': 'assertive'});
  const id = `${title.toLowerCase().replace(/[^a-z]+/g, '-')}-title`;
  const button = el('button', {type: 'submit'}, submit);
  const form = el('form', {class: 'card', 'aria-labelledby': id}, el(heading, {id}, title), ...fields, errors, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) {
      return; // sent already; the answer is on its way
    }
    errors.replaceChildren();
    button.disabled = true;
    try {
      await send(Object.fromEntries(new FormData(form)), form);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      const lines = error.errors.length ? error.errors.map((e) => `${e.field}: ${e.message}`) : [error.message];
      errors.append(...lines.map((line) => el('li', {}, line)));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
