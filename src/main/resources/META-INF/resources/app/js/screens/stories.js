// Stories: the tray above the home feed, a viewer that plays one account's stories with a progress bar, the
// viewers of your own, and posting a new one.
import {api, me, page, randomKey} from '../api.js';
import {go, say} from '../nav.js';
import {action, avatar, choice, el, field, when} from '../dom.js';
import {pagedList, userRow} from '../lists.js';

const PHOTO_SECONDS = 5;

export async function storyTray() {
  const tray = await api('GET', '/stories/feed?limit=20');
  const own = tray.items.some((entry) => entry.user.id === me().id);
  const items = tray.items.map((entry) => el('li', {},
    el('a', {class: `story-ring${entry.hasUnseen ? ' unseen' : ''}`, href: `#/stories/${entry.user.username}`,
      'aria-label': `Stories of ${entry.user.username}${entry.hasUnseen ? ', new' : ''}`},
    avatar(entry.user, 56), el('span', {}, entry.user.id === me().id ? 'Your story' : entry.user.username))));
  if (!own) {
    items.unshift(el('li', {}, el('a', {class: 'story-ring', href: '#/stories/new'},
      avatar(me(), 56), el('span', {}, 'Add story'))));
  }
  return el('ul', {class: 'tray', 'aria-label': 'Stories'}, ...items);
}

const REACTIONS = ['❤️', '😂', '😮', '😢', '😍', '👏', '🔥', '🎉'];

/** Someone else's story: a quick reaction (one at a time, pressed again to take it back) and a reply by message. */
function answerTo(story) {
  let chosen = null;
  const buttons = REACTIONS.map((emoji) => action(emoji, async (button) => {
    const taking = chosen === emoji;
    await (taking ? api('DELETE', `/stories/${story.id}/reaction`) : api('PUT', `/stories/${story.id}/reaction`, {emoji}));
    chosen = taking ? null : emoji;
    buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === button && !taking)));
    say(taking ? 'Reaction removed' : `Reacted ${emoji}`);
  }, {'aria-pressed': 'false', 'aria-label': `React ${emoji}`}));
  const key = randomKey();
  const input = el('input', {id: 'story-reply', name: 'messageText', maxlength: 1000, required: true});
  const reply = el('form', {class: 'story-reply'}, el('label', {for: 'story-reply'}, `Reply to ${story.author.username}`),
    input, el('button', {type: 'submit'}, 'Send'));
  reply.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `/stories/${story.id}/reply`, {messageText: input.value, clientId: key});
      reply.replaceWith(el('p', {}, 'Reply sent. ', el('a', {href: `#/chats/${story.author.username}`}, 'Open the chat')));
    } catch (error) {
      say(error.message);
    }
  });
  return el('div', {}, el('p', {class: 'buttons reactions', role: 'group', 'aria-label': 'Reactions'}, ...buttons),
    reply);
}

function viewersOf(story) {
  const list = pagedList(`/stories/${story.id}/viewers`,
    (viewer) => userRow(viewer.user, el('span', {}, when(viewer.viewedAt),
      viewer.reaction ? el('span', {class: 'reaction', title: 'Their reaction'}, ` ${viewer.reaction}`) : null)),
    {label: 'Viewers', empty: 'No views yet.'});
  return el('section', {'aria-labelledby': 'viewers-title'},
    el('h2', {id: 'viewers-title'}, `Seen by ${story.viewCount}`), list);
}

export async function storyViewer({username}) {
  const stories = (await page(`/users/${encodeURIComponent(username)}/stories`, null, 50)).items;
  if (!stories.length) {
    return el('section', {}, el('h1', {}, `Stories of ${username}`), el('p', {}, 'No live stories.'));
  }
  const own = stories[0].author.id === me().id;
  const stage = el('div', {class: 'story-stage'});
  const progress = el('progress', {max: 100, value: 0, 'aria-label': 'Story progress'});
  const counter = el('p', {class: 'muted', 'aria-live': 'polite'});
  const below = el('div');
  let index = -1;
  let timer = null;
  const show = async (next) => {
    clearInterval(timer);
    if (next < 0 || next >= stories.length) {
      go('/feed');
      return;
    }
    index = next;
    const story = stories[index];
    const media = story.media.type === 'video'
      ? el('video', {src: story.media.url, autoplay: true, muted: true, playsinline: true,
        'aria-label': story.media.altText || `Video story by ${username}`})
      : el('img', {src: story.media.url, alt: story.media.altText || `Story by ${username}`, width: story.media.width, height: story.media.height});
    stage.replaceChildren(media);
    counter.replaceChildren(`${index + 1} of ${stories.length} · `, when(story.createdAt));
    below.replaceChildren(own ? viewersOf(story) : answerTo(story));
    if (!own && !story.seen) {
      api('POST', `/stories/${story.id}/view`).catch(() => null);
    }
    const seconds = story.media.durationSeconds || PHOTO_SECONDS;
    const started = Date.now();
    progress.value = 0;
    timer = setInterval(() => {
      if (!stage.isConnected) {
        clearInterval(timer);
        return;
      }
      progress.value = Math.min(100, ((Date.now() - started) / 10) / seconds);
      if (progress.value >= 100 && !paused) {
        show(index + 1);
      }
    }, 100);
  };
  let paused = own; // your own stories wait on each one, so the viewers can be read
  const pause = el('button', {type: 'button', 'aria-pressed': String(paused)}, paused ? 'Play' : 'Pause');
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Play' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
  });
  const remove = own ? action('Delete story', async () => {
    await api('DELETE', `/stories/${stories[index].id}`);
    stories.splice(index, 1);
    show(Math.min(index, stories.length - 1));
  }) : null;
  await show(0);
  return el('section', {class: 'story', 'aria-labelledby': 'story-title'},
    el('h1', {id: 'story-title'}, 'Stories of ', el('a', {href: `#/u/${username}`}, username)),
    progress, stage, counter,
    el('p', {class: 'buttons'},
      el('button', {type: 'button', onclick: () => show(index - 1)}, 'Previous'), pause,
      el('button', {type: 'button', onclick: () => show(index + 1)}, 'Next'), remove,
      el('a', {class: 'button', href: '#/feed'}, 'Close')),
    below);
}

export function newStoryScreen() {
  const key = randomKey();
  const file = field('Photo or video', {name: 'media', type: 'file', accept: 'image/*,video/*', required: true});
  const alt = field('Alt text (what it shows, for people who cannot see it)',
    {name: 'altText', tag: 'textarea', rows: 2, maxlength: 1000});
  const audience = choice('Share with', 'audience', [['everyone', 'Everyone who can see your stories'],
    ['close_friends', 'Close friends only']], 'everyone');
  const form = el('form', {class: 'card', 'aria-labelledby': 'new-story-title'},
    el('h1', {id: 'new-story-title'}, 'New story'), file, alt, audience,
    el('button', {type: 'submit'}, 'Share to your story'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData();
    body.append('media', file.querySelector('input').files[0]);
    body.append('altText', alt.querySelector('textarea').value);
    body.append('audience', audience.querySelector('select').value);
    await api('POST', '/stories', body, {'Idempotency-Key': key});
    say('Story shared');
    go(`/stories/${me().username}`);
  });
  return form;
}
