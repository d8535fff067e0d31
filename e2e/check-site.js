#!/usr/bin/env node
// End-to-end checks of a built pipepress site (issue 9, "Prove it holds").
//
//   node check-site.js --site DIR [--out DIR] [--board]
//
// --board: the site is a board build (--audience board), which has no seller
// pages; the first seller page is then not photographed.
//
// Every HTML page is loaded in headless Chromium twice, from file:// and from a
// subfolder of a local HTTP server, because the site promises to work from both
// (relative links only). Each load must have no console error, no failed request
// and no request leaving the site. The file:// load is also checked by axe-core
// (no serious or critical violation) and gives the links and ids for the
// site-wide link check. The server load is then laid out at desktop width on
// screen and at A4 width in print, where the page must not be wider than that
// (a few pages are photographed both ways). All pages go to the Nu HTML checker
// in one run, in parallel with the browser. Exit code: 0 all held, 1 something failed (each failure is
// listed), 2 the checks themselves could not run.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { parseArgs } = require('node:util');

const { startServer } = require('./lib/server');
const { validate } = require('./lib/validator');
const { checkLinks } = require('./lib/links');
const browser = require('./lib/browser');

const SUBFOLDER = '/sub/site/';
const SERVER_LIFETIME_MS = 10 * 60_000; // the server stops itself after this
const VALIDATOR_TIMEOUT_MS = 5 * 60_000;
const FAILING_IMPACTS = new Set(['serious', 'critical']);
// The pages photographed; the first seller page stands for all of them.
const PHOTOGRAPHED = ['index.html', 'pipeline/index.html', 'sellers/*', 'report/index.html'];

async function main() {
  const started = Date.now();
  const { site, out, board } = options();
  const pages = htmlPages(site);
  if (pages.length === 0) throw new Error(`no HTML pages under ${site}`);
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (f.endsWith('.png')) fs.rmSync(path.join(out, f));

  // Settled into a value at once, so that a checker that cannot start is reported
  // after the browser checks rather than crashing the run as an unhandled rejection.
  const validation = validate(pages.map((p) => path.join(site, p)), site, VALIDATOR_TIMEOUT_MS)
    .then((errors) => ({ errors }), (error) => ({ error }));
  const server = await startServer(site, SUBFOLDER, SERVER_LIFETIME_MS);
  const siteFileUrl = pathToFileURL(site + path.sep).href;
  const isInside = (url) => url.startsWith(siteFileUrl) || url.startsWith(server.base);

  const result = newResult();
  const photographed = photographedPages(pages, result, board);
  const chromium = await browser.launch(isInside);
  try {
    for (const page of pages) {
      await checkFromFile(chromium.context, site, page, isInside, result);
      await checkFromServer(chromium.context, server.base, page, isInside, result,
        photographed.has(page) ? { out, name: photographed.get(page) } : null);
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  for (const p of server.outside) result.fail('request outside the subfolder', null, `server saw ${p}`);

  const links = checkLinks(site, result.dom);
  result.counts.links = links.links;
  result.counts.anchors = links.anchors;
  for (const f of links.failures) result.fail('broken link', f.page, f.text);

  const { errors, error } = await validation;
  if (error) throw error;
  result.counts.validatorErrors = errors.length;
  for (const e of errors) {
    result.fail('invalid HTML', e.file, `${e.line}:${e.column}: ${e.message}  [${e.extract}]`);
  }

  result.counts.seconds = ((Date.now() - started) / 1000).toFixed(1);
  report(result, pages, out);
  return result.failures.length === 0 ? 0 : 1;
}

function options() {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      out: { type: 'string', default: path.join(__dirname, 'out') },
      board: { type: 'boolean', default: false },
    },
  });
  if (!values.site) throw new Error('usage: node check-site.js --site DIR [--out DIR] [--board]');
  return { site: fs.realpathSync(values.site), out: path.resolve(values.out), board: values.board };
}

