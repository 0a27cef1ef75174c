// Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown) against
// the release build served with gzip, for the full app and the embed view,
// three runs each; prints the median score, TBT, LCP and transfer size, and
// asserts nothing (scores move by several points between runs here).
//
//   node scripts/measure-lighthouse.mjs [dist] [runs]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './static-server.mjs';

const source = resolve(process.argv[2] ?? 'dist');
const RUNS = Number(process.argv[3] ?? 3);
const PAGES = [
  ['full app', ''],
  ['embed view', '?embed=1&chart=gap'],
];
const LIGHTHOUSE = resolve('node_modules/.bin/lighthouse');
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const run = promisify(execFile);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const { server, url } = await serve({ root: source, gzip: true });
const out = mkdtempSync(join(tmpdir(), 'gap-lighthouse-'));
console.log(`Lighthouse ${execFileSync(LIGHTHOUSE, ['--version']).toString().trim()}, mobile defaults, ${RUNS} runs per page, gzip-served ${source}`);
console.log(`  ${''.padEnd(12)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'best'.padStart(5)} ${'TBT'.padStart(9)} ${'LCP'.padStart(9)} ${'FCP'.padStart(9)} ${'bytes'.padStart(10)}`);
try {
  for (const [label, query] of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const file = join(out, `run-${label.replace(' ', '-')}-${i}.json`);
      // Asynchronously: the site is served from this process's event loop.
      await run(LIGHTHOUSE, [
        `${url}${query}`,
        '--output=json',
        `--output-path=${file}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${FLAGS}`,
      ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 2 ** 20 });
      const report = JSON.parse(readFileSync(file, 'utf8'));
      const audit = (id) => report.audits[id]?.numericValue ?? NaN;
      runs.push({
        perf: report.categories.performance.score * 100,
        a11y: report.categories.accessibility.score * 100,
        best: report.categories['best-practices'].score * 100,
        tbt: audit('total-blocking-time'),
        lcp: audit('largest-contentful-paint'),
        fcp: audit('first-contentful-paint'),
        bytes: audit('total-byte-weight'),
      });
    }
    const m = (key) => median(runs.map((run) => run[key]));
    console.log(
      `  ${label.padEnd(12)} ${m('perf').toFixed(0).padStart(5)} ${m('a11y').toFixed(0).padStart(5)} ${m('best').toFixed(0).padStart(5)} ` +
        `${`${m('tbt').toFixed(0)} ms`.padStart(9)} ${`${(m('lcp') / 1000).toFixed(2)} s`.padStart(9)} ${`${(m('fcp') / 1000).toFixed(2)} s`.padStart(9)} ${`${(m('bytes') / 1024).toFixed(0)} KB`.padStart(10)}`,
    );
    console.log(`    runs: ${runs.map((run) => `${run.perf.toFixed(0)}/${run.tbt.toFixed(0)} ms/${(run.lcp / 1000).toFixed(1)} s`).join(', ')}`);
  }
} finally {
  await new Promise((done) => server.close(done));
  rmSync(out, { recursive: true, force: true });
}
