// Building elements without HTML strings (nothing from the API is ever parsed as markup).
import {say} from './nav.js';

/** el('p', {class: 'x'}, 'text', child) */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** A labelled form field. */
export function field(label, attributes) {
  const id = `field-${attributes.name}`;
  return el('p', {class: 'field'}, el('label', {for: id}, label), el(attributes.tag || 'input', {id, ...attributes}));
}

/** A labelled choice among options, each [value, text]. */
export function choice(label, name, options, selected) {
  const id = `field-${name}`;
  return el('p', {class: 'field'}, el('label', {for: id}, label),
    el('select', {id, name}, ...options.map(([value, text]) => el('option', {value, selected: value === selected}, text))));
}

/** A user's picture (or their initial) beside a link to their profile. */
export function avatar(user, size = 32) {
  return user.avatarUrl
    ? el('img', {class: 'avatar', src: user.avatarUrl, alt: '', width: size, height: size})
    : el('span', {class: 'avatar initial', 'aria-hidden': 'true'}, (user.username || '?')[0].toUpperCase());
}

export function userLink(user) {
  return el('a', {class: 'user', href: `#/u/${user.username}`}, avatar(user), el('span', {}, user.username));
}

/** "5 min ago" in a <time> that carries the exact instant. */
export function when(instant) {
  const seconds = Math.max(0, (Date.now() - new Date(instant)) / 1000);
  const text = seconds < 60 ? 'just now' : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago`
    : seconds < 86400 ? `${Math.floor(seconds / 3600)} h ago` : new Date(instant).toLocaleDateString();
  return el('time', {datetime: instant, title: new Date(instant).toLocaleString()}, text);
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Text with #tags and @mentions as links (built as nodes, never parsed as markup). */
export function richText(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/([#@])([\p{L}\p{N}_.]+)/gu)) {
    nodes.push(text.slice(last, match.index));
    const [whole, sign, name] = match;
    const href = sign === '#' ? `#/tags/${encodeURIComponent(name.toLowerCase())}` : `#/u/${name.toLowerCase()}`;
    nodes.push(el('a', {href}, whole));
    last = match.index + whole.length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

/** A button that runs an async action, disabled while it runs; errors go to the status line. */
export function action(label, run, attributes = {}) {
  const button = el('button', {type: 'button', ...attributes}, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run(button);
    } catch (error) {
      say(error.message);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
