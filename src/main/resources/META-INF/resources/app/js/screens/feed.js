// The home feed: keyset pages of posts, the next one loaded when the end of the list comes into view.
import {api} from '../api.js';
import {el} from '../dom.js';

function postCard(post) {
  const likes = el('span', {}, `${post.likeCount} ${post.likeCount === 1 ? 'like' : 'likes'}`);
  const like = el('button', {type: 'button', 'aria-pressed': String(post.likedByMe)}, post.likedByMe ? 'Unlike' : 'Like');
  like.addEventListener('click', async () => {
    const liked = like.getAttribute('aria-pressed') === 'true';
    const state = await api(liked ? 'DELETE' : 'POST', `/posts/${post.id}/like`);
    like.setAttribute('aria-pressed', String(state.likedByMe));
    like.textContent = state.likedByMe ? 'Unlike' : 'Like';
    likes.textContent = `${state.likeCount} ${state.likeCount === 1 ? 'like' : 'likes'}`;
  });
  const media = post.media.map((item, index) => (item.type === 'video'
    ? el('video', {src: item.url, controls: true, poster: item.thumbnailUrl, width: item.width, height: item.height})
    : el('img', {src: item.url, width: item.width, height: item.height, loading: 'lazy',
      alt: post.caption ? `${post.caption} (${index + 1} of ${post.media.length})`
        : `Photo ${index + 1} of ${post.media.length} by ${post.author.username}`})));
  return el('article', {class: 'post', 'aria-label': `Post by ${post.author.username}`},
    el('h2', {}, post.author.username),
    el('div', {class: 'media'}, ...media),
    post.caption ? el('p', {class: 'caption'}, post.caption) : null,
    el('p', {class: 'actions'}, like, ' ', likes, ' ', el('span', {}, `${post.commentCount} comments`)),
    el('p', {class: 'time'}, el('time', {datetime: post.createdAt}, new Date(post.createdAt).toLocaleString())));
}

export async function feedScreen() {
  const list = el('div', {class: 'posts'});
  const end = el('p', {class: 'end'});
  const section = el('section', {'aria-labelledby': 'feed-title'}, el('h1', {id: 'feed-title'}, 'Home'), list, end);
  let cursor = null;
  let loading = false;
  let done = false;
  const more = async () => {
    if (loading || done) {
      return;
    }
    loading = true;
    end.textContent = 'Loading…';
    const page = await api('GET', `/feed?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.append(...page.items.map(postCard));
    cursor = page.nextCursor;
    done = cursor === null;
    end.textContent = done ? (list.childElementCount ? 'You are all caught up.' : 'Nothing here yet: follow people or post something.') : '';
    loading = false;
  };
  new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more()).observe(end);
  await more();
  return section;
}
