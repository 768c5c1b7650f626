// The web client end to end in a real browser, against a running server (the packaged jar in .ci/run).
// Usage: NODE_PATH=<dir with playwright-core and @axe-core/playwright> node web-client.cjs BASE_URL PHOTO [SHOTS_DIR]
const assert = require('node:assert/strict');
const fs = require('node:fs');
const {whereEveryoneWas, launch, person, newestMail, accessible, screenshot, signUp} = require('./support.cjs');
const {twoPeople} = require('./two-people.cjs');

const [base, photo, shots] = process.argv.slice(2);

/** The code an authenticator app shows for a base32 key, {@code ahead} 30 s steps from now (RFC 6238). */
function totp(key, ahead) {
  let bits = '';
  for (const c of key.replace(/=+$/, '')) {
    bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
  }
  const secret = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + ahead));
  const mac = require('node:crypto').createHmac('sha1', secret).update(counter).digest();
  const at = mac[19] & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** One person: sign up and verify, post a carousel, like, reload, log out, reset the password, log in. */
async function alone(browser, problems, checked) {
  const me = await person(browser, base, 'solo', problems);
  const {page} = me;
  await page.goto(`${me.base}/`);
  assert.match(page.url(), /\/app\/#\/login$/, 'the root leads a signed-out visitor to the login screen');
  await accessible(me, 'login', checked);
  await page.getByRole('link', {name: 'Create an account'}).click();
  await accessible(me, 'sign up', checked);
  await signUp(me);
  await accessible(me, 'verify', checked);
  const code = /\b(\d{6})\b/.exec((await newestMail(base, `${me.name}@example.com`, /verification code/)).text)[1];
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', {name: 'Verify', exact: true}).click();
  await page.getByRole('heading', {name: 'Home'}).waitFor();
  await page.getByText('Nothing here yet').waitFor();
  assert.equal(await page.getByText('not verified yet').count(), 0, 'the verified account sees no reminder');
  await accessible(me, 'home feed', checked);
  await screenshot(me, shots, 'empty-feed');

  // a carousel of two photos, the second (a screenshot of this page) moved to the front
  const second = await page.screenshot({clip: {x: 0, y: 0, width: 300, height: 300}});
  await page.getByRole('link', {name: 'New post'}).click();
  await page.getByLabel('Photos or videos').setInputFiles([{name: 'photo.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(photo)}, {name: 'second.png', mimeType: 'image/png', buffer: second}]);
  await page.getByRole('button', {name: 'Move second.png earlier'}).click();
  await page.getByRole('img', {name: 'Preview 1: second.png'}).waitFor();
  await page.getByLabel('Alt text for second.png').fill('The top of a Shutter screen');
  await page.getByLabel('Caption').fill(`Hello from a real browser, ${me.name} #shutter`);
  await accessible(me, 'composer', checked);
  await screenshot(me, shots, 'composer');
  await page.getByRole('button', {name: 'Share'}).click();

  const post = page.getByRole('article', {name: `Post by ${me.name}`});
  await post.getByText('Hello from a real browser').waitFor();
  const image = post.getByRole('img', {name: 'The top of a Shutter screen'}); // its alt text, rendered
  await image.evaluate((img) => img.decode());
  assert.equal(await image.evaluate((img) => img.naturalWidth), 300, 'the moved photo comes first and is served');
  await post.getByRole('button', {name: 'Next'}).click();
  await post.getByRole('img', {name: /\(2 of 2\)$/}).waitFor();
  await post.getByRole('button', {name: 'Like'}).click();
  await post.getByText('1 like').waitFor();
  await post.getByRole('link', {name: '#shutter'}).click();
  await page.getByRole('heading', {name: '#shutter'}).waitFor();
  await page.getByRole('list', {name: 'Tagged posts'}).getByRole('link', {name: 'The top of a Shutter screen'}).first()
    .waitFor(); // the thumbnail's alt text is its photo's
  await accessible(me, 'tag', checked);

  // a post behind a content warning: its photo shows when asked for
  await page.getByRole('link', {name: 'New post'}).click();
  await page.getByLabel('Photos or videos').setInputFiles(photo);
  await page.getByLabel('Content warning (optional)').fill('Spiders, up close');
  await page.getByRole('button', {name: 'Share'}).dblclick(); // a double tap shares one post (counted below)
  const warned = page.getByRole('article', {name: `Post by ${me.name}`}).first(); // the newest
  await warned.getByText('Content warning: Spiders, up close').waitFor();
  assert.equal(await warned.getByRole('img').count(), 0, 'the photo stays hidden behind the warning');
  await warned.getByRole('button', {name: 'Show'}).click();
  await warned.getByRole('img').waitFor();

  // the carousel edited: its first photo removed, the other described, a new caption; the earlier version kept
  const carousel = page.getByRole('article', {name: `Post by ${me.name}`}).filter({hasText: 'Hello from a real browser'});
  await carousel.getByRole('link', {name: 'Edit', exact: true}).click();
  await page.getByRole('heading', {name: 'Edit post'}).waitFor();
  await accessible(me, 'edit post', checked);
  await page.getByRole('button', {name: 'Remove Photo 1'}).click();
  await page.getByLabel('Alt text for Photo 1').fill('A test card');
  await page.getByLabel('Caption').fill('Edited in a real browser #shutter');
  await page.getByRole('button', {name: 'Save'}).click();
  const edited = page.getByRole('article', {name: `Post by ${me.name}`});
  await edited.getByRole('img', {name: 'A test card'}).waitFor();
  await edited.getByText('Edited in a real browser').waitFor();
  assert.equal(await edited.getByRole('button', {name: 'Next'}).count(), 0, 'one photo is left');
  await edited.getByRole('link', {name: 'Edited', exact: true}).click();
  const earlier = page.getByRole('list', {name: 'Earlier versions'});
  await earlier.getByText('Hello from a real browser').waitFor();
  await earlier.getByText('Photo 1 (removed): The top of a Shutter screen').waitFor();
  await accessible(me, 'edit history', checked);
  // archived: only its author sees it, in the archive; then back on the profile
  await page.getByRole('link', {name: 'Back to the post'}).click();
  await page.getByRole('button', {name: 'Archive', exact: true}).click();
  await page.getByRole('button', {name: 'Unarchive', exact: true}).waitFor();
  await page.goto(`${me.base}/app/#/u/${me.name}`);
  await page.getByText('1 post', {exact: true}).waitFor();
  await page.getByRole('link', {name: 'Archive', exact: true}).click();
  const archive = page.getByRole('list', {name: 'Archive'});
  await archive.getByRole('link', {name: 'A test card'}).waitFor();
  await accessible(me, 'archive', checked);
  await archive.getByRole('link', {name: 'A test card'}).click();
  await page.getByRole('button', {name: 'Unarchive', exact: true}).click();
  await page.getByRole('button', {name: 'Archive', exact: true}).waitFor();

  // an access token the server refuses (as an expired one) is renewed with the refresh token, unseen
  const refreshToken = await page.evaluate(() => localStorage.getItem('refreshToken'));
  me.failuresExpected = true; // the browser logs the 401 that starts the refresh
  await page.evaluate(() => localStorage.setItem('accessToken', `${localStorage.getItem('accessToken')}x`));
  await page.goto(`${me.base}/app/#/u/${me.name}`);
  await page.getByRole('heading', {name: me.name, exact: true}).waitFor();
  await page.getByText('2 posts').waitFor();
  assert.notEqual(await page.evaluate(() => localStorage.getItem('refreshToken')), refreshToken, 'the pair was rotated');
  me.failuresExpected = false;

  // tokens survive a reload; logging out ends the session
  await page.goto(`${me.base}/app/#/feed`);
  await page.reload();
  await page.getByRole('article', {name: `Post by ${me.name}`}).getByText('1 like').waitFor();
  await page.getByRole('button', {name: 'Log out'}).click();
  await page.getByRole('heading', {name: 'Log in'}).waitFor();

  // a forgotten password: the mailed token sets a new one, which logs in
  await page.getByRole('link', {name: 'Forgot your password?'}).click();
  await accessible(me, 'forgot password', checked);
  await page.getByLabel('Email').fill(`${me.name}@example.com`);
  await page.getByRole('button', {name: 'Send reset mail'}).click();
  await page.getByRole('heading', {name: 'Choose a new password'}).waitFor();
  await accessible(me, 'reset password', checked);
  const mail = await newestMail(base, `${me.name}@example.com`, /^Reset your/);
  const token = /^\s{4}(\S+)\s*$/m.exec(mail.text)[1];
  await page.getByLabel('Token from the mail').fill(token);
  await page.getByLabel('New password', {exact: true}).fill('a-new-passphrase-2');
  await page.getByRole('button', {name: 'Set password'}).click();
  await page.getByRole('heading', {name: 'Log in'}).waitFor();
  // by keyboard alone: the screen takes the focus, Tab reaches the fields in order, Enter submits
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.labels?.[0]?.textContent), 'Username or email');
  await page.keyboard.type(me.name);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.labels?.[0]?.textContent), 'Password');
  await page.keyboard.type('a-new-passphrase-2');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', {name: 'Home'}).waitFor();

  // security: this session listed; two-factor login turned on with the QR's key, then a login asks for a code
  await page.goto(`${me.base}/app/#/security`);
  await page.getByRole('list', {name: 'Sessions'}).getByText('(this device)').waitFor();
  await page.getByLabel('Password').first().fill('a-new-passphrase-2');
  await page.getByRole('button', {name: 'Continue'}).click();
  const qr = page.getByRole('img', {name: /^QR code of the key/});
  await qr.evaluate((img) => img.decode());
  const key = await page.locator('code').first().textContent();
  await page.getByLabel('Code from the app').fill(totp(key, 0));
  await accessible(me, 'security', checked);
  await page.getByRole('button', {name: 'Turn on'}).click();
  await page.getByRole('list', {name: 'Recovery codes'}).getByRole('listitem').nth(9).waitFor();
  await page.getByRole('button', {name: 'Log out', exact: true}).click(); // the shell's (a session's names its device)
  await page.getByRole('heading', {name: 'Log in'}).waitFor();
  await page.getByLabel('Username or email').fill(me.name);
  await page.getByLabel('Password').fill('a-new-passphrase-2');
  await page.getByRole('button', {name: 'Log in'}).click();
  await page.getByRole('heading', {name: 'Two-factor login'}).waitFor();
  await accessible(me, 'two-factor login', checked);
  await page.getByLabel('Code').fill(totp(key, 1)); // the next step: the one above was used
  await page.getByRole('button', {name: 'Log in'}).click();
  await page.getByRole('heading', {name: 'Home'}).waitFor();
  await me.context.close();
  me.line.close();
  console.log('alone: sign up, verify, carousel post, like, tag page, edit with history, archive, token renewal, reload, log out, password reset, log in by keyboard, two-factor login: passed');
}

async function main() {
  const browser = await launch();
  const problems = [];
  const checked = new Set();
  try {
    await alone(browser, problems, checked);
    await twoPeople(browser, base, photo, shots, problems, checked);
    assert.deepEqual(problems, [], 'no script errors and no policy violations');
    console.log(`axe found no serious or critical violation on ${checked.size} screens: ${[...checked].join(', ')}`);
  } catch (error) {
    await whereEveryoneWas(process.env.FAILURE_SHOTS || shots);
    throw error;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
