// The API client: JSON in and out, problem+json errors as ApiError, and transparent refresh of the access token
// (one refresh at a time; each refresh token works once, so concurrent 401s wait for the same refresh).

const store = window.localStorage;
let refreshing = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.errors = problem?.errors || [];
  }
}

export function signedIn() {
  return store.getItem('refreshToken') !== null;
}

export function keep(auth) {
  store.setItem('accessToken', auth.accessToken);
  store.setItem('refreshToken', auth.refreshToken);
  store.setItem('me', JSON.stringify(auth.user));
}

export function rememberMe(user) {
  store.setItem('me', JSON.stringify(user));
}

export function me() {
  return JSON.parse(store.getItem('me') || 'null');
}

export function forget() {
  ['accessToken', 'refreshToken', 'me'].forEach((key) => store.removeItem(key));
}

async function refresh() {
  const token = store.getItem('refreshToken');
  if (!token) {
    return false;
  }
  let response;
  try {
    response = await fetch('/auth/refresh', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({refreshToken: token}),
    });
  } catch (offline) {
    return false; // no answer: the session may well be alive, a later attempt refreshes it
  }
  if (response.status === 400 || response.status === 401) {
    forget(); // the session ended (logout elsewhere, password change, expiry): sign out here too
    window.dispatchEvent(new Event('shutter:signed-out'));
    return false;
  }
  if (!response.ok) {
    return false;
  }
  keep(await response.json());
  return true;
}

function once() {
  refreshing = refreshing || refresh().finally(() => { refreshing = null; });
  return refreshing;
}

function expiry(token) {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
  } catch (unreadable) {
    return 0;
  }
}

/**
 * An access token good for at least another 30 s, for EventSource and WebSocket URLs (which cannot answer a 401
 * with a refresh themselves); force: refresh anyway (the server refused the token); null when none is to be had.
 */
export async function freshToken(force = false) {
  const token = store.getItem('accessToken');
  if (token && !force && expiry(token) - Date.now() > 30_000) {
    return token;
  }
  return (await once()) ? store.getItem('accessToken') : null;
}

/** A keyset page of a list: path plus limit and the cursor of the page before, if any. */
export function page(path, cursor, limit = 20) {
  const separator = path.includes('?') ? '&' : '?';
  return api('GET', `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
}

/** A random id (crypto.randomUUID needs a secure context; getRandomValues works on plain http hosts too). */
export function randomKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * body: an object (sent as JSON), FormData (multipart) or nothing; extraHeaders, e.g. an Idempotency-Key, so a
 * create sent again (a retry, a double tap) answers the first result instead of creating a second.
 */
export async function api(method, path, body, extraHeaders = {}) {
  const send = () => {
    const headers = {...extraHeaders};
    const token = store.getItem('accessToken');
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let payload = body;
    if (body !== undefined && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(path, {method, headers, body: payload});
  };
  let response = await send();
  if (response.status === 401 && store.getItem('refreshToken')) {
    if (await once()) {
      response = await send();
    }
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  const text = await response.text(); // 204, and 202 (accepted) have no body
  return text ? JSON.parse(text) : null;
}
