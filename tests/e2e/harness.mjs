// Shared pieces of the browser tests: serve dist/ on 127.0.0.1, launch
// Debian's Chromium through playwright-core, and read what charts show.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves dist/ (or `root`) and returns { url, close }. */
export async function startSite(options = {}) {
  const { server, url } = await serve({ root: DIST, ...options });
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/** A persistent-profile-free Chromium; the caller closes it. */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A context with its own fresh profile directory, for service-worker tests. */
export function launchPersistent() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gap-e2e-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
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

import { readFileSync as readTextFile } from 'node:fs';

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
