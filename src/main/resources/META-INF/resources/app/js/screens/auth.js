// Sign up and log in. Both end with a token pair kept by api.js, then the home feed.
import {api, ApiError, keep} from '../api.js';
import {go, say} from '../app.js';
import {el, field} from '../dom.js';

export function authScreen(mode) {
  const signup = mode === 'signup';
  const form = el('form', {class: 'card', 'aria-labelledby': 'auth-title'},
    el('h1', {id: 'auth-title'}, signup ? 'Create your account' : 'Log in'),
    signup ? field('Username', {name: 'username', autocomplete: 'username', required: true})
      : field('Username or email', {name: 'login', autocomplete: 'username', required: true}),
    signup ? field('Email', {name: 'email', type: 'email', autocomplete: 'email', required: true}) : null,
    field('Password', {name: 'password', type: 'password', required: true,
      autocomplete: signup ? 'new-password' : 'current-password'}),
    el('ul', {class: 'errors', 'aria-live': 'assertive'}),
    el('button', {type: 'submit'}, signup ? 'Sign up' : 'Log in'),
    el('p', {}, signup ? el('a', {href: '#/login'}, 'I have an account') : el('a', {href: '#/signup'}, 'Create an account')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const errors = form.querySelector('.errors');
    errors.replaceChildren();
    try {
      keep(await api('POST', signup ? '/auth/register' : '/auth/login', values));
      say(signup ? 'Welcome! Check your mail for a code to verify your address.' : 'Logged in');
      go('/feed');
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      const lines = error.errors.length ? error.errors.map((e) => `${e.field}: ${e.message}`) : [error.message];
      errors.append(...lines.map((line) => el('li', {}, line)));
    }
  });
  return form;
}
