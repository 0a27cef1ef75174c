// Shared pieces of the browser tests: serve dist/ on 127.0.0.1, launch
// Debian's Chromium through playwright-core, and read what charts show.
import { cpSync, mkdirSync, mkdtempSync, readFileSync as readTextFile, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { launchBrowser } from '../../scripts/chromium.mjs';

export { launchBrowser, launchPersistent } from '../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Serves dist/ (or `root`) and returns { url, close }. */
export async function startSite(options = {}) {
  const { server, url } = await serve({ root: DIST, ...options });
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/** mulberry32: a tiny seeded PRNG with the few draws the random tests need. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { next, below, pick: (items) => items[below(items.length)], chance: (p) => next() < p };
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Waits until the chart named `name` has an ECharts instance with series. */
export async function waitForChart(page, name) {
  await page.waitForFunction(
    (chartName) => {
      const element = document.querySelector(`[data-chart="${chartName}"]`);
      const instance = element && window.echarts && window.echarts.getInstanceByDom(element);
      return Boolean(instance && instance.getOption().series?.length);
    },
    name,
    { timeout: 15000 },
  );
}

/** The option the chart named `name` currently shows (what ECharts holds, not what we sent). */
export function chartOption(page, name) {
  return page.evaluate((chartName) => {
    const element = document.querySelector(`[data-chart="${chartName}"]`);
    const option = window.echarts.getInstanceByDom(element).getOption();
    return JSON.parse(JSON.stringify(option));
  }, name);
}

/** Reads a `data-metric` readout's raw value as a number (NaN when empty). */
export async function metric(page, name) {
  const raw = await page.getAttribute(`[data-metric="${name}"]`, 'data-value');
  return raw === null || raw === '' ? Number.NaN : Number(raw);
}

export function screenshotPath(name) {
  return join(ARTIFACTS, `${name}.png`);
}


/**
 * The response headers a built site's `_headers` file (Netlify / Cloudflare
 * Pages format, written by scripts/post-build.mjs) gives every path: the
 * headers of its "/*" block, as a `headers(pathname)` function for
 * startSite({ headers }).
 */
export function headersFromFile(root = DIST) {
  const blocks = new Map();
  let current = null;
  for (const line of readTextFile(join(root, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = line.trim();
      blocks.set(current, {});
      continue;
    }
    const colon = line.indexOf(':');
    if (current && colon > 0) blocks.get(current)[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const all = blocks.get('/*') ?? {};
  return () => ({ ...all });
}

// ---- Helpers for the embed, language, export and accessibility tests. ----


/**
 * A private copy of dist/ in a temporary directory, so a rebuild of dist/ by
 * someone else during the run cannot change what a test serves. Returns
 * { root, remove }.
 */
export function snapshotDist() {
  const root = join(mkdtempSync(join(tmpdir(), 'gap-dist-')), 'dist');
  cpSync(DIST, root, { recursive: true });
  return { root, remove: () => rmSync(dirname(root), { recursive: true, force: true }) };
}

/**
 * A second tiny server on 127.0.0.1 (another port, so another origin) for
 * host pages: `page(path, html)` registers a page. Resolves to
 * { url, page, close }; `url` ends with "/".
 */
export function startHost() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url, 'http://127.0.0.1').pathname);
    if (html === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        page: (path, html) => pages.set(path.startsWith('/') ? path : `/${path}`, html),
        close: () => new Promise((done) => server.close(done)),
      }),
    );
  });
}

/** Waits until the Monte Carlo band readout has its numbers (it runs once the inputs rest). */
export function waitForMonteCarlo(pageOrFrame) {
  return pageOrFrame.waitForFunction(() => document.querySelector('[data-metric="gap_pv_p5"]')?.dataset.value !== '');
}

/** Every `data-metric` readout's raw `data-value` string, by name, in a page or frame. */
export function metricValues(pageOrFrame) {
  return pageOrFrame.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-metric]')].map((el) => [el.dataset.metric, el.dataset.value])),
  );
}

/** Waits for the frame of `page` whose URL starts with `prefix` (and passes `test`, if given). */
export async function waitForFrame(page, prefix, test = () => true, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(prefix) && test(candidate));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no frame at ${prefix} after ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Registers a file's before/after hooks for dist/ served on 127.0.0.1 and
 * one browser; returns { url, browser }, filled in once the hook has run.
 */
export function liveSite() {
  const live = { url: '', browser: null };
  let site;
  before(async () => {
    site = await startSite();
    live.url = site.url;
    live.browser = await launchBrowser();
  });
  after(async () => {
    await live.browser?.close();
    await site?.close();
  });
  return live;
}

/**
 * Registers the suite's before/after hooks for a private copy of dist/
 * served on 127.0.0.1 and one browser; returns { url, browser, ready },
 * filled in once `ready` (the hook) has resolved. Root-level hooks of one
 * file do not wait for each other: a suite's own `before` awaits `ready`.
 */
export function servedSnapshot() {
  let ready;
  const served = { url: '', browser: null, ready: new Promise((done) => (ready = done)) };
  let dist;
  let site;
  before(async () => {
    dist = snapshotDist();
    site = await startSite({ root: dist.root });
    served.url = site.url;
    served.browser = await launchBrowser();
    ready();
  });
  after(async () => {
    await served.browser?.close();
    await site?.close();
    dist?.remove();
  });
  return served;
}
