// Notifications as they happen: one EventSource per signed-in tab, the unread badge, and resuming after a drop.
// While the token is good the browser reconnects by itself and sends Last-Event-ID; when the server refuses the
// reconnect (the stream ends when its token expires) a new EventSource starts with a renewed token and the last
// id in the query, so nothing is missed either way.
import {api, freshToken, signedIn} from './api.js';

const TYPES = ['like', 'comment', 'reply', 'mention', 'follow', 'follow_request', 'follow_accepted', 'message',
  'comment_like', 'post',
  'report_outcome', 'warning', 'suspension', 'content_removed'];
const listeners = new Set();
let source = null;
let lastId = null;
let unread = 0;
let running = false;
let retry = 1000;

function badge() {
  return document.getElementById('badge');
}

export function setUnread(count) {
  unread = count;
  badge().textContent = count > 0 ? `${count} new` : '';
  badge().hidden = count === 0;
}

/** Called with each notification that arrives; returns the function that stops listening. */
export function onNotification(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function state(value) {
  document.getElementById('nav').dataset.stream = value;
}

function again() {
  setTimeout(() => open(true), retry + Math.random() * 500);
  retry = Math.min(retry * 2, 30_000);
}

/** refused: the last stream was refused (e.g. its token expired), so the token is renewed first. */
async function open(refused = false) {
  const token = running ? await freshToken(refused) : null;
  if (!running) {
    return;
  }
  if (!token) {
    if (signedIn()) {
      again(); // the refresh got no answer (offline): try again later
    }
    return;
  }
  const resume = lastId ? `&lastEventId=${encodeURIComponent(lastId)}` : '';
  const current = new EventSource(`/notifications/stream?token=${encodeURIComponent(token)}${resume}`);
  source = current;
  source.onopen = () => {
    retry = 1000;
    state('open');
  };
  source.onerror = () => {
    if (source !== current) {
      return; // a stream of an earlier session
    }
    state('reconnecting');
    // CONNECTING: the browser reconnects by itself (network trouble); CLOSED: the server refused the stream
    if (current.readyState === EventSource.CLOSED) {
      source = null;
      again();
    }
  };
  TYPES.forEach((type) => source.addEventListener(type, (event) => {
    lastId = event.lastEventId;
    const notification = JSON.parse(event.data);
    setUnread(unread + (notification.read ? 0 : 1));
    listeners.forEach((listener) => listener(notification));
  }));
}

export async function startNotifications() {
  if (running) {
    return;
  }
  running = true;
  setUnread((await api('GET', '/notifications/unread-count')).count);
  open();
}

export function stopNotifications() {
  running = false;
  source?.close();
  source = null;
  lastId = null;
  state('closed');
}
