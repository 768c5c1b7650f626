// Two (then three) people in their own browser contexts: follows, a post liked and commented with the
// notifications arriving live (one after a dropped connection), chat both ways with a drop on each side, a
// story and its viewers, and a private account's follow request.
const assert = require('node:assert/strict');
const {person, accessible, screenshot, signUp, whereEveryoneWas} = require('./support.cjs');
const {socialExtras} = require('./social-extras.cjs');

async function later(who) {
  await who.page.getByRole('link', {name: 'Later'}).click();
  await who.page.getByRole('heading', {name: 'Home'}).waitFor();
}

async function follow(who, other, checked) {
  const {page} = who;
  await page.getByRole('link', {name: 'Search'}).click();
  await page.getByLabel('Search people or tags').fill(other.name);
  const row = page.getByRole('listitem').filter({hasText: other.name});
  await row.getByRole('button', {name: 'Follow'}).waitFor();
  if (checked) await accessible(who, 'search', checked);
  await row.getByRole('link', {name: other.name}).click();
  await page.getByRole('heading', {name: other.name, exact: true}).waitFor();
  await page.getByRole('button', {name: 'Follow', exact: true}).click();
  await page.getByRole('button', {name: /^(Following|Requested)$/}).waitFor();
}

async function social(ana, ben, cara, photo, shots, checked) {
  await follow(ana, ben, checked);
  await accessible(ana, 'profile', checked);
  await follow(ben, ana);
  await ben.page.getByRole('link', {name: '1 follower'}).click(); // ana's follower: ben
  await ben.page.getByRole('listitem').filter({hasText: ben.name}).waitFor();
  await accessible(ben, 'followers', checked);

  await ana.page.getByRole('link', {name: 'New post'}).click();
  await ana.page.getByLabel('Photos or videos').setInputFiles(photo);
  await ana.page.getByLabel('Caption').fill(`Morning light, @${ben.name}`);
  await ana.page.getByRole('button', {name: 'Share'}).click();
  await ana.page.getByRole('article', {name: `Post by ${ana.name}`}).waitFor();
  await ana.page.getByRole('article', {name: `Post by ${ana.name}`}).getByRole('button', {name: 'Pin'}).click();
  await ana.page.getByRole('button', {name: 'Unpin'}).waitFor();
  await ben.page.goto(`${ben.base}/app/#/u/${ana.name}`);
  await ben.page.getByRole('list', {name: 'Pinned posts'}).getByRole('link').waitFor();

  // ana stays on her feed; what ben does reaches her badge live
  await ben.page.getByRole('link', {name: 'Home'}).click();
  const post = ben.page.getByRole('article', {name: `Post by ${ana.name}`});
  await post.getByText('Morning light').waitFor();
  await post.getByRole('button', {name: 'Like'}).click();
  await ana.page.locator('#badge', {hasText: /^2 new$/}).waitFor(); // ben's follow, then his like
  await screenshot(ben, shots, 'feed');

  // ana's connection drops; ben comments meanwhile; after it comes back the stream resumes where it was
  await ana.cut();
  await post.getByRole('link', {name: '0 comments'}).click();
  await ben.page.getByLabel('Add a comment').fill('Lovely colours');
  await ben.page.getByRole('button', {name: 'Post comment'}).click();
  await ben.page.getByRole('listitem').filter({hasText: 'Lovely colours'}).waitFor();
  await accessible(ben, 'post', checked);
  await ana.restore();
  await ana.page.locator('#badge', {hasText: /^3 new$/}).waitFor();
  assert.equal(await ana.page.getByRole('heading', {name: 'Home'}).count(), 1, 'ana never left her feed');

  // the stream is refused when it reconnects (as after its token expired): a new one, with a renewed token,
  // resumes after the last event it had (cara's follow meanwhile arrives)
  await ana.page.route('**/notifications/stream?**', (route) => route.fulfill({status: 401,
    contentType: 'application/problem+json', body: '{"status":401,"title":"Unauthorized"}'}), {times: 1});
  await ana.cut();
  await follow(cara, ana);
  await ana.restore();
  await ana.page.locator('#badge', {hasText: /^4 new$/}).waitFor();

  await ana.page.getByRole('link', {name: /^Notifications/}).click();
  const list = ana.page.getByRole('list', {name: 'Notifications'});
  await list.getByText(`${ben.name} started following you`).waitFor();
  await list.getByText(`${ben.name} liked your post`).waitFor();
  await list.getByText(`${ben.name} commented: Lovely colours`).waitFor();
  await list.getByText(`${cara.name} started following you`).waitFor();
  await ana.page.locator('#badge').waitFor({state: 'hidden'});
  await accessible(ana, 'notifications', checked);
  await screenshot(ana, shots, 'notifications');

  // ana answers ben's comment from the post view; the likers list names ben
  await list.getByRole('listitem').filter({hasText: 'commented'}).getByRole('link', {name: 'Open'}).click();
  await ana.page.getByRole('button', {name: 'Reply'}).click();
  await ana.page.getByLabel(`Reply to ${ben.name}`).fill('Thank you!');
  await ana.page.getByRole('button', {name: 'Post comment'}).click();
  await ana.page.getByRole('list', {name: `Replies to ${ben.name}`}).getByText('Thank you!').waitFor();
  await screenshot(ana, shots, 'post');
  await ana.page.getByRole('link', {name: '1 like'}).click();
  await ana.page.getByRole('listitem').filter({hasText: ben.name}).waitFor();
  await accessible(ana, 'likes', checked);
  await ana.page.goto(`${ana.base}/app/#/explore`);
  await ana.page.getByRole('heading', {name: 'Explore'}).waitFor();
  await accessible(ana, 'explore', checked);
}

