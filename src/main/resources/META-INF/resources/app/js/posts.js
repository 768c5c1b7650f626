// A post as every screen shows it: author, carousel, caption with links, like, comments, save.
import {api, me} from './api.js';
import {action, el, plural, richText, userLink, when} from './dom.js';
import {say} from './nav.js';

function mediaElement(post, item, index) {
  const of = `${index + 1} of ${post.media.length}`;
  if (item.type === 'video') {
    return el('video', {src: item.url, controls: true, poster: item.thumbnailUrl, width: item.width,
      height: item.height, 'aria-label': item.altText || `Video ${of} by ${post.author.username}`});
  }
  // the author's alt text; without one, what is known: the caption or whose photo it is
  return el('img', {src: item.url, width: item.width, height: item.height, loading: 'lazy',
    alt: item.altText || (post.caption ? `${post.caption} (${of})` : `Photo ${of} by ${post.author.username}`)});
}

/** One item at a time with Previous and Next; a single photo has no controls. */
function carousel(post) {
  const items = post.media.map((item, index) => mediaElement(post, item, index));
  const frame = el('div', {class: 'media'}, items[0]);
  if (items.length === 1) {
    return frame;
  }
  let shown = 0;
  const position = el('span', {class: 'position', 'aria-live': 'polite'}, `1 / ${items.length}`);
  const show = (index) => {
    shown = (index + items.length) % items.length;
    frame.replaceChildren(items[shown]);
    position.textContent = `${shown + 1} / ${items.length}`;
  };
  return el('div', {class: 'carousel', role: 'group', 'aria-roledescription': 'carousel'},
    frame,
    el('p', {class: 'carousel-controls'},
      el('button', {type: 'button', onclick: () => show(shown - 1)}, 'Previous'), position,
      el('button', {type: 'button', onclick: () => show(shown + 1)}, 'Next')));
}

/** A sensitive post's media stay behind its warning until the viewer asks to see them. */
function behindWarning(post, media) {
  if (!post.sensitive) {
    return media;
  }
  media.hidden = true;
  const show = el('button', {type: 'button'}, 'Show');
  const warning = el('div', {class: 'warning', role: 'note'},
    el('p', {}, post.contentWarning ? `Content warning: ${post.contentWarning}` : 'Sensitive content'), show);
  show.addEventListener('click', () => {
    warning.remove();
    media.hidden = false;
  });
  return el('div', {}, warning, media);
}

export function postCard(post, {onDelete} = {}) {
  // a hidden count (null) is not shown; only the author, who sees it, gets the likers link
  const likes = post.likeCount === null ? el('span')
    : el('a', {href: `#/p/${post.id}/likes`}, plural(post.likeCount, 'like'));
  const like = action(post.likedByMe ? 'Unlike' : 'Like', async (button) => {
    const liked = button.getAttribute('aria-pressed') === 'true';
    const state = await api(liked ? 'DELETE' : 'POST', `/posts/${post.id}/like`);
    button.setAttribute('aria-pressed', String(state.likedByMe));
    button.textContent = state.likedByMe ? 'Unlike' : 'Like';
    if (state.likeCount !== null) {
      likes.textContent = plural(state.likeCount, 'like');
    }
  }, {'aria-pressed': String(post.likedByMe)});
  const save = action(post.savedByMe ? 'Unsave' : 'Save', async (button) => {
    const saved = button.getAttribute('aria-pressed') === 'true';
    await api(saved ? 'DELETE' : 'POST', `/posts/${post.id}/save`);
    button.setAttribute('aria-pressed', String(!saved));
    button.textContent = saved ? 'Save' : 'Unsave';
  }, {'aria-pressed': String(post.savedByMe)});
  const own = post.author.id === me()?.id;
  const pin = own ? action(post.pinned ? 'Unpin' : 'Pin', async (button) => {
    const pinned = button.getAttribute('aria-pressed') === 'true';
    await api(pinned ? 'DELETE' : 'POST', `/posts/${post.id}/pin`);
    button.setAttribute('aria-pressed', String(!pinned));
    button.textContent = pinned ? 'Pin' : 'Unpin';
  }, {'aria-pressed': String(post.pinned)}) : null;
  const archive = own ? action(post.archivedAt ? 'Unarchive' : 'Archive', async (button) => {
    const archived = button.getAttribute('aria-pressed') === 'true';
    await api(archived ? 'DELETE' : 'POST', `/posts/${post.id}/archive`);
    button.setAttribute('aria-pressed', String(!archived));
    button.textContent = archived ? 'Archive' : 'Unarchive';
    say(archived ? 'Back on your profile' : 'Archived: only you can see it');
  }, {'aria-pressed': String(Boolean(post.archivedAt))}) : null;
  const remove = own && onDelete ? action('Delete', async () => {
    if (window.confirm('Delete this post?')) {
      await api('DELETE', `/posts/${post.id}`);
      onDelete();
    }
  }) : null;
  return el('article', {class: 'post', 'aria-label': `Post by ${post.author.username}`},
    el('header', {}, userLink(post.author)),
    behindWarning(post, carousel(post)),
    post.caption ? el('p', {class: 'caption'}, ...richText(post.caption)) : null,
    el('p', {class: 'actions'}, like, ' ', likes, ' ',
      el('a', {href: `#/p/${post.id}`}, plural(post.commentCount, 'comment')), ' ', save, ' ', pin, ' ', archive,
      ' ', own ? el('a', {class: 'button', href: `#/p/${post.id}/edit`}, 'Edit') : null, ' ', remove),
    el('p', {class: 'time'}, el('a', {href: `#/p/${post.id}`}, when(post.createdAt)),
      ...(post.editedAt ? [' · ', el('a', {href: `#/p/${post.id}/history`}, 'Edited')] : []),
      post.archivedAt ? ' · Archived: only you can see it' : null));
}
