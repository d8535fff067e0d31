// Links and anchors across the whole site, from what the browser parsed: every
// href/src of every page must name an existing file inside the site (a folder
// does not count: from file:// it shows a listing, not the page), and every
// #fragment must name an id of the page it points to. The site is built to work
// offline, so a link to another host is a finding too.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');

/**
 * `pages` maps a page's path relative to the site (e.g. "pipeline/index.html")
 * to { ids: string[], refs: [{ tag, attr, value }] } as read from its DOM.
 * Returns { links, anchors, failures: [{ page, text }] }.
 */
function checkLinks(siteDir, pages) {
  const counts = { links: 0, anchors: 0 };
  const failures = [];
  for (const [page, { refs }] of pages) {
    const base = pathToFileURL(path.join(siteDir, page));
    for (const ref of refs) {
      const problem = checkOne(siteDir, pages, base, ref, counts);
      if (problem) failures.push({ page, text: `<${ref.tag} ${ref.attr}="${ref.value}">: ${problem}` });
    }
  }
  return { ...counts, failures };
}

function checkOne(siteDir, pages, base, ref, counts) {
  counts.links += 1;
  let url;
  try {
    url = new URL(ref.value, base);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'file:') return `leaves the site (${url.protocol} link; the site must work offline)`;
  const file = fileURLToPath(url);
  const target = path.relative(siteDir, file);
  if (target.startsWith('..') || path.isAbsolute(target)) return 'points outside the site folder';
  if (!isFile(file)) return `${target} is not a file in the site`;
  if (url.hash === '') return null;
  counts.anchors += 1;
  const id = decodeURIComponent(url.hash.slice(1));
  const targetPage = pages.get(target);
  if (!targetPage) return `#${id} points into ${target}, which is not a page`;
  if (!targetPage.ids.includes(id)) return `${target} has no element with id "${id}"`;
  return null;
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

module.exports = { checkLinks };
