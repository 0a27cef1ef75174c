// Random query strings as real page loads: whatever the URL says, the page
// never panics (no pageerror, no console error with "panicked",
// "RuntimeError" or "unreachable"), shows its chart (the gap chart, or in the
// embed view the chart the URL names) with finite data, finite readouts, and
// shows URL text only as text. The URL the app writes back is clean: loading
// it gives the same numbers without a notice.
//
// 3,000 query strings come from a seeded PRNG; a sample of them is loaded
// (page loads are slow: FUZZ_PAGES=n loads another number), two pages at a
// time, from a server that sends the production headers (CSP from _headers)
// and lets the browser cache the hashed files. crates/gap-url/tests/url_fuzz.rs fuzzes the
// parser itself with thousands more queries, natively, without page loads.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, headersFromFile, launchBrowser, prng, startSite } from './harness.mjs';
import { CHARTS } from '../../scripts/app-facts.mjs';

const SEED = 0x5eed2026;
const GENERATED = 3000;
const LOADED = Number(process.env.FUZZ_PAGES ?? 100);
const RELOADED = Math.ceil(LOADED / 6); // of the loaded ones, also reload the URL the app wrote
const PARALLEL = 2;
const INPUTS = [
  'required', 'capex', 'capex_growth', 'history_growth', 'revenue', 'growth', 'revenue_cap', 'rate', 'life',
  'margin', 'energy', 'gpu_share', 'tco', 'capex_share', 'cost_cut', 'pass_through', 'elasticity', 'start', 'end',
];
const SETTINGS = ['v', 'method', 'lang', 'theme', 'embed', 'chart', 'controls', 'draws', 'seed', 'corr', 'view', 'figure'];
// `range_<input>=below,above[,shape]` or `off` (README).
const RANGE_FAMILY = 'range_<input>';
const SHAPES = ['tri', 'uniform', 'pert', 'PERT', 'normal', ''];
const VERSIONS = ['1', '2', ' 2 ', '3', '', 'v2'];
const PANIC = /panicked|RuntimeError|unreachable/i;


const ODD_NUMBERS = [
  'NaN', 'nan', 'inf', '-inf', '+inf', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-999', '-0', '+0', '0', '',
  ' ', '  42  ', '4 2', '0x10', '1_000', '1,5', '2.5.1', '.5', '5.', '+5', '--5', 'e5', '٣', '１２', '½',
  '9007199254740993', '1.7976931348623157e308', '2.5e-324', '-1e12', '1e12', '-5000', '99999999999',
];
const WORDS = [
  'direct', 'sequoia', 'bain', 'dcf', ' dcf ', 'DCF', 'en', 'de', 'nl', 'fr', 'DE', 'en-US', 'light', 'dark',
  'Dark', 'neon', '1', 'true', '0', 'false', 'yes', ...CHARTS, 'pie', 'null', 'undefined', '__proto__',
];
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror="window.__xss=1">',
  '<img src=x onerror=window.__xss=1>',
  "'; window.__xss=1; //",
  'javascript:window.__xss=1',
  '{{7*7}}',
];
const UNKNOWN_KEYS = ['Rate', 'RATE', ' rate', 'rate ', 'rate[]', 'utm_source', 'x', '', '__proto__', 'constructor', 'ratë', '📈'];

function numberText(rng) {
  const value = [
    () => rng.next() * 100,
    () => rng.next() * 6000 - 1000,
    () => 2000 + Math.floor(rng.next() * 120) - 10,
    () => (rng.next() - 0.5) * 10 ** rng.below(40),
    () => Math.round(rng.next() * 400) / 4,
    () => -rng.next() * 100,
  ][rng.below(6)]();
  return [() => value.toExponential(), () => value.toFixed(0), () => value.toFixed(2), () => String(value)][rng.below(4)]();
}

