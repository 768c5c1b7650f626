// The home feed: the stories tray, then keyset pages of posts; accounts to follow when the feed is short.
import {api, me} from '../api.js';
import {el} from '../dom.js';
import {pagedList, userRow} from '../lists.js';
import {postCard} from '../posts.js';
import {storyTray} from './stories.js';

function suggestions() {
  const list = el('ul', {class: 'list', 'aria-label': 'Suggested accounts'});
  const section = el('section', {class: 'card', 'aria-labelledby': 'suggestions-title'},
    el('h2', {id: 'suggestions-title'}, 'Suggested for you'), list);
  api('GET', '/suggestions').then((result) => {
    list.append(...result.items.map((user) => userRow({...user, followedByMe: false})));
    section.hidden = result.items.length === 0;
  });
  return section;
}

export async function feedScreen() {
  const banner = me()?.emailVerified === false
    ? el('p', {class: 'notice'}, 'Your email address is not verified yet. ', el('a', {href: '#/verify'}, 'Verify it'))
    : null;
  const section = el('section', {'aria-labelledby': 'feed-title'}, el('h1', {id: 'feed-title'}, 'Home'), banner,
    await storyTray());
  let shownSuggestions = false;
  const feed = pagedList('/feed', (post) => {
    const card = postCard(post, {onDelete: () => card.remove()});
    return card;
  }, {
    tag: 'section', class: 'posts', label: 'Posts', limit: 10,
    empty: 'Nothing here yet: follow people or post something.',
    onPage: (result, list) => {
      if (!shownSuggestions && result.nextCursor === null && list.childElementCount < 10) {
        shownSuggestions = true;
        section.append(suggestions());
      }
    },
  });
  section.append(feed);
  await feed.ready;
  return section;
}
