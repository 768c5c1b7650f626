// Profiles: the header with counts and the follow, block and message buttons, the posts grid; followers,
// following, and the follow requests of a private account.
import {api, me} from '../api.js';
import {action, avatar, el, plural} from '../dom.js';
import {followButton, pagedList, postGrid, userRow} from '../lists.js';

/** The profile again after a change of relationship (counts, posts, buttons). */
function redraw() {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function relationshipButtons(profile) {
  const relation = profile.relationship;
  if (relation.blocking) {
    return [el('p', {}, 'You blocked this account.'), action('Unblock', async () => {
      await api('DELETE', `/users/${profile.username}/block`);
      redraw();
    })];
  }
  const status = relation.following ? 'following' : relation.requested ? 'requested' : 'none';
  const mutual = relation.following && relation.followedBy;
  const path = `/users/${profile.username}`;
  return [followButton(profile.username, status, redraw),
    mutual ? el('a', {class: 'button', href: `#/chats/${profile.username}`}, 'Message') : null,
    relation.following ? toggle(relation.postNotifications, 'Turn off post notifications', 'Turn on post notifications',
      `${path}/post-notifications`) : null,
    toggle(relation.closeFriend, 'Remove from close friends', 'Add to close friends', `${path}/close-friend`),
    action('Block', async () => {
      if (window.confirm(`Block ${profile.username}? They will no longer see your profile or posts.`)) {
        await api('POST', `/users/${profile.username}/block`);
        redraw();
      }
    })];
}

/** A button for a relationship setting that PUT turns on and DELETE turns off. */
function toggle(on, offLabel, onLabel, path) {
  return action(on ? offLabel : onLabel, async (button) => {
    const wasOn = button.getAttribute('aria-pressed') === 'true';
    await api(wasOn ? 'DELETE' : 'PUT', path);
    button.setAttribute('aria-pressed', String(!wasOn));
    button.textContent = wasOn ? onLabel : offLabel;
  }, {'aria-pressed': String(on)});
}

export async function profileScreen({username}) {
  const profile = await api('GET', `/users/${encodeURIComponent(username)}`);
  const own = profile.id === me()?.id;
  const buttons = own
    ? [el('a', {class: 'button', href: '#/settings'}, 'Edit profile'),
      el('a', {class: 'button', href: '#/stories/new'}, 'New story'),
      el('a', {class: 'button', href: '#/archive'}, 'Archive'),
      profile.isPrivate ? el('a', {class: 'button', href: '#/requests'}, 'Follow requests') : null]
    : relationshipButtons(profile);
  const counts = el('ul', {class: 'counts'},
    el('li', {}, plural(profile.postsCount, 'post')),
    el('li', {}, el('a', {href: `#/u/${profile.username}/followers`}, plural(profile.followersCount, 'follower'))),
    el('li', {}, el('a', {href: `#/u/${profile.username}/following`}, `${profile.followingCount} following`)));
  const blocked = profile.relationship?.blocking;
  // what a private account shares is for its followers (the API would answer 403): not asked for
  const closed = blocked || (profile.isPrivate && !own && !profile.relationship.following);
  const pinned = closed ? null : postGrid(`/users/${profile.username}/pinned`, '', 'Pinned posts');
  return el('section', {'aria-labelledby': 'profile-title'},
    el('header', {class: 'profile'}, avatar(profile, 80),
      el('div', {},
        el('h1', {id: 'profile-title'}, profile.username),
        profile.name ? el('p', {}, el('strong', {}, profile.name)) : null,
        profile.bio ? el('p', {}, profile.bio) : null,
        profile.website ? el('p', {}, /^https?:\/\//i.test(profile.website)
          ? el('a', {href: profile.website, rel: 'nofollow noopener'}, profile.website) : profile.website) : null,
        counts,
        el('p', {class: 'buttons'}, ...buttons.filter(Boolean)),
        closed ? null : el('p', {}, el('a', {href: `#/stories/${profile.username}`}, 'Stories')))),
    closed ? el('p', {}, blocked ? '' : 'This account is private. Follow it to see its photos and stories.')
      : el('div', {}, pinned, postGrid(`/users/${profile.username}/posts`,
        own ? 'Share your first photo.' : 'No posts yet.', 'Posts')));
}

export async function connectionsScreen({username, which}) {
  const list = pagedList(`/users/${encodeURIComponent(username)}/${which}`, (user) => userRow(user),
    {label: which, empty: which === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'});
  await list.ready;
  return el('section', {'aria-labelledby': 'connections-title'},
    el('h1', {id: 'connections-title'}, which === 'followers' ? `Followers of ${username}` : `${username} follows`),
    list);
}

export async function requestsScreen() {
  const list = pagedList('/follow-requests', (request) => {
    const decide = (verb) => action(verb === 'accept' ? 'Accept' : 'Decline', async () => {
      await api('POST', `/follow-requests/${request.user.username}/${verb}`);
      row.replaceWith(el('li', {}, `${request.user.username}: ${verb === 'accept' ? 'accepted' : 'declined'}`));
    });
    const row = userRow(request.user, el('span', {}, decide('accept'), ' ', decide('decline')));
    return row;
  }, {label: 'Follow requests', empty: 'No follow requests.'});
  await list.ready;
  return el('section', {'aria-labelledby': 'requests-title'}, el('h1', {id: 'requests-title'}, 'Follow requests'), list);
}
