// Debian's headless Chromium driven by playwright-core, which never downloads a
// browser of its own. Each page is opened in a fresh tab that records what went
// wrong while it loaded: console errors, failed requests and requests that leave
// the site.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const CHROMIUM = '/usr/bin/chromium';
// The flags measured on this machine (shared/CRATES.md): without the
// background-networking ones, Chromium tries to reach Google at start-up.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const NAV_TIMEOUT_MS = 20_000;
const DESKTOP = { width: 1280, height: 900 };
// On screen at desktop width, and as printed: A4 is 794 x 1123 CSS px at 96 dpi.
const LAYOUTS = [
  { name: 'desktop', viewport: DESKTOP, media: 'screen' },
  { name: 'print', viewport: { width: 794, height: 1123 }, media: 'print' },
];

/**
 * Starts Chromium with a fresh, throw-away profile. `isInside(url)` tells the
 * site's own URLs (file:// folder, the server's subfolder) from the rest; any
 * other request is counted by the visit and aborted here, so nothing reaches
 * the network.
 */
async function launch(isInside) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pipepress-e2e-profile-'));
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: DESKTOP,
    timeout: NAV_TIMEOUT_MS,
  }).catch((e) => {
    removeProfile();
    throw e;
  });
  await context.route((url) => !isInside(url.href), (route) => route.abort('blockedbyclient'));
  return {
    context,
    close: async () => {
      await context.close();
      removeProfile();
    },
  };
}

/**
 * Opens `url` in a new tab and waits for `load`. Returns the open tab and what
 * was seen: { requests, consoleErrors[], failedRequests[], leaving[] }.
 * The caller closes the tab.
 */
async function visit(context, url, isInside) {
  const tab = await context.newPage();
  const seen = { requests: 0, consoleErrors: [], failedRequests: [], leaving: [] };
  tab.on('request', (r) => {
    seen.requests += 1;
    if (!isInside(r.url())) seen.leaving.push(r.url());
  });
  tab.on('requestfailed', (r) => {
    if (isInside(r.url())) seen.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  tab.on('response', (r) => {
    if (r.status() >= 400) seen.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  tab.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
  });
  tab.on('pageerror', (e) => seen.consoleErrors.push(`uncaught: ${e.message}`));
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
  } catch (e) {
    seen.failedRequests.push(`${url} (did not load: ${e.message.split('\n')[0]})`);
  }
  return { tab, seen };
}

/** Every id of the page, and every href/src (SVG's xlink:href too) as written. */
function readDom(tab) {
  return tab.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    refs: [...document.querySelectorAll('[*|href], [src]')].flatMap((e) => {
      const tag = e.tagName.toLowerCase();
      const href = e.getAttribute('href') ?? e.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
      const out = [];
      if (href !== null) out.push({ tag, attr: 'href', value: href });
      if (e.hasAttribute('src')) out.push({ tag, attr: 'src', value: e.getAttribute('src') });
      return out;
    }),
  }));
}

/**
 * Runs axe-core in the page with every <details> opened first, so the chart
 * data tables, hidden until a reader opens them, are checked too.
 */
async function runAxe(tab) {
  await tab.evaluate(axe.source);
  const result = await tab.evaluate(async () => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Lays the open tab out as `layout` (see LAYOUTS) and tells how many pixels the
 * page is wider than the viewport (0 when it fits); with `screenshotFile`, also
 * saves a full-page screenshot.
 */
async function layOut(tab, layout, screenshotFile) {
  await tab.setViewportSize(layout.viewport);
  await tab.emulateMedia({ media: layout.media });
  const overflow = await tab.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (screenshotFile) await tab.screenshot({ path: screenshotFile, fullPage: true });
  return overflow;
}

module.exports = { LAYOUTS, launch, visit, readDom, runAxe, layOut };
