// One way to show every list of the API: keyset pages, the next one fetched when the end comes into view.
import {api, me, page} from './api.js';
import {action, avatar, el} from './dom.js';

/**
 * path: the list's path; render(item) -> element; options: empty (text when there is nothing), limit,
 * tag (the list element), label (its accessible name), onPage(page) after each page.
 */
export function pagedList(path, render, options = {}) {
  const list = el(options.tag || 'ul', {class: options.class || 'list', 'aria-label': options.label});
  const end = el('p', {class: 'end'});
  const container = el('div', {class: 'paged'}, list, end);
  let cursor = null;
  let loading = false;
  let done = false;
  const more = async () => {
    if (loading || done) {
      return;
    }
    loading = true;
    end.textContent = 'Loading…';
    try {
      const result = await page(path, cursor, options.limit || 20);
      list.append(...result.items.map(render));
      cursor = result.nextCursor;
      done = cursor === null;
      end.textContent = done && !list.childElementCount ? (options.empty ?? 'Nothing here yet.') : '';
      options.onPage?.(result, list);
    } catch (error) {
      end.textContent = error.status === 403 ? error.message : `Could not load: ${error.message}`;
      done = true;
    } finally {
      loading = false;
    }
    // a short page that leaves the end in view asks for the next one at once
    if (!done && end.getBoundingClientRect().top < window.innerHeight) {
      more();
    }
  };
  new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && more()).observe(end);
  container.ready = more();
  return container;
}

/** A row for an account with a follow button (lists of followers, following, likers, search, suggestions). */
export function userRow(user, extra) {
  const follow = user.id === me()?.id || user.followedByMe === undefined ? null : followButton(user.username,
    user.followedByMe ? 'following' : 'none');
  return el('li', {class: 'user-row'},
    el('a', {class: 'user', href: `#/u/${user.username}`}, avatar(user, 40),
      el('span', {}, el('strong', {}, user.username), user.name ? el('span', {class: 'muted'}, ` ${user.name}`) : null)),
    extra || follow);
}

/** Follow, Requested or Following, as the API answers (a private account turns a follow into a request). */
export function followButton(username, status, onChange) {
  const labels = {following: 'Following', requested: 'Requested', none: 'Follow'};
  return action(labels[status], async (button) => {
    const current = button.dataset.status;
    const next = current === 'none' ? (await api('POST', `/users/${username}/follow`)).status
      : (await api('DELETE', `/users/${username}/follow`), 'none');
    button.dataset.status = next;
    button.textContent = labels[next];
    button.setAttribute('aria-pressed', String(next !== 'none'));
    onChange?.(next);
  }, {'data-status': status, 'aria-pressed': String(status !== 'none')});
}

function thumbnail(post) {
  const first = post.media[0];
  return el('li', {}, el('a', {href: `#/p/${post.id}`},
    el('img', {src: first.thumbnailUrl || first.url, loading: 'lazy', width: 160, height: 160,
      alt: first.altText || post.caption || `Post by ${post.author.username}`})));
}

/** A grid of post thumbnails (profile, explore, tags). */
export function postGrid(path, empty, label) {
  return pagedList(path, thumbnail, {class: 'grid', empty, limit: 18, label});
}
