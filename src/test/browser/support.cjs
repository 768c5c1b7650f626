// What the browser scenarios share: Debian's chromium driven by playwright-core (nothing downloads a browser), a
// person per browser context behind a relay that can cut their connections, axe checks, mail and screenshots.
const {chromium} = require('playwright-core');
const {default: AxeBuilder} = require('@axe-core/playwright');
const assert = require('node:assert/strict');
const net = require('node:net');
const path = require('node:path');

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // playwright gives each launch a fresh profile directory of its own
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

/**
 * A TCP relay in front of the server for one person: cut() closes every connection that person's browser has
 * open (as a dropped network does) and refuses new ones until restore().
 */
function relay(target) {
  const {hostname, port} = new URL(target);
  const pairs = new Set();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    const pair = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    [client, upstream].forEach((socket) => socket.on('error', end).on('close', end));
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      down = true;
      pairs.forEach(([client, upstream]) => {
        client.destroy();
        upstream.destroy();
      });
    },
    restore() {
      down = false;
    },
    close() {
      this.cut();
      server.close();
    },
  })));
}

/** Script errors and console errors (CSP violations included) fail the run, except failed requests a step expects. */
const everyone = [];

/** On a failure: each open page's screen and status line, to see where it stood. */
async function whereEveryoneWas(dir) {
  for (const who of everyone) {
    if (!who.page.isClosed()) {
      const status = await who.page.locator('#status').textContent().catch(() => '?');
      console.error(`${who.label} was at ${who.page.url()} (status: "${status}")`);
      if (dir) await who.page.screenshot({path: path.join(dir, `failed-${who.label}.png`)}).catch(() => null);
    }
  }
}

async function person(browser, base, label, problems) {
  const line = await relay(base);
  const context = await browser.newContext({viewport: {width: 390, height: 844}});
  const page = await context.newPage();
  const who = {label, page, context, line, base: line.url, failuresExpected: false,
    name: `${label}_${Date.now().toString(36)}`};
  everyone.push(who);
  if (process.env.DEBUG_NET) {
    const live = (request) => /stream|\/chat\?/.test(request.url());
    page.on('request', (r) => live(r) && console.log(label, Date.now() % 100000, 'open', r.url().replace(/token=[^&]*/, '')));
    page.on('requestfailed', (r) => live(r) && console.log(label, Date.now() % 100000, 'failed', r.failure()?.errorText));
    page.on('websocket', (ws) => ws.on('close', () => console.log(label, Date.now() % 100000, 'ws closed')));
  }
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
  page.on('console', (message) => {
    const networkError = /net::ERR_|WebSocket connection to .* failed|Failed to load resource/.test(message.text());
    if (message.type() === 'error' && !(networkError && who.failuresExpected)) {
      problems.push(`${label}: console: ${message.text()}`);
    }
  });
  who.cut = async () => {
    if (process.env.DEBUG_NET) console.log(label, Date.now() % 100000, 'cut');
    who.failuresExpected = true;
    line.cut();
    // both live connections notice the drop before the scenario goes on
    await page.locator('#nav:not([data-stream="open"]):not([data-chat="open"])').waitFor();
  };
  who.restore = async () => {
    if (process.env.DEBUG_NET) console.log(label, Date.now() % 100000, 'restore');
    line.restore();
    // the client reconnects with backoff; both live connections are up again before the scenario goes on
    await page.locator('#nav[data-stream="open"][data-chat="open"]').waitFor({timeout: 40_000});
    who.failuresExpected = false;
  };
  return who;
}

/** The newest mail to an address as the embedded mail server caught it (GET /dev/mail, dev and tests only). */
async function newestMail(base, to, subject) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`${base}/dev/mail?to=${encodeURIComponent(to)}`);
    const mails = await response.json();
    const found = mails.find((mail) => subject.test(mail.subject));
    if (found) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

/** axe on the current screen: no serious or critical violation. */
async function accessible(who, screen, checked) {
  await who.page.locator('main:not([aria-busy])').waitFor();
  const result = await new AxeBuilder({page: who.page}).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
    `axe on ${screen}`);
  checked.add(screen);
}

function screenshot(who, shots, name) {
  return shots ? who.page.screenshot({path: path.join(shots, `${name}.png`)}) : null;
}

async function signUp(who) {
  const {page} = who;
  await page.goto(`${who.base}/app/#/signup`);
  await page.getByLabel('Username').fill(who.name);
  await page.getByLabel('Email').fill(`${who.name}@example.com`);
  await page.getByLabel('Password').fill('web-client-passphrase-1');
  await page.getByRole('button', {name: 'Sign up'}).click();
  await page.getByRole('heading', {name: 'Verify your email'}).waitFor();
  await page.locator('#nav[data-stream="open"][data-chat="open"]').waitFor();
}

module.exports = {whereEveryoneWas, launch, person, newestMail, accessible, screenshot, signUp};
