// The web client end to end in a real browser: Debian's chromium driven by playwright-core (nothing downloads a
// browser). Usage: NODE_PATH=<dir with playwright-core> node web-client.cjs BASE_URL PHOTO [SCREENSHOT_DIR]
const {chromium} = require('playwright-core');
const assert = require('node:assert/strict');
const path = require('node:path');

const [base, photo, shots] = process.argv.slice(2);

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // playwright gives each launch a fresh profile directory of its own
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
  const problems = [];
  try {
    const page = await (await browser.newContext({viewport: {width: 390, height: 844}})).newPage();
    // a script error or a Content-Security-Policy violation fails the run
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));

    const name = `web_${Date.now().toString(36)}`;
    await page.goto(`${base}/`);
    assert.match(page.url(), /\/app\/#\/login$/, 'the root leads a signed-out visitor to the login screen');
    await page.getByRole('link', {name: 'Create an account'}).click();
    await page.getByLabel('Username').fill(name);
    await page.getByLabel('Email').fill(`${name}@example.com`);
    await page.getByLabel('Password').fill('web-client-passphrase-1');
    await page.getByRole('button', {name: 'Sign up'}).click();
    await page.getByRole('heading', {name: 'Home'}).waitFor();
    await page.getByText('Nothing here yet').waitFor();
    if (shots) await page.screenshot({path: path.join(shots, 'empty-feed.png')});

    await page.getByRole('link', {name: 'New post'}).click();
    await page.getByLabel('Photos or videos').setInputFiles(photo);
    await page.getByRole('img', {name: /^Preview 1/}).waitFor();
    await page.getByLabel('Caption').fill('Hello from a real browser #shutter');
    if (shots) await page.screenshot({path: path.join(shots, 'composer.png')});
    await page.getByRole('button', {name: 'Share'}).click();

    const post = page.getByRole('article', {name: `Post by ${name}`});
    await post.waitFor();
    await post.getByText('Hello from a real browser #shutter').waitFor();
    const image = post.getByRole('img').first();
    await image.evaluate((img) => img.decode());
    assert.ok(await image.evaluate((img) => img.naturalWidth > 0), 'the photo is served and decoded');
    await post.getByRole('button', {name: 'Like'}).click();
    await post.getByText('1 like').waitFor();
    if (shots) await page.screenshot({path: path.join(shots, 'feed.png')});

    // tokens survive a reload; logging out ends the session
    await page.reload();
    await page.getByRole('article', {name: `Post by ${name}`}).getByText('1 like').waitFor();
    await page.getByRole('button', {name: 'Log out'}).click();
    await page.getByRole('heading', {name: 'Log in'}).waitFor();
    assert.deepEqual(problems, [], 'no script errors and no policy violations');
    console.log('web client: sign up, post a photo, see it in the feed, like it, reload, log out: passed');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
