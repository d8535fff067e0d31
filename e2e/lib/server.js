// A tiny static HTTP server on 127.0.0.1 that serves the site under a subfolder
// (e.g. /sub/site/), as an intranet web server would. Serving from a subfolder,
// not the root, is the point: a root-absolute link such as /assets/style.css
// works from the root but breaks here. Directory URLs are not answered with
// index.html, because the site must also work from file://, where they are not.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Starts the server on a free port. `outside` collects every request the server
 * saw that was not under the prefix (a root-absolute link, a favicon probe...).
 * The server stops itself after `lifetimeMs` even if nobody calls close().
 */
async function startServer(siteDir, prefix, lifetimeMs) {
  const outside = [];
  const server = http.createServer((req, res) => answer(siteDir, prefix, req, res, outside));
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const deadline = setTimeout(() => close(server), lifetimeMs);
  deadline.unref(); // never the reason the process stays alive
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    outside,
    close: () => {
      clearTimeout(deadline);
      return close(server);
    },
  };
}

function answer(siteDir, prefix, req, res, outside) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  if (!url.pathname.startsWith(prefix)) {
    outside.push(url.pathname);
    return send(res, 404, 'outside the site');
  }
  const file = path.join(siteDir, decodeURIComponent(url.pathname.slice(prefix.length)));
  if (!file.startsWith(siteDir + path.sep)) return send(res, 403, 'outside the site');
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, 'not found');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-length': stat.size,
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function close(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

module.exports = { startServer };