async function openThread(who, other) {
  await who.page.goto(`${who.base}/app/#/u/${other.name}`);
  await who.page.getByRole('heading', {name: other.name, exact: true}).waitFor();
  await who.page.getByRole('link', {name: 'Message', exact: true}).click();
  await who.page.getByRole('heading', {name: `Chat with ${other.name}`}).waitFor();
}

async function send(who, text) {
  await who.page.getByLabel('Message', {exact: true}).fill(text);
  await who.page.getByRole('button', {name: 'Send'}).click();
}

function bubble(who, text) {
  return who.page.getByRole('list', {name: /^Messages with/}).getByRole('listitem').filter({hasText: text});
}

async function chat(ana, ben, shots, checked) {
  await openThread(ana, ben);
  await openThread(ben, ana);
  await send(ana, 'Coffee later?');
  await bubble(ben, 'Coffee later?').waitFor();
  await bubble(ana, 'Coffee later?').getByText('Seen').waitFor(); // ben's thread marked it read
  await send(ben, 'Sure, at ten');
  await bubble(ana, 'Sure, at ten').waitFor();
  await accessible(ana, 'chat', checked);
  await screenshot(ana, shots, 'chat');

  // ben's connection drops: ana's message is stored (acked), and ben's thread shows it once he is back
  await ben.cut();
  await send(ana, 'Sent while you were away');
  await bubble(ana, 'Sent while you were away').getByText(/^(Sent|Seen)$/).waitFor();
  await ben.restore();
  await bubble(ben, 'Sent while you were away').waitFor();

  // ana's connection drops: her message waits ("Sending…"), goes out again on reconnect, arrives once
  await ana.cut();
  await send(ana, 'Typed offline');
  await bubble(ana, 'Typed offline').getByText('Sending…').waitFor();
  await ana.restore();
  await bubble(ana, 'Typed offline').getByText(/^(Sent|Seen)$/).waitFor();
  await bubble(ben, 'Typed offline').waitFor();
  await ben.page.reload();
  await bubble(ben, 'Typed offline').waitFor();
  assert.equal(await bubble(ben, 'Typed offline').count(), 1, 'the resent message is stored once');
  await ben.page.getByRole('link', {name: 'Messages'}).click();
  await ben.page.getByRole('list', {name: 'Conversations'}).getByText(ana.name).waitFor();
  await accessible(ben, 'conversations', checked);
}

async function stories(ana, ben, photo, shots, checked) {
  await ana.page.goto(`${ana.base}/app/#/feed`);
  await ana.page.getByRole('link', {name: /Add story/}).click();
  await ana.page.getByLabel('Photo or video').setInputFiles(photo);
  await ana.page.getByLabel(/^Alt text/).fill('Morning light on the water');
  await accessible(ana, 'new story', checked);
  await ana.page.getByRole('button', {name: 'Share to your story'}).click();
  await ana.page.getByRole('heading', {name: `Stories of ${ana.name}`}).waitFor();

  await ben.page.goto(`${ben.base}/app/#/feed`);
  await ben.page.getByRole('link', {name: `Stories of ${ana.name}, new`}).click();
  await ben.page.getByRole('img', {name: 'Morning light on the water'}).waitFor();
  const progress = ben.page.getByRole('progressbar', {name: 'Story progress'});
  const started = await progress.evaluate((bar) => bar.value);
  await ben.page.waitForTimeout(1000);
  assert.ok(await progress.evaluate((bar) => bar.value) > started, 'the story plays');
  await accessible(ben, 'story viewer', checked);
  await screenshot(ben, shots, 'story');

  await ana.page.reload();
  await ana.page.getByRole('heading', {name: 'Seen by 1'}).waitFor();
  await ana.page.getByRole('list', {name: 'Viewers'}).getByText(ben.name).waitFor();
}