function junk(rng) {
  switch (rng.below(6)) {
    case 0:
      return rng.pick(WORDS);
    case 1:
      return rng.pick(HOSTILE);
    case 2:
      return '9'.repeat(1 + rng.below(600)); // very long; the request line stays under Node's 16 KB limit
    case 3:
      return 'x'.repeat(200 + rng.below(1500));
    default:
      return Array.from({ length: rng.below(16) }, () => {
        const ranges = [[0x20, 0x7f], [0x01, 0x20], [0xa0, 0x2000], [0x1f300, 0x1f600]];
        const [low, high] = rng.pick(ranges);
        return String.fromCodePoint(low + rng.below(high - low));
      }).join('');
  }
}

function rangeText(rng) {
  switch (rng.below(8)) {
    case 0:
      return 'off';
    case 1:
    case 2:
      return `${numberText(rng)},${numberText(rng)}`;
    case 3:
    case 4:
      return `${numberText(rng)},${numberText(rng)},${rng.pick(SHAPES)}`;
    case 5:
      return `${rng.pick(ODD_NUMBERS)},${numberText(rng)}`;
    default:
      return junk(rng);
  }
}

function valueFor(rng, key) {
  if (key === 'v') return rng.pick(VERSIONS);
  if (key.startsWith('range_')) return rangeText(rng);
  if ((key === 'draws' || key === 'seed') && rng.chance(0.6)) return String(rng.below(200000));
  if (key === 'corr' && rng.chance(0.6)) return numberText(rng);
  // Only values that leave the explorer on screen (each load checks its
  // readouts): the explorer itself, unknown views and figures, junk. The
  // valid ones open the Sources view: tests/e2e/navigation.test.mjs.
  if (key === 'view') return rng.chance(0.5) ? rng.pick(['explorer', 'charts', 'Sources', '']) : junk(rng);
  if (key === 'figure') return rng.chance(0.5) ? rng.pick(['no_such_figure', 'ORACLE', '']) : junk(rng);
  if (INPUTS.includes(key)) {
    const roll = rng.below(10);
    if (roll < 5) return numberText(rng);
    if (roll < 8) return rng.pick(ODD_NUMBERS);
    return junk(rng);
  }
  return rng.chance(0.6) ? rng.pick(WORDS) : junk(rng);
}

function keyFor(rng) {
  const roll = rng.below(20);
  if (roll < 13) return rng.pick(INPUTS);
  if (roll < 17) return rng.pick(SETTINGS);
  if (roll < 18) return `range_${rng.chance(0.8) ? rng.pick(INPUTS) : rng.pick(UNKNOWN_KEYS)}`;
  if (roll < 19) return rng.pick(UNKNOWN_KEYS);
  return junk(rng).slice(0, 40);
}

