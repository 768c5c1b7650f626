// The chat connection: one WebSocket per signed-in tab that reconnects with backoff and a fresh token, and
// resends every message not yet acknowledged with the same clientId (the server stores each clientId once, so a
// resend never duplicates). Unacknowledged messages are kept in localStorage, so they survive a reload too.
import {freshToken, randomKey, signedIn} from './api.js';

const PENDING = 'chatPending';
const listeners = new Set();
let socket = null;
let running = false;
let retry = 1000;

function pending() {
  return JSON.parse(localStorage.getItem(PENDING) || '[]');
}

function keepPending(frames) {
  localStorage.setItem(PENDING, JSON.stringify(frames));
}

function settle(clientId) {
  keepPending(pending().filter((frame) => frame.clientId !== clientId));
}

function emit(frame) {
  listeners.forEach((listener) => listener(frame));
}

/** Receives every frame (message, ack, read, error) and {type: 'connected'} after each (re)connect. */
export function onChat(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function connected() {
  return socket?.readyState === WebSocket.OPEN;
}

/** Sends now if connected, else on the next connect; returns the frame (its clientId names the ack). */
export function sendMessage(recipientId, messageText) {
  const frame = {recipientId, messageText, clientId: randomKey()};
  keepPending([...pending(), frame]);
  if (connected()) {
    socket.send(JSON.stringify(frame));
  }
  return frame;
}

export function pendingFor(userId) {
  return pending().filter((frame) => frame.recipientId === userId);
}

function again(refused) {
  setTimeout(() => connect(refused), retry + Math.random() * 500);
  retry = Math.min(retry * 2, 15_000);
}

/** refused: the last socket closed before it opened or for its token (1008), so the token is renewed first. */
async function connect(refused = false) {
  const token = running ? await freshToken(refused) : null;
  if (!running) {
    return;
  }
  if (!token) {
    if (signedIn()) {
      again(true); // the refresh got no answer (offline): try again later
    }
    return;
  }
  let opened = false;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const current = new WebSocket(`${scheme}://${window.location.host}/chat?token=${encodeURIComponent(token)}`);
  socket = current;
  document.getElementById('nav').dataset.chat = 'connecting';
  socket.onopen = () => {
    opened = true;
    retry = 1000;
    document.getElementById('nav').dataset.chat = 'open';
    pending().forEach((frame) => socket.send(JSON.stringify(frame)));
    emit({type: 'connected'});
  };
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'ack') {
      settle(frame.clientId);
    } else if (frame.type === 'error' && frame.clientId) {
      if (frame.code === 'unavailable' || frame.code === 'rate_limited') {
        const unsent = pending().find((f) => f.clientId === frame.clientId);
        setTimeout(() => unsent && connected() && socket.send(JSON.stringify(unsent)), 3000);
      } else {
        settle(frame.clientId); // refused for good (not mutual followers, too long, ...): resending cannot help
      }
    }
    emit(frame);
  };
  socket.onclose = (event) => {
    if (socket !== current) {
      return; // a socket of an earlier session, closed late
    }
    socket = null;
    document.getElementById('nav').dataset.chat = 'closed';
    if (running) {
      again(!opened || event.code === 1008);
    }
  };
}

export function startChat() {
  if (!running) {
    running = true;
    connect();
  }
}

export function stopChat() {
  running = false;
  socket?.close(1000);
  socket = null;
  localStorage.removeItem(PENDING);
}
