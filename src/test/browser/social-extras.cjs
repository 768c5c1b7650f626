// The social extras in the client: a liked reply, close friends and a close-friends story, a reaction and a reply
// to a story, post notifications, and hidden words. Runs after two-people.cjs: ana and ben follow each other,
// cara follows ana, and ana's post holds ben's comment with ana's reply.
const assert = require('node:assert/strict');
const {accessible} = require('./support.cjs');

async function openAnasPost(who, ana) {
  await who.page.goto(`${who.base}/app/#/u/${ana.name}`);
  await who.page.getByRole('list', {name: 'Pinned posts'}).getByRole('link').first().click(); // the commented one
  await who.page.getByRole('heading', {name: 'Comments'}).waitFor();
}

async function likedReply(ana, ben) {
  await openAnasPost(ben, ana);
  await ben.page.getByRole('button', {name: 'View 1 reply'}).click();
  const reply = ben.page.getByRole('list', {name: `Replies to ${ben.name}`}).getByRole('listitem')
    .filter({hasText: 'Thank you!'});
  await reply.getByRole('button', {name: 'Like'}).click();
  await reply.getByText('1 like').waitFor();
  assert.equal(await reply.getByRole('button', {name: 'Unlike'}).getAttribute('aria-pressed'), 'true');
  await ana.page.getByRole('link', {name: /^Notifications/}).click();
  await ana.page.getByRole('list', {name: 'Notifications'}).getByText(new RegExp(`${ben.name} liked your comment`))
    .first().waitFor();
}

async function closeFriendsStory(ana, ben, cara, photo, checked) {
  await ana.page.goto(`${ana.base}/app/#/u/${ben.name}`);
  await ana.page.getByRole('button', {name: 'Add to close friends'}).click();
  await ana.page.getByRole('button', {name: 'Remove from close friends', pressed: true}).waitFor();
  await ana.page.goto(`${ana.base}/app/#/stories/new`);
  await ana.page.getByLabel('Photo or video').setInputFiles(photo);
  await ana.page.getByLabel(/^Alt text/).fill('Only for close friends');
  await ana.page.getByLabel('Share with').selectOption('close_friends');
  await ana.page.getByRole('button', {name: 'Share to your story'}).click();
  await ana.page.getByRole('heading', {name: `Stories of ${ana.name}`}).waitFor();

  // ben, a close friend, sees both of ana's stories; cara, a follower, only the first
  await ben.page.goto(`${ben.base}/app/#/stories/${ana.name}`);
  await ben.page.getByText(/^1 of 2/).waitFor();
  await ben.page.getByRole('button', {name: 'Pause'}).click();
  await cara.page.goto(`${cara.base}/app/#/stories/${ana.name}`);
  await cara.page.getByText(/^1 of 1/).waitFor();

  // ben goes on to the close-friends story, reacts and replies; ana sees both
  await ben.page.getByRole('button', {name: 'Next'}).click();
  await ben.page.getByRole('img', {name: 'Only for close friends'}).waitFor();
  await ben.page.getByRole('button', {name: 'React 🔥'}).click();
  await ben.page.getByRole('button', {name: 'React 🔥', pressed: true}).waitFor();
  await ben.page.getByLabel(`Reply to ${ana.name}`).fill('Wish I was there');
  await accessible(ben, 'story with reactions and reply', checked);
  await ben.page.getByRole('button', {name: 'Send'}).click();
  await ben.page.getByText('Reply sent.').waitFor();

  await ana.page.goto(`${ana.base}/app/#/stories/${ana.name}`);
  await ana.page.getByRole('button', {name: 'Next'}).click();
  await ana.page.getByRole('list', {name: 'Viewers'}).getByRole('listitem').filter({hasText: ben.name})
    .getByText('🔥').waitFor();
  await ana.page.goto(`${ana.base}/app/#/chats/${ben.name}`);
  await ana.page.getByRole('list', {name: /^Messages with/}).getByText('Wish I was there').waitFor();
}

async function postNotifications(ana, ben, photo) {
  await ben.page.goto(`${ben.base}/app/#/u/${ana.name}`);
  await ben.page.getByRole('button', {name: 'Turn on post notifications'}).click();
  await ben.page.getByRole('button', {name: 'Turn off post notifications', pressed: true}).waitFor();
  await ana.page.getByRole('link', {name: 'New post'}).click();
  await ana.page.getByLabel('Photos or videos').setInputFiles(photo);
  await ana.page.getByLabel('Caption').fill('Second light');
  await ana.page.getByLabel('Who can comment').selectOption('followers');
  await ana.page.getByRole('button', {name: 'Share'}).click();
  await ana.page.getByRole('heading', {name: 'Home'}).waitFor();
  // the post notifications are sent by a background job after the post commits (every 10 s by default)
  await ben.page.getByRole('link', {name: /^Notifications/}).click();
  await ben.page.getByRole('list', {name: 'Notifications'}).getByText(new RegExp(`${ana.name} shared a new post`))
    .waitFor({timeout: 30_000});
}

async function hiddenWords(ana, cara, checked) {
  await ana.page.getByRole('link', {name: 'Settings'}).click();
  await ana.page.getByLabel('Words and phrases').fill('spoiler\nplot twist');
  await accessible(ana, 'settings with hidden words', checked);
  const put = ana.page.waitForResponse((r) => r.url().endsWith('/users/me/hidden-words')
    && r.request().method() === 'PUT');
  await ana.page.getByRole('button', {name: 'Save hidden words'}).click();
  assert.equal((await put).status(), 200);
  await ana.page.reload();
  // read through the locator (a waitForFunction would be evaluated as a string, which the pages' CSP refuses)
  const saved = ana.page.getByLabel('Words and phrases');
  await saved.waitFor();
  for (let i = 0; i < 50 && await saved.inputValue() !== 'spoiler\nplot twist'; i++) {
    await ana.page.waitForTimeout(100);
  }
  assert.equal(await saved.inputValue(), 'spoiler\nplot twist', 'the hidden words were saved');

  await openAnasPost(cara, ana);
  await cara.page.getByLabel('Add a comment').fill('Huge SPOILER ahead');
  await cara.page.getByRole('button', {name: 'Post comment'}).click();
  await cara.page.getByRole('list', {name: 'Comments'}).getByText('Huge SPOILER ahead').waitFor();
  await cara.page.reload();
  await cara.page.getByText('Huge SPOILER ahead').waitFor(); // its author still sees it

  await openAnasPost(ana, ana);
  await ana.page.getByRole('list', {name: 'Comments'}).getByText('Lovely colours').waitFor();
  assert.equal(await ana.page.getByText('Huge SPOILER ahead').count(), 0, 'the hidden comment is not shown to ana');
}

async function socialExtras(ana, ben, cara, photo, checked) {
  await likedReply(ana, ben);
  await closeFriendsStory(ana, ben, cara, photo, checked);
  await postNotifications(ana, ben, photo);
  await hiddenWords(ana, cara, checked);
}

module.exports = {socialExtras};