/** Encodes like a form would, or not at all, or half: browsers fix up the rest. */
function encode(rng, text) {
  switch (rng.below(4)) {
    case 0:
      return encodeURIComponent(text);
    case 1:
      return encodeURIComponent(text).replaceAll('%20', '+');
    case 2:
      return text.replace(/[&#=%+]/g, (c) => encodeURIComponent(c)); // raw unicode and spaces
    default:
      return text.replace(/[&#=+]/g, (c) => encodeURIComponent(c)); // stray % left in
  }
}

function randomQuery(rng) {
  const pairs = Array.from({ length: rng.below(14) }, () => {
    const key = keyFor(rng);
    return [key, valueFor(rng, key)];
  });
  if (pairs.length && rng.chance(0.3)) {
    const [key] = rng.pick(pairs);
    pairs.push([key, valueFor(rng, key)]); // duplicated name: the last wins
  }
  const parts = pairs.map(([key, value]) => `${encode(rng, key)}=${encode(rng, value)}`);
  const odd = ['', '=', '==', 'rate', 'rate==5', 'rate=%', 'rate=%2', 'capex=%E2%82', 'lang=%00', '&&', '?', 'end=2100&start=2020', 'start=2050&end=2020'];
  for (let i = rng.below(3); i > 0; i -= 1) parts.splice(rng.below(parts.length + 1), 0, rng.pick(odd));
  return `?${parts.join('&')}`;
}

export function generateQueries(count = GENERATED, seed = SEED) {
  const rng = prng(seed);
  return Array.from({ length: count }, () => randomQuery(rng));
}

/** Hand-picked cases that always load, then an even sample of the generated ones. */
function sample(queries) {
  const fixed = [
    '?rate=NaN&capex=inf&life=-inf&revenue=1e999&growth=-0&margin=&end=1e999',
    '?rate=5&rate=abc&rate=7&rate=',
    `?capex=${'9'.repeat(4000)}`,
    '?method=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D1%22%3E',
    '?embed=1&chart=fan&controls=1&theme=dark&lang=nl',
    '?embed=true&chart=nope&controls=yes',
    '?start=2050&end=2020',
    '?start=2020&end=2100',
    '?%E2%82%AC=%F0%9F%92%A5&%=%&rate=%zz',
    '?lang=de&lang=xx&theme=light&theme=&method=bain&method=BAIN',
  ];
  const wanted = Math.max(0, LOADED - fixed.length);
  const step = Math.max(1, Math.floor(queries.length / Math.max(1, wanted)));
  return [...fixed, ...queries.filter((_, i) => i % step === 0)].slice(0, LOADED);
}

/** Which chart the page must show: the app's rule for `embed` and `chart` (src/url_state.rs). */
function expectedChart(query) {
  let embed = false;
  let chart = null;
  for (const [key, raw] of new URLSearchParams(query)) {
    const value = raw.trim();
    if (key === 'embed') embed = value === '1' || value === 'true';
    if (key === 'chart' && CHARTS.includes(value)) chart = value;
  }
  return embed ? chart ?? 'gap' : 'gap';
}

let site;
let browser;
let context;
let root;
before(async () => {
  // A private copy of dist/: others may rebuild it while this runs.
  root = mkdtempSync(join(tmpdir(), 'gap-fuzz-'));
  cpSync(DIST, root, { recursive: true });
  const production = headersFromFile(root);
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
  site = await startSite({
    root,
    headers: (path) => ({
      ...production(path),
      ...(hashed.test(path) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
    }),
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Everything a loaded page must satisfy; returns its readouts and notice count. */
async function inspect(page, chart) {
  await page.waitForFunction(
    (name) => {
      const element = document.querySelector(`[data-chart="${name}"]`);
      const instance = element && window.echarts && window.echarts.getInstanceByDom(element);
      // The Monte Carlo band readout fills once the draws are done (the
      // inputs rest for 250 ms first): only then do all readouts belong to the URL.
      const band = document.querySelector('[data-metric="gap_pv_p5"]');
      return Boolean(instance && instance.getOption().series?.length) && (!band || band.dataset.value !== '');
    },
    chart,
    { timeout: 15000 },
  );
  return page.evaluate((name) => {
    const problems = [];
    const option = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`)).getOption();
    for (const series of option.series) {
      for (const item of series.data ?? []) {
        const inner = item !== null && typeof item === 'object' && !Array.isArray(item) ? item.value : item;
        const values = Array.isArray(inner) ? inner : [inner];
        for (const value of values) {
          // Empty points are null or '-'; pairs may hold a category name.
          const ok = value === null || value === undefined || value === '-' || (typeof value === 'number' && Number.isFinite(value));
          if (!ok && !(typeof value === 'string' && Array.isArray(inner) && Number.isNaN(Number(value)))) {
            problems.push(`${name} series ${series.id ?? series.name}: ${value}`);
          }
        }
      }
    }
    const metrics = {};
    for (const element of document.querySelectorAll('[data-metric]')) {
      const raw = element.dataset.value;
      metrics[element.dataset.metric] = raw;
      // Only the break-even year ("none within the horizon"), the growth
      // needed ("no growth in the allowed range does it"), the IRR (cash
      // flows without one) and the Monte Carlo band (before its run) may be empty.
      const empty = raw === '' && ['breakeven_year', 'growth_needed', 'irr', 'gap_pv_p5', 'gap_pv_p95'].includes(element.dataset.metric);
      if (!empty && !(raw?.trim() !== '' && Number.isFinite(Number(raw)))) problems.push(`data-metric ${element.dataset.metric}="${raw}"`);
    }
    for (const wanted of ['required_revenue', 'actual_revenue', 'gap', 'gap_pv', 'breakeven_year']) {
      if (!(wanted in metrics)) problems.push(`no data-metric ${wanted}`);
    }
    if (window.__xss) problems.push('a URL value ran as script');
    if (document.querySelector('.notice script, .notice img, .notice iframe')) problems.push('a notice holds markup from the URL');
    return { problems, metrics, notices: document.querySelectorAll('.notice li').length, search: location.search };
  }, chart);
}

describe('random query strings', () => {
  const queries = generateQueries();
  const loaded = sample(queries);

  test('every URL parameter the README documents is in the generator', () => {
    const readme = readFileSync(join(DIST, '..', 'README.md'), 'utf8');
    const start = readme.indexOf('## URL parameters');
    const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const documented = [...table.matchAll(/^\| `([a-z_<>]+)` \|/gm)].map(([, name]) => name);
    assert.ok(documented.length >= 25, `the README's parameter table lists ${documented.length} names`);
    const generated = new Set([...INPUTS, ...SETTINGS, RANGE_FAMILY]);
    const missing = documented.filter((name) => !generated.has(name));
    assert.deepEqual(missing, [], 'documented parameters the fuzz never generates');
    const all = queries.join('&');
    for (const name of documented) {
      const prefix = name === RANGE_FAMILY ? 'range_' : `${name}=`;
      assert.ok(all.includes(prefix), `no generated query sets ${name}`);
    }
  });

  test('the generator is seeded and mixes every kind of parameter', () => {
    assert.equal(queries.length, GENERATED);
    assert.deepEqual(generateQueries(5), queries.slice(0, 5));
    const all = queries.join('&');
    for (const needle of ['NaN', 'inf', '1e999', '-0', 'method=', 'lang=', 'theme=', 'embed=', 'chart=', 'controls=', '%', 'script']) {
      assert.ok(all.includes(needle), `no query contains ${needle}`);
    }
    assert.ok(queries.some((query) => query.length > 1000), 'no very long query');
    assert.ok(Math.max(...queries.map((q) => q.length)) < 12000, 'a query would exceed the server header limit');
  });

  test(`${loaded.length} of them load as real pages without a panic`, { timeout: 600000 }, async (t) => {
    const started = Date.now();
    const failures = [];
    const otherConsoleErrors = new Set();
    const reloadEvery = Math.max(1, Math.floor(loaded.length / RELOADED));
    let reloads = 0;
    let withNotices = 0;

    async function load(index, query) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (PANIC.test(message.text())) errors.push(`console: ${message.text()}`);
        else otherConsoleErrors.add(message.text().slice(0, 200));
      });
      const chart = expectedChart(query);
      try {
        await page.goto(`${site.url}${query}`, { waitUntil: 'domcontentloaded' });
        const first = await inspect(page, chart);
        failures.push(...first.problems.map((problem) => `${query}: ${problem}`));
        withNotices += first.notices > 0 ? 1 : 0;
        if (index % reloadEvery === 0) {
          // The URL the app wrote back reads without a notice and gives the same numbers.
          reloads += 1;
          await page.reload({ waitUntil: 'domcontentloaded' });
          const second = await inspect(page, chart);
          failures.push(...second.problems.map((problem) => `${query} (reloaded): ${problem}`));
          if (second.notices) failures.push(`${query}: the written URL ${second.search} shows ${second.notices} notice(s)`);
          for (const [name, value] of Object.entries(first.metrics)) {
            const [a, b] = [Number(value), Number(second.metrics[name])];
            const same = value === second.metrics[name] || Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a)); // the URL keeps 6 decimals
            if (!same) failures.push(`${query}: ${name} ${value} became ${second.metrics[name]} after reloading ${second.search}`);
          }
        }
      } catch (error) {
        failures.push(`${query}: ${error.message.split('\n')[0]}`);
      }
      failures.push(...errors.map((error) => `${query}: ${error}`));
      await page.close();
    }

    let next = 0;
    const worker = async () => {
      while (next < loaded.length) {
        const index = next;
        next += 1;
        await load(index, loaded[index]);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    t.diagnostic(`${loaded.length} loads (${withNotices} with notices), ${reloads} reloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (otherConsoleErrors.size) t.diagnostic(`other console errors: ${[...otherConsoleErrors].join(' | ')}`);
    assert.deepEqual(failures, []);
  });
});
