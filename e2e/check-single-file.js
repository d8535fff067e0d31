#!/usr/bin/env node
// End-to-end check of `pipepress build --single-file` (issue 7): each file given
// loads in headless Chromium from file:// with no request but for itself (data:
// URIs aside), no console error, and no serious or critical axe violation, and
// it fits A4's width in print.
//
//   node check-single-file.js FILE.html...
//
// Every request to anything else is counted and aborted by the browser wrapper,
// so nothing reaches the network. Exit code: 0 all held, 1 something failed
// (each failure listed), 2 the check itself could not run.
'use strict';

const path = require('node:path');
const { pathToFileURL } = require('node:url');
const browser = require('./lib/browser');

const FAILING_IMPACTS = new Set(['serious', 'critical']);

async function main() {
  const files = process.argv.slice(2).map((f) => path.resolve(f));
  if (files.length === 0) throw new Error('usage: check-single-file.js FILE.html...');
  const urls = new Set(files.map((f) => pathToFileURL(f).href));
  const isInside = (url) => urls.has(url.split('#')[0]) || url.startsWith('data:');
  const chromium = await browser.launch(isInside);
  const failures = [];
  try {
    for (const file of files) {
      const url = pathToFileURL(file).href;
      const { tab, seen } = await browser.visit(chromium.context, url, isInside);
      const name = path.basename(file);
      for (const u of seen.leaving) failures.push(`${name}: requested ${u}`);
      for (const u of seen.failedRequests) failures.push(`${name}: failed ${u}`);
      for (const e of seen.consoleErrors) failures.push(`${name}: console error ${e}`);
      const violations = (await browser.runAxe(tab)).filter((v) => FAILING_IMPACTS.has(v.impact));
      for (const v of violations) failures.push(`${name}: axe ${v.id} (${v.impact}): ${v.help}`);
      const print = browser.LAYOUTS.find((l) => l.media === 'print');
      const overflow = await browser.layOut(tab, print);
      if (overflow > 0) failures.push(`${name}: ${overflow} px wider than A4 in print`);
      console.log(`${name}: ${seen.requests} request(s), ${seen.leaving.length} leaving the file`);
      await tab.close();
    }
  } finally {
    await chromium.close();
  }
  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(`single files: ${files.length} checked, ${failures.length} failure(s)`);
  return failures.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`check-single-file.js: ${error.stack || error}`);
  process.exit(2);
});
