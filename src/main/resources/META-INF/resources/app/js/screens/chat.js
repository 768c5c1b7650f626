// Chat: the conversations, and one conversation with its history, live messages, acks and read receipts.
// After a reconnect the newest page is read again, so messages sent while this tab was offline appear.
import {api, me} from '../api.js';
import {el, userLink, when} from '../dom.js';
import {pagedList} from '../lists.js';
import {onChat, pendingFor, sendMessage} from '../chat-socket.js';

export async function conversationsScreen() {
  const list = pagedList('/chats', (conversation) => el('li', {class: 'conversation'},
    userLink(conversation.user),
    el('a', {href: `#/chats/${conversation.user.username}`},
      conversation.lastMessage ? conversation.lastMessage.messageText : 'Say hello'),
    conversation.unreadCount ? el('span', {class: 'badge'}, `${conversation.unreadCount} unread`) : null),
  {label: 'Conversations', empty: 'No conversations yet. People who follow you back can be messaged.'});
  await list.ready;
  const section = el('section', {'aria-labelledby': 'chats-title'}, el('h1', {id: 'chats-title'}, 'Messages'), list);
  const stop = onChat((frame) => {
    if (!section.isConnected) {
      stop();
    } else if (frame.type === 'message') {
      window.dispatchEvent(new HashChangeEvent('hashchange')); // redraw with the new order and counts
    }
  });
  return section;
}

export async function threadScreen({username}) {
  const other = await api('GET', `/users/${encodeURIComponent(username)}`);
  const mine = me().id;
  const byId = new Map();
  const byClientId = new Map();
  const list = el('ol', {class: 'messages', 'aria-label': `Messages with ${username}`, 'aria-live': 'polite'});
  let readUpTo = 0;
  let cursor = null;

  const status = (message) => (message.senderId !== mine ? ''
    : message.id === undefined ? 'Sending…' : message.id <= readUpTo || message.readAt ? 'Seen' : 'Sent');
  const draw = (message) => {
    const item = el('li', {class: message.senderId === mine ? 'mine' : 'theirs', 'data-id': message.id},
      el('p', {}, message.messageText),
      el('p', {class: 'muted'}, message.sentAt ? when(message.sentAt) : null, ' ',
        el('span', {class: 'delivery'}, message.error || status(message))));
    item.message = message;
    return item;
  };
  const place = (item) => {
    const id = item.message.id;
    const later = id === undefined ? null : [...list.children].find((li) => li.message.id === undefined || li.message.id > id);
    list.insertBefore(item, later);
  };
  const add = (message) => {
    if (message.id !== undefined && byId.has(message.id)) {
      return;
    }
    const item = draw(message);
    if (message.id !== undefined) {
      byId.set(message.id, item);
    }
    place(item);
  };
  const markRead = async () => {
    const theirs = [...byId.values()].filter((li) => li.message.senderId === other.id).map((li) => li.message.id);
    if (theirs.length) {
      await api('POST', `/chats/${other.id}/read`, {upToId: Math.max(...theirs)});
    }
  };
  const load = async (older) => {
    const result = await api('GET', `/chats/${other.id}/messages?limit=30${older && cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    result.items.forEach(add);
    if (older || cursor === null) {
      cursor = result.nextCursor;
      more.hidden = cursor === null;
    }
  };
  const more = el('button', {type: 'button', onclick: () => load(true)}, 'Older messages');

  await load(false);
  pendingFor(other.id).forEach((frame) => {
    const item = draw({...frame, senderId: mine});
    byClientId.set(frame.clientId, item);
    place(item);
  });
  markRead();

  const input = el('input', {id: 'message-text', name: 'messageText', autocomplete: 'off', maxlength: 2000, required: true});
  const form = el('form', {class: 'message-form'}, el('label', {for: 'message-text'}, 'Message'), input,
    el('button', {type: 'submit'}, 'Send'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const frame = sendMessage(other.id, input.value);
    const item = draw({...frame, senderId: mine});
    byClientId.set(frame.clientId, item);
    place(item);
    input.value = '';
  });

  const section = el('section', {'aria-labelledby': 'thread-title'},
    el('h1', {id: 'thread-title'}, 'Chat with ', userLink(other)), more, list, form);
  const stop = onChat((frame) => {
    if (!section.isConnected) {
      stop();
      return;
    }
    if (frame.type === 'connected') {
      load(false).then(markRead);
    } else if (frame.type === 'message' && [frame.senderId, frame.recipientId].includes(other.id)) {
      add(frame);
      if (frame.senderId === other.id) {
        markRead();
      }
    } else if (frame.type === 'ack' && byClientId.has(frame.clientId)) {
      const old = byClientId.get(frame.clientId);
      byClientId.delete(frame.clientId);
      old.remove();
      add({...old.message, id: frame.id, sentAt: frame.sentAt});
    } else if (frame.type === 'read' && frame.userId === other.id) {
      readUpTo = Math.max(readUpTo, frame.upToId);
      byId.forEach((li) => li.message.senderId === mine && li.message.id <= readUpTo
        && (li.querySelector('.delivery').textContent = 'Seen'));
    } else if (frame.type === 'error' && byClientId.has(frame.clientId) && frame.code !== 'unavailable') {
      byClientId.get(frame.clientId).querySelector('.delivery').textContent = `Not sent: ${frame.message}`;
    }
  });
  return section;
}
