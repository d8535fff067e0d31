// The Nu HTML checker (vnu.jar from the vnu-jar package, run by the machine's
// Java), started once for every page: one JVM start-up instead of one per page.
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const VNU_JAR = path.join(__dirname, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * Validates `files` (absolute paths). Resolves to a list of
 * { file, line, column, message, extract } for every error; rejects only when
 * the checker itself could not run or said something that is not its JSON.
 */
function validate(files, siteDir, timeoutMs) {
  const args = ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files];
  return new Promise((resolve, reject) => {
    const java = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    java.stdout.on('data', (d) => (out += d));
    java.stderr.on('data', (d) => (out += d)); // vnu writes its JSON report to stderr
    java.on('error', reject);
    java.on('close', (code, signal) => {
      if (signal) return reject(new Error(`vnu.jar was stopped by ${signal} (timeout?)`));
      let report;
      try {
        report = JSON.parse(out);
      } catch {
        return reject(new Error(`vnu.jar exited ${code} without a JSON report:\n${out}`));
      }
      resolve(report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal')
        .map((m) => toFinding(m, siteDir)));
    });
  });
}

function toFinding(m, siteDir) {
  const file = m.url ? path.relative(siteDir, fileURLToPath(m.url)) : '?';
  return {
    file,
    line: m.lastLine,
    column: m.firstColumn,
    message: m.message,
    extract: (m.extract || '').replace(/\s+/g, ' ').trim(),
  };
}

module.exports = { validate };