/** Every .html file under the site, relative to it, in a stable order. */
function htmlPages(site) {
  return fs.readdirSync(site, { recursive: true })
    .filter((p) => p.endsWith('.html'))
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

/**
 * Page path -> screenshot name for the pages in PHOTOGRAPHED (a board build has
 * no seller pages); a missing one fails.
 */
function photographedPages(pages, result, board) {
  const chosen = new Map();
  for (const want of PHOTOGRAPHED.filter((w) => !(board && w === 'sellers/*'))) {
    const page = want === 'sellers/*'
      ? pages.find((p) => /^sellers\/[^/]+\/index\.html$/.test(p))
      : pages.find((p) => p === want);
    if (!page) {
      result.fail('missing page', null, `no page to photograph for ${want}`);
      continue;
    }
    chosen.set(page, page === 'index.html' ? 'index' : path.dirname(page).replaceAll('/', '-'));
  }
  return chosen;
}

function newResult() {
  const result = {
    counts: {
      pagesLoaded: 0, requests: 0, consoleErrors: 0, failedRequests: 0, leavingRequests: 0,
      axeViolations: 0, axeMinorOrModerate: 0, validatorErrors: 0, links: 0, anchors: 0, layouts: 0,
    },
    dom: new Map(),
    failures: [],
    failedPages: new Set(),
    notes: [], // findings that do not fail the run, shown for the record
    screenshots: [],
  };
  // `page` is the page a failure belongs to, or null for the site as a whole.
  result.fail = (kind, page, text) => {
    result.failures.push(`${kind}: ${page ? `${page}: ` : ''}${text}`);
    result.failedPages.add(page ?? '(the site as a whole)');
  };
  return result;
}

/** From file://: the load itself, then the DOM for the link check, then axe. */
async function checkFromFile(context, site, page, isInside, result) {
  const url = pathToFileURL(path.join(site, page)).href;
  const { tab, seen } = await browser.visit(context, url, isInside);
  try {
    record(result, page, 'file://', seen);
    result.dom.set(page, await browser.readDom(tab));
    for (const v of await browser.runAxe(tab)) {
      if (!FAILING_IMPACTS.has(v.impact)) {
        result.counts.axeMinorOrModerate += 1;
        result.notes.push(`axe, ${v.impact}: ${page}: ${v.id} ${v.help}: ${v.nodes.slice(0, 3).join(', ')}`);
        continue;
      }
      result.counts.axeViolations += 1;
      result.fail('accessibility', page, `${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 5).join(', ')}`
        + (v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''));
    }
  } finally {
    await tab.close();
  }
}

/**
 * From the server's subfolder: the load itself, then the page laid out on
 * screen and in print, where it must not be wider than the viewport (on paper,
 * what is wider is cut off), with screenshots of the photographed pages.
 */
async function checkFromServer(context, base, page, isInside, result, photo) {
  const { tab, seen } = await browser.visit(context, base + page, isInside);
  try {
    record(result, page, 'http, subfolder', seen);
    for (const layout of browser.LAYOUTS) {
      const file = photo ? path.join(photo.out, `${photo.name}-${layout.name}.png`) : null;
      const overflow = await browser.layOut(tab, layout, file);
      if (file) result.screenshots.push(file);
      result.counts.layouts += 1;
      if (overflow > 0) {
        result.fail('too wide', page, `${overflow} px wider than the ${layout.viewport.width} px ${layout.name} viewport`);
      }
    }
  } finally {
    await tab.close();
  }
}

function record(result, page, how, seen) {
  const c = result.counts;
  c.pagesLoaded += 1;
  c.requests += seen.requests;
  c.consoleErrors += seen.consoleErrors.length;
  c.failedRequests += seen.failedRequests.length;
  c.leavingRequests += seen.leaving.length;
  for (const e of seen.consoleErrors) result.fail('console error', page, `(${how}) ${e}`);
  for (const r of seen.failedRequests) result.fail('failed request', page, `(${how}) ${r}`);
  for (const r of seen.leaving) result.fail('request leaving the site', page, `(${how}) ${r}`);
}

function report(result, pages, out) {
  const c = result.counts;
  const lines = [
    `pages loaded:        ${c.pagesLoaded} (each page from file:// and from http://127.0.0.1${SUBFOLDER})`,
    `requests:            ${c.requests}`,
    `console errors:      ${c.consoleErrors}`,
    `failed requests:     ${c.failedRequests}`,
    `requests leaving:    ${c.leavingRequests}`,
    `axe violations:      ${c.axeViolations} serious or critical (${c.axeMinorOrModerate} minor or moderate, not failing)`,
    `validator errors:    ${c.validatorErrors}`,
    `links checked:       ${c.links} (${c.anchors} with an #anchor)`,
    `widths checked:      ${c.layouts} (each page at 1280 px on screen and 794 px in print)`,
    `screenshots:         ${result.screenshots.length} in ${out}`,
    `time:                ${c.seconds} s`,
  ];
  fs.writeFileSync(path.join(out, 'summary.json'),
    JSON.stringify({ counts: c, failures: result.failures, notes: result.notes }, null, 2) + '\n');
  console.log('== e2e summary');
  for (const l of lines) console.log(l);
  if (result.notes.length > 0) {
    console.log(`\n${result.notes.length} note(s), not failing:`);
    for (const n of result.notes) console.log(`- ${n}`);
  }
  if (result.failures.length > 0) {
    console.log(`\n${result.failures.length} failure(s):`);
    for (const f of result.failures) console.log(`- ${f}`);
  }
  // One line per run in the form CI tools read: pages with no failure, and pages
  // (plus the site as a whole, when a failure belongs to no page) with one.
  const failed = result.failedPages.size;
  const passed = pages.filter((p) => !result.failedPages.has(p)).length;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`e2e: could not run the checks: ${err.stack || err}`);
    process.exit(2);
  },
);
