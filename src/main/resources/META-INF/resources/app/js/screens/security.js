// The account's security: where it is logged in, two-factor login, and changing the email address.
import {api, rememberMe} from '../api.js';
import {say} from '../nav.js';
import {action, el, field, when} from '../dom.js';
import {apiForm} from '../forms.js';
import {pagedList} from '../lists.js';

function sessionRow(session) {
  const row = el('li', {class: 'session'},
    el('p', {}, el('strong', {}, session.userAgent || 'Unknown device'), session.current ? ' (this device)' : ''),
    el('p', {class: 'muted'}, `From ${session.clientAddress || 'an unknown network'}, logged in `,
      when(session.createdAt), ...(session.lastRefreshedAt ? [', active ', when(session.lastRefreshedAt)] : [])),
    session.current ? null : action('Log out', async () => {
      await api('DELETE', `/users/me/sessions/${session.id}`);
      row.replaceWith(el('li', {class: 'muted'}, 'Logged out'));
    }, {'aria-label': `Log out ${session.userAgent || 'unknown device'}`}));
  return row;
}

function sessions() {
  const load = () => pagedList('/users/me/sessions', sessionRow, {label: 'Sessions'});
  let list = load();
  const others = action('Log out everywhere else', async () => {
    await api('POST', '/users/me/sessions/revoke-others');
    const fresh = load();
    list.replaceWith(fresh);
    list = fresh;
    say('Every other session is logged out');
  });
  return {ready: list.ready, section: el('section', {'aria-labelledby': 'sessions-title'},
    el('h2', {id: 'sessions-title'}, 'Where you are logged in'), list, el('p', {}, others))};
}

function recoveryCodes(codes) {
  return el('div', {class: 'card', role: 'status'},
    el('p', {}, 'Two-factor login is on. Keep these recovery codes somewhere safe: each logs in once without the app.'
      + ' They are shown only now.'),
    el('ul', {class: 'codes', 'aria-label': 'Recovery codes'}, ...codes.map((code) => el('li', {}, el('code', {}, code)))));
}

async function twoFactor() {
  const box = el('section', {'aria-labelledby': 'two-factor-title'}, el('h2', {id: 'two-factor-title'}, 'Two-factor login'));
  const status = await api('GET', '/users/me/two-factor');
  if (status.enabled) {
    box.append(el('p', {}, `On: ${status.recoveryCodesLeft} recovery codes left.`), apiForm('Turn it off', [
      field('Password', {name: 'password', type: 'password', autocomplete: 'current-password', required: true}),
      field('Code from the app', {name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true}),
    ], 'Turn off', async (values) => {
      await api('DELETE', '/users/me/two-factor', {password: values.password, code: values.code});
      say('Two-factor login is off');
      box.replaceWith(await twoFactor());
    }, {heading: 'h3'}));
    return box;
  }
  const start = apiForm('Turn it on', [
    el('p', {}, 'Logins will also ask for a code from an authenticator app.'),
    field('Password', {name: 'password', type: 'password', autocomplete: 'current-password', required: true}),
  ], 'Continue', async (values) => {
    const enrolment = await api('POST', '/users/me/two-factor', values);
    start.replaceWith(el('div', {},
      el('p', {}, 'Scan this code with your authenticator app, or type the key in it.'),
      el('img', {src: enrolment.qrCode, width: 240, height: 240, alt: `QR code of the key ${enrolment.secret}`}),
      el('p', {}, 'Key: ', el('code', {}, enrolment.secret)),
      apiForm('Confirm', [field('Code from the app', {name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric',
        required: true})], 'Turn on', async (confirm) => {
        const {recoveryCodes: codes} = await api('POST', '/users/me/two-factor/confirm', confirm);
        box.replaceWith(await twoFactor());
        document.querySelector('#two-factor-title')?.after(recoveryCodes(codes));
        say('Two-factor login is on');
      }, {heading: 'h3'})));
  }, {heading: 'h3'});
  box.append(el('p', {}, 'Off.'), start);
  return box;
}

function emailChange(user) {
  const form = apiForm('Change your email', [
    el('p', {}, `Now: ${user.email}. The new address gets a code; it is yours once the code comes back.`),
    field('New email', {name: 'email', type: 'email', autocomplete: 'email', required: true}),
    field('Password', {name: 'password', type: 'password', autocomplete: 'current-password', required: true}),
  ], 'Send code', async (values) => {
    const pending = await api('PUT', '/users/me/email', values);
    form.replaceWith(apiForm('Confirm your new email', [
      el('p', {}, `Enter the code we mailed to ${pending.pendingEmail}.`),
      field('Code', {name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', required: true}),
    ], 'Confirm', async (confirm) => {
      rememberMe(await api('POST', '/users/me/email/confirm', confirm));
      say(`Your email is now ${pending.pendingEmail}`);
    }, {heading: 'h3'}));
  }, {heading: 'h2'});
  return form;
}

export async function securityScreen() {
  const user = await api('GET', '/users/me');
  const list = sessions();
  const factor = await twoFactor();
  await list.ready;
  return el('section', {'aria-labelledby': 'security-title'}, el('h1', {id: 'security-title'}, 'Security'),
    list.section, factor, emailChange(user));
}
