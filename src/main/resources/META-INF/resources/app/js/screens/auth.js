// The account flows before and around signing in: sign up, log in, verify the email address, forgotten password.
import {api, keep, me, rememberMe} from '../api.js';
import {go, say} from '../nav.js';
import {action, el, field} from '../dom.js';
import {apiForm} from '../forms.js';

export function authScreen(mode) {
  const signup = mode === 'signup';
  const fields = signup
    ? [field('Username', {name: 'username', autocomplete: 'username', required: true}),
      field('Email', {name: 'email', type: 'email', autocomplete: 'email', required: true}),
      field('Password', {name: 'password', type: 'password', autocomplete: 'new-password', required: true})]
    : [field('Username or email', {name: 'login', autocomplete: 'username', required: true}),
      field('Password', {name: 'password', type: 'password', autocomplete: 'current-password', required: true})];
  const form = apiForm(signup ? 'Create your account' : 'Log in', fields, signup ? 'Sign up' : 'Log in', async (values) => {
    const answer = await api('POST', signup ? '/auth/register' : '/auth/login', values);
    if (answer.twoFactorRequired) {
      form.replaceWith(secondFactorForm(answer.challenge));
      return;
    }
    keep(answer);
    say(signup ? 'Welcome! We mailed you a code to verify your address.' : 'Logged in');
    go(signup ? '/verify' : '/feed');
  }, {heading: 'h1'});
  form.append(el('p', {}, signup ? el('a', {href: '#/login'}, 'I have an account')
    : el('a', {href: '#/signup'}, 'Create an account')),
  signup ? null : el('p', {}, el('a', {href: '#/forgot'}, 'Forgot your password?')));
  return form;
}

/** The second step of a login with two-factor login on: a code from the app, or a recovery code. */
function secondFactorForm(challenge) {
  const form = apiForm('Two-factor login', [
    el('p', {}, 'Enter the 6-digit code your authenticator app shows, or one of your recovery codes.'),
    field('Code', {name: 'code', autocomplete: 'one-time-code', required: true, maxlength: 40}),
  ], 'Log in', async (values) => {
    const code = values.code.trim();
    keep(await api('POST', '/auth/login/2fa', /^[0-9]{6}$/.test(code) ? {challenge, code} : {challenge, recoveryCode: code}));
    say('Logged in');
    go('/feed');
  }, {heading: 'h1'});
  queueMicrotask(() => form.querySelector('input')?.focus());
  return form;
}

export function verifyScreen() {
  const form = apiForm('Verify your email', [
    el('p', {}, `Enter the 6-digit code we mailed to ${me()?.email}.`),
    field('Code', {name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', required: true}),
  ], 'Verify', async (values) => {
    rememberMe(await api('POST', '/auth/email/verify', values));
    say('Your email address is verified');
    go('/feed');
  }, {heading: 'h1'});
  form.append(el('p', {}, action('Send a new code', async () => {
    await api('POST', '/auth/email/resend');
    say('A new code is on its way');
  }), ' ', el('a', {href: '#/feed'}, 'Later')));
  return form;
}

export function forgotScreen() {
  const form = apiForm('Forgot your password?', [
    el('p', {}, 'We will mail a reset token to the address of your account, if it has a verified one.'),
    field('Email', {name: 'email', type: 'email', autocomplete: 'email', required: true}),
  ], 'Send reset mail', async (values) => {
    await api('POST', '/auth/password/forgot', values);
    say('If an account has this address, a reset mail is on its way');
    go('/reset');
  }, {heading: 'h1'});
  form.append(el('p', {}, el('a', {href: '#/reset'}, 'I have a token'), ' ', el('a', {href: '#/login'}, 'Log in')));
  return form;
}

export function resetScreen() {
  return apiForm('Choose a new password', [
    field('Token from the mail', {name: 'token', autocomplete: 'off', required: true}),
    field('New password', {name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true}),
  ], 'Set password', async (values) => {
    await api('POST', '/auth/password/reset', values);
    say('Password changed: log in with it');
    go('/login');
  }, {heading: 'h1'});
}

/** The link mailed to the old address after a change of email. */
export function undoEmailScreen({token}) {
  return apiForm('Undo the change of email', [
    el('p', {}, 'This puts back the address this link was mailed to, and logs out every device. '
      + 'Then choose a new password: someone else may know it.'),
  ], 'Put my address back', async () => {
    await api('POST', '/auth/email/undo', {token});
    say('Your address is back and every device is logged out. Choose a new password.');
    go('/forgot');
  }, {heading: 'h1'});
}
