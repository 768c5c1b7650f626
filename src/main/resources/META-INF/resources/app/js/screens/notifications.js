// The notifications list: newest first, live ones added on top; opening it marks everything read.
import {api} from '../api.js';
import {el, userLink, when} from '../dom.js';
import {pagedList} from '../lists.js';
import {onNotification, setUnread} from '../live.js';

const ACTIONS = {
  like: 'liked your post', comment: 'commented:', reply: 'replied:', mention: 'mentioned you:',
  follow: 'started following you', follow_request: 'asked to follow you',
  follow_accepted: 'accepted your follow request', message: 'sent you a message',
  comment_like: 'liked your comment:', post: 'shared a new post',
};

function notice(n) {
  const about = n.notice || {};
  switch (n.type) {
    case 'report_outcome': return `Your report was reviewed: ${about.outcome}.`;
    case 'warning': return `A warning from Shutter: ${about.reason || 'please follow the rules.'}`;
    case 'suspension': return `Your account is suspended ${about.endsAt ? `until ${new Date(about.endsAt).toLocaleString()}`
      : 'indefinitely'}.${about.reason ? ` ${about.reason}` : ''}`;
    case 'content_removed': return `Your ${about.targetKind} was removed.${about.reason ? ` ${about.reason}` : ''}`;
    default: return n.type;
  }
}

function target(n) {
  if (n.type === 'message') return `#/chats/${n.actor.id}`;
  if (n.type === 'follow_request') return '#/requests';
  if (n.post) return `#/p/${n.post.id}`;
  return n.actor ? `#/u/${n.actor.username}` : null;
}

export function notificationItem(n) {
  const href = target(n);
  const text = n.actor
    ? [userLink(n.actor), ` ${ACTIONS[n.type]}`, n.comment ? ` ${n.comment.text}` : '']
    : [el('strong', {}, 'Shutter: '), notice(n)];
  return el('li', {class: `notification${n.read ? '' : ' unread'}`},
    el('p', {}, ...text),
    el('p', {class: 'muted'}, when(n.createdAt), ' ', href ? el('a', {href}, 'Open') : null,
      n.post?.thumbnailUrl ? el('img', {src: n.post.thumbnailUrl, alt: '', width: 40, height: 40}) : null));
}

export async function notificationsScreen() {
  const list = pagedList('/notifications', notificationItem, {label: 'Notifications', empty: 'No notifications yet.'});
  await list.ready;
  const markRead = () => api('POST', '/notifications/read-all').then(() => setUnread(0));
  await markRead();
  const section = el('section', {'aria-labelledby': 'notifications-title'},
    el('h1', {id: 'notifications-title'}, 'Notifications'), list);
  const stop = onNotification((n) => {
    if (!section.isConnected) {
      stop();
      return;
    }
    list.firstChild.prepend(notificationItem(n));
    list.firstChild.nextSibling.textContent = '';
    markRead();
  });
  return section;
}
