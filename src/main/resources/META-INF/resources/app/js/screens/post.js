// One post with its comments and replies, and the list of who liked it.
import {api, me, randomKey} from '../api.js';
import {go, say} from '../nav.js';
import {action, el, plural, richText, userLink, when} from '../dom.js';
import {pagedList, userRow} from '../lists.js';
import {postCard} from '../posts.js';

function commentItem(comment, reply) {
  const replies = el('ul', {class: 'replies', 'aria-label': `Replies to ${comment.author.username}`});
  const remove = comment.author.id === me()?.id ? action('Delete', async () => {
    await api('DELETE', `/comments/${comment.id}`);
    item.remove();
  }, {'aria-label': 'Delete comment'}) : null;
  const showReplies = comment.replyCount > 0 && comment.parentId === null
    ? action(`View ${plural(comment.replyCount, 'reply', 'replies')}`, async (button) => {
      button.remove();
      const list = pagedList(`/comments/${comment.id}/replies`, (r) => commentItem(r, reply),
        {class: 'replies', label: `Replies to ${comment.author.username}`});
      replies.replaceWith(list);
      item.replies = list.firstChild;
      await list.ready;
    }) : null;
  const answer = comment.parentId === null ? action('Reply', () => reply(comment)) : null;
  const likes = el('span', {class: 'likes'}, plural(comment.likeCount, 'like'));
  const like = action(comment.likedByMe ? 'Unlike' : 'Like', async (button) => {
    const liked = button.getAttribute('aria-pressed') === 'true';
    const state = await api(liked ? 'DELETE' : 'POST', `/comments/${comment.id}/like`);
    button.setAttribute('aria-pressed', String(state.likedByMe));
    button.textContent = state.likedByMe ? 'Unlike' : 'Like';
    likes.textContent = plural(state.likeCount, 'like');
  }, {'aria-pressed': String(comment.likedByMe)});
  const item = el('li', {class: 'comment'},
    el('p', {}, userLink(comment.author), ' ', ...richText(comment.text)),
    el('p', {class: 'muted'}, when(comment.createdAt), ' ', likes, ' ', like, ' ', answer, ' ', remove, ' ',
      showReplies),
    replies);
  item.replies = replies;
  return item;
}

export async function postScreen({id}) {
  const post = await api('GET', `/posts/${id}`);
  let parent = null;
  let commentKey = randomKey();
  const input = el('textarea', {id: 'comment-text', name: 'text', rows: 2, maxlength: 2200, required: true});
  const label = el('label', {for: 'comment-text'}, 'Add a comment');
  const form = el('form', {class: 'comment-form'}, label, input, el('button', {type: 'submit'}, 'Post comment'));
  const items = new Map();
  const reply = (comment) => {
    parent = comment;
    label.textContent = `Reply to ${comment.author.username}`;
    input.focus();
  };
  const comments = pagedList(`/posts/${id}/comments`, (comment) => {
    const item = commentItem(comment, reply);
    items.set(comment.id, item);
    return item;
  }, {label: 'Comments', class: 'comments', empty: 'No comments yet.'});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const created = await api('POST', `/posts/${id}/comments`, {text: input.value, parentId: parent?.id ?? null},
      {'Idempotency-Key': commentKey});
    commentKey = randomKey(); // the next comment is another one
    const item = commentItem(created, reply);
    (parent ? items.get(parent.id)?.replies : comments.querySelector('.comments'))?.append(item);
    input.value = '';
    parent = null;
    label.textContent = 'Add a comment';
    say('Comment posted');
  });
  await comments.ready;
  return el('section', {'aria-labelledby': 'post-title'},
    el('h1', {id: 'post-title', class: 'visually-hidden'}, `Post by ${post.author.username}`),
    postCard(post, {onDelete: () => go('/feed')}),
    el('h2', {}, 'Comments'), comments, form);
}

export async function likersScreen({id}) {
  const list = pagedList(`/posts/${id}/likes`, (user) => userRow(user), {label: 'Likes', empty: 'No likes yet.'});
  await list.ready;
  return el('section', {'aria-labelledby': 'likes-title'},
    el('h1', {id: 'likes-title'}, 'Liked by'), el('p', {}, el('a', {href: `#/p/${id}`}, 'Back to the post')), list);
}