async function privateAccount(ben, cara, photo, shots, checked) {
  await ben.page.getByRole('link', {name: 'Settings'}).click();
  await ben.page.getByLabel('Name').fill('Ben B.');
  await ben.page.getByLabel(/Private account/).check();
  await accessible(ben, 'settings', checked);
  await ben.page.getByRole('button', {name: 'Save profile'}).click();
  await ben.page.getByText('Profile saved').waitFor();

  await ben.page.getByLabel('New photo').setInputFiles(photo);
  await ben.page.getByRole('button', {name: 'Upload photo'}).click();
  await ben.page.getByText('Photo updated').waitFor();
  const avatar = ben.page.locator('.current-avatar img');
  await avatar.evaluate((img) => img.decode());
  assert.ok(await avatar.evaluate((img) => img.naturalWidth > 0), 'the new avatar is served');

  await cara.page.goto(`${cara.base}/app/#/u/${ben.name}`);
  await cara.page.getByRole('heading', {name: ben.name, exact: true}).waitFor();
  await cara.page.getByRole('button', {name: 'Follow', exact: true}).click();
  await cara.page.getByRole('button', {name: 'Requested'}).waitFor();
  await cara.page.getByText('This account is private').waitFor();

  await ben.page.goto(`${ben.base}/app/#/requests`);
  const request = ben.page.getByRole('listitem').filter({hasText: cara.name});
  await accessible(ben, 'follow requests', checked);
  await request.getByRole('button', {name: 'Accept'}).click();
  await ben.page.getByText(`${cara.name}: accepted`).waitFor();

  await cara.page.reload();
  await cara.page.getByRole('button', {name: 'Following'}).waitFor();
  await cara.page.getByText('No posts yet.').waitFor();
  await screenshot(cara, shots, 'profile');

  // cara blocks ben: she sees a profile without content that she can unblock; he no longer finds hers
  cara.page.once('dialog', (dialog) => dialog.accept());
  await cara.page.getByRole('button', {name: 'Block'}).click();
  await cara.page.getByText('You blocked this account.').waitFor();
  ben.failuresExpected = true; // the browser logs the 404 it gets
  await ben.page.goto(`${ben.base}/app/#/u/${cara.name}`);
  await ben.page.getByRole('heading', {name: 'Not found'}).waitFor();
  ben.failuresExpected = false;
  await cara.page.getByRole('button', {name: 'Unblock'}).click();
  await cara.page.getByRole('button', {name: 'Follow', exact: true}).waitFor();
}

async function twoPeople(browser, base, photo, shots, problems, checked) {
  const [ana, ben, cara] = await Promise.all(['ana', 'ben', 'cara'].map((n) => person(browser, base, n, problems)));
  try {
    for (const who of [ana, ben, cara]) {
      await signUp(who);
      await later(who);
    }
    await social(ana, ben, cara, photo, shots, checked);
    console.log('two people: follow each other, post, like and comment, notifications live and after a drop: passed');
    await chat(ana, ben, shots, checked);
    console.log('chat: both ways live, read receipts, delivery after the receiver drops, resend after the sender drops: passed');
    await stories(ana, ben, photo, shots, checked);
    console.log('stories: posted, viewed with progress, the viewer listed: passed');
    await privateAccount(ben, cara, photo, shots, checked);
    console.log('private account, avatar and block: request, accept, posts visible, block and unblock: passed');
    await socialExtras(ana, ben, cara, photo, checked);
    console.log('social extras: a liked reply, a close-friends story with a reaction and a reply, post notifications,'
      + ' hidden words: passed');
  } catch (error) {
    await whereEveryoneWas(process.env.FAILURE_SHOTS || shots);
    throw error;
  } finally {
    for (const who of [ana, ben, cara]) {
      await who.context.close();
      who.line.close();
    }
  }
}

module.exports = {twoPeople};
