// Edit profile and avatar, and change the password.
import {api, rememberMe} from '../api.js';
import {say} from '../nav.js';
import {avatar, el, field} from '../dom.js';
import {apiForm} from '../forms.js';

export async function settingsScreen() {
  const user = await api('GET', '/users/me');
  rememberMe(user);
  const picture = el('span', {class: 'current-avatar'}, avatar(user, 80));
  const profile = apiForm('Profile', [
    field('Name', {name: 'name', value: user.name || '', maxlength: 50, autocomplete: 'name'}),
    field('Bio', {name: 'bio', tag: 'textarea', rows: 3, maxlength: 150}),
    field('Website', {name: 'website', type: 'url', value: user.website || '', autocomplete: 'url'}),
    el('p', {class: 'field'}, el('input', {id: 'field-private', type: 'checkbox', name: 'isPrivate', checked: user.isPrivate}),
      el('label', {for: 'field-private'}, ' Private account (people ask to follow you)')),
  ], 'Save profile', async (values) => {
    const updated = await api('PATCH', '/users/me', {name: values.name || null, bio: values.bio || null,
      website: values.website || null, isPrivate: values.isPrivate === 'on'});
    rememberMe(updated);
    say('Profile saved');
  });
  profile.querySelector('textarea').value = user.bio || '';
  const photo = apiForm('Profile photo', [picture,
    field('New photo', {name: 'profilePicture', type: 'file', accept: 'image/*', required: true})],
  'Upload photo', async (values) => {
    const body = new FormData();
    body.append('profilePicture', values.profilePicture);
    const {avatarUrl} = await api('PUT', '/users/me/avatar', body);
    rememberMe({...user, avatarUrl});
    picture.replaceChildren(avatar({...user, avatarUrl}, 80));
    say('Photo updated');
  });
  const password = apiForm('Password', [
    field('Current password', {name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true}),
    field('New password', {name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true}),
  ], 'Change password', async (values, form) => {
    await api('PUT', '/users/me/password', values);
    form.reset();
    say('Password changed');
  });
  const {words} = await api('GET', '/users/me/hidden-words');
  const hidden = apiForm('Hidden words', [
    el('p', {class: 'muted'}, 'Comments on your posts that contain one of these words or phrases are hidden from'
      + ' everyone but their author. One per line.'),
    field('Words and phrases', {name: 'words', tag: 'textarea', rows: 4}),
  ], 'Save hidden words', async (values) => {
    const list = values.words.split('\n').map((line) => line.trim()).filter(Boolean);
    const saved = await api('PUT', '/users/me/hidden-words', {words: list});
    hidden.querySelector('textarea').value = saved.words.join('\n');
    say('Hidden words saved');
  });
  hidden.querySelector('textarea').value = words.join('\n');
  return el('section', {'aria-labelledby': 'settings-title'}, el('h1', {id: 'settings-title'}, 'Edit profile'),
    el('p', {}, `Signed in as ${user.username} (${user.email}${user.emailVerified ? '' : ', not verified: '}`,
      user.emailVerified ? '' : el('a', {href: '#/verify'}, 'verify'), ')'),
    el('p', {}, el('a', {href: '#/security'}, 'Security: sessions, two-factor login, email address')),
    profile, photo, password, hidden);
}
