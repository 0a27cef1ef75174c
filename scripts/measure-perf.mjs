// Measures the built site in headless Chromium and prints the numbers; it
// asserts nothing about timings (they depend on the machine and its load) and
// exits non-zero only when the page fails to load.
//
//   node scripts/measure-perf.mjs [dist]
//
// a. Slider latency: 200 `input` events on #input-revenue, each timed from
//    dispatch to the end of the last `setOption` of every chart that redraws
//    on it (found in a warm-up run: the visible charts that depend on the
//    input; off-screen charts catch up later, and `fan` waits for its
//    debounced Monte Carlo run, measured in c). The app is not changed: an
//    init script wraps `echarts.init` so every instance's `setOption` is
//    timed, and tags the 250 ms debounce timer of the Monte Carlo run.
//    c scrolls the fan chart into view first, as a reader watching it would.
// b. First load, median of 5 cold loads (a new context each): requests and
//    bytes (CDP encodedDataLength; the static server does not compress, so
//    the gzip -9 size of every loaded file is computed here as well), and the
//    time from navigation start to the first / every chart painted.
// c. Monte Carlo refresh after the input stops, median of 10.
// d. What a reader feels: 120 edits of the same slider, each timed from
//    dispatching `input` to the second requestAnimationFrame callback after
//    it, the frame that shows the change (ECharts paints in the frame after
//    setOption). This is the number the README quotes.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './chromium.mjs';
import { serve } from './static-server.mjs';
import { CHARTS } from './app-facts.mjs';

const SLIDER = '#input-revenue';
const UPDATES = 200;
const WARM_UPS = 12;
const COLD_LOADS = 5;
const MC_RUNS = 10;
const FRAME_EDITS = 120;
const DEBOUNCE_MS = 250; // MONTE_CARLO_DEBOUNCE_MS in src/components/app.rs
const VIEWPORT = { width: 1360, height: 900 };

// Runs in the page before any of its scripts. Keeps everything on window.__perf.
function instrument({ charts, debounceMs }) {
  const perf = {
    inits: [], // { name, at }
    calls: [], // { name, start, end } per setOption
    timers: [], // { scheduled, start, end } of debounce-length timeouts that fired
    firstPaint: null,
    allPaint: null,
    seen: new Set(),
    longTasks: [], // durations of main-thread tasks over 50 ms
  };
  window.__perf = perf;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) perf.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API
  }
  const raf = window.requestAnimationFrame.bind(window);
  const schedule = window.setTimeout.bind(window);

  const wrapInstance = (instance, element) => {
    const name = element?.dataset?.chart ?? '?';
    const setOption = instance.setOption;
    instance.setOption = function timedSetOption(...args) {
      const start = performance.now();
      try {
        return setOption.apply(this, args);
      } finally {
        const end = performance.now();
        perf.calls.push({ name, start, end });
        if (charts.includes(name) && !perf.seen.has(name)) {
          perf.seen.add(name);
          if (perf.firstPaint === null) {
            perf.firstPaint = -1;
            raf(() => (perf.firstPaint = performance.now()));
          }
          if (perf.seen.size === charts.length) raf(() => (perf.allPaint = performance.now()));
        }
      }
    };
  };
  // The bundle's `echarts` object has getter-only, non-configurable
  // properties, so `init` cannot be replaced on it: the global becomes a copy
  // with a timed `init`.
  const wrapLibrary = (library) => {
    if (!library || library.__perfWrapped) return library;
    const init = library.init;
    const copy = { ...library };
    copy.init = function timedInit(element, ...rest) {
      const instance = init.call(library, element, ...rest);
      perf.inits.push({ name: element?.dataset?.chart ?? '?', at: performance.now() });
      if (instance) wrapInstance(instance, element);
      return instance;
    };
    Object.defineProperty(copy, '__perfWrapped', { value: true });
    return copy;
  };
  let current;
  Object.defineProperty(window, 'echarts', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value) => {
      current = wrapLibrary(value);
    },
  });

  window.setTimeout = function taggedTimeout(callback, delay, ...args) {
    if (delay !== debounceMs || typeof callback !== 'function') return schedule(callback, delay, ...args);
    const record = { scheduled: performance.now() };
    return schedule(() => {
      record.start = performance.now();
      if (perf.monteCarloStart === undefined) perf.monteCarloStart = record.start;
      perf.timers.push(record);
      try {
        callback(...args);
      } finally {
        record.end = performance.now();
      }
    }, delay);
  };
}

/** The page did not load or never drew its charts: the one failure that sets the exit code. */
class LoadError extends Error {}

/** Navigates and waits for every chart; any failure is a LoadError. */
async function load(page, url) {
  try {
    const response = await page.goto(url);
    if (!response || !response.ok()) throw new Error(`HTTP ${response?.status()}`);
    await waitForStart(page);
  } catch (error) {
    throw new LoadError(`the page failed to load: ${error.message.split('\n')[0]}`);
  }
}

const stats = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0, median: NaN, p95: NaN, max: NaN, min: NaN };
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, p95: at(0.95), max: sorted.at(-1), min: sorted[0] };
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label, s) =>
  `  ${label.padEnd(44)} ${ms(s.median).padStart(10)} ${ms(s.p95).padStart(10)} ${ms(s.max).padStart(10)}   (n=${s.n})`;
const header = (title) => `\n${title}\n  ${''.padEnd(44)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`;

async function newPage(browser, serviceWorkers = 'allow') {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers });
  await context.addInitScript(instrument, { charts: CHARTS, debounceMs: DEBOUNCE_MS });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  return { context, page, errors };
}

/** Waits until every chart has drawn and the first Monte Carlo run reached
 * the fan chart (an off-screen fan may start only after the run, drawing its
 * bands at once, or before it, drawing twice). */
async function waitForStart(page) {
  await page.waitForFunction(
    (charts) => {
      const perf = window.__perf;
      if (!perf || perf.allPaint === null) return false;
      const band = document.querySelector('[data-metric="gap_pv_p5"]')?.dataset.value;
      if (!band) return false;
      const fanAfter = perf.calls.some((call) => call.name === 'fan' && call.end >= perf.monteCarloStart);
      return charts.every((name) => perf.seen.has(name)) && fanAfter;
    },
    CHARTS,
    { timeout: 30000 },
  );
}

// Part a: one input event per step, all inside the page (no CDP round trip per step).
function runSliderUpdates({ selector, values, waitFrames, expected, timeoutMs }) {
  const slider = document.querySelector(selector);
  const perf = window.__perf;
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  return (async () => {
    const results = [];
    const initsBefore = perf.inits.length;
    for (const value of values) {
      slider.value = String(value);
      const first = perf.calls.length;
      const t0 = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const handlerEnd = performance.now();
      let complete = false;
      for (let frames = 0; ; frames += 1) {
        await frame();
        const names = new Set(perf.calls.slice(first).map((call) => call.name));
        complete = expected ? expected.every((name) => names.has(name)) : false;
        if (complete || (!expected && frames + 1 >= waitFrames) || performance.now() - t0 > timeoutMs) break;
      }
      const calls = perf.calls.slice(first);
      const counts = {};
      for (const call of calls) counts[call.name] = (counts[call.name] ?? 0) + 1;
      const relevant = expected ? calls.filter((call) => expected.includes(call.name)) : calls;
      const lastEnd = relevant.length ? Math.max(...relevant.map((call) => call.end)) : NaN;
      const perChart = {};
      for (const call of relevant) perChart[call.name] = (perChart[call.name] ?? 0) + call.end - call.start;
      results.push({
        perChart,
        complete,
        counts,
        latency: lastEnd - t0,
        handler: handlerEnd - t0,
        setOption: relevant.reduce((sum, call) => sum + call.end - call.start, 0),
      });
    }
    return { results, inits: perf.inits.length - initsBefore };
  })();
}

// Part d: dispatch → the second animation frame after it, per edit.
function runFrameLatency({ selector, values }) {
  const slider = document.querySelector(selector);
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  return (async () => {
    const latencies = [];
    for (const value of values) {
      await frame(); // start each edit at the top of a frame, as a drag's events arrive
      slider.value = String(value);
      const t0 = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
      latencies.push(performance.now() - t0);
    }
    return latencies;
  })();
}

// Part c: after one input, the fan chart's setOption that the debounced Monte Carlo run causes.
function runMonteCarlo({ selector, value, timeoutMs, debounceMs }) {
  const slider = document.querySelector(selector);
  const perf = window.__perf;
  return new Promise((done) => {
    const first = perf.calls.length;
    const timersBefore = perf.timers.length;
    slider.value = String(value);
    const t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const poll = () => {
      const fan = perf.calls.slice(first).find((call) => call.name === 'fan');
      const timer = perf.timers.slice(timersBefore).find((record) => record.end !== undefined);
      if (fan && timer) {
        done({
          total: fan.end - t0,
          afterDebounce: fan.end - t0 - debounceMs,
          timerScheduled: timer.scheduled - t0,
          timerLate: timer.start - timer.scheduled - debounceMs,
          // timer callback: Monte Carlo run, then (in microtasks) the fan chart build and its setOption
          compute: fan.start - timer.start,
          setOption: fan.end - fan.start,
          timerToFan: fan.end - timer.start,
        });
      } else if (performance.now() - t0 > timeoutMs) done(null);
      else setTimeout(poll, 5);
    };
    poll();
  });
}

async function sliderLatency(browser, url) {
  const { context, page, errors } = await newPage(browser);
  await load(page, url);
  await page.waitForTimeout(DEBOUNCE_MS + 200);

  // Warm-up: which charts redraw after this input (fan excluded: debounced).
  const warmValues = Array.from({ length: WARM_UPS }, (_, i) => (i % 2 ? 120 : 60));
  const warm = await page.evaluate(runSliderUpdates, {
    selector: SLIDER,
    values: warmValues,
    waitFrames: 6,
    expected: null,
    timeoutMs: 2000,
  });
  const updating = CHARTS.filter(
    (name) => name !== 'fan' && warm.results.slice(1).every((result) => (result.counts[name] ?? 0) > 0),
  );
  const skipped = CHARTS.filter((name) => !updating.includes(name));
  await page.waitForTimeout(DEBOUNCE_MS + 300); // let the warm-up's Monte Carlo run pass

  // The warm-up ends on 120: start on 60, or the first input changes nothing.
  const values = Array.from({ length: UPDATES }, (_, i) => (i % 2 ? 120 : 60));
  const run = await page.evaluate(runSliderUpdates, {
    selector: SLIDER,
    values,
    waitFrames: 0,
    expected: updating,
    timeoutMs: 3000,
  });
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
  await page.waitForTimeout(DEBOUNCE_MS + 300);
  const frames = await page.evaluate(runFrameLatency, {
    selector: SLIDER,
    values: Array.from({ length: FRAME_EDITS }, (_, i) => 60 + (i % 61)),
  });
  await page.waitForTimeout(DEBOUNCE_MS + 300);

  // Part c in the same page, with the fan chart on screen.
  await page.evaluate(() => document.querySelector('[data-chart="fan"]').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(DEBOUNCE_MS + 300);
  const monteCarlo = [];
  for (let i = 0; i < MC_RUNS; i += 1) {
    const result = await page.evaluate(runMonteCarlo, {
      selector: SLIDER,
      value: i % 2 ? 70 : 90,
      timeoutMs: 10000,
      debounceMs: DEBOUNCE_MS,
    });
    if (result) monteCarlo.push(result);
    await page.waitForTimeout(150);
  }
  await context.close();
  return { updating, skipped, run, marks, monteCarlo, frames, errors };
}

async function coldLoad(browser, url, root, serviceWorkers = 'allow') {
  const { context, page, errors } = await newPage(browser, serviceWorkers);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!request.url.startsWith('data:')) requests.set(requestId, { url: request.url, bytes: 0, done: false });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (entry) Object.assign(entry, { bytes: encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', ({ requestId }) => {
    const entry = requests.get(requestId);
    if (entry) entry.done = true;
  });
  await load(page, url);
  const timing = await page.evaluate((charts) => {
    const perf = window.__perf;
    const navigation = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
    const fanCalls = perf.calls.filter((call) => call.name === 'fan' && call.end >= perf.monteCarloStart);
    const firstDraws = charts.map((name) => perf.calls.find((call) => call.name === name)?.end ?? NaN);
    const beforePaint = perf.longTasks.filter((task) => task.start < perf.allPaint);
    return {
      lastFirstDraw: Math.max(...firstDraws),
      longestTask: Math.max(0, ...beforePaint.map((task) => task.duration)),
      longTaskTotal: beforePaint.reduce((sum, task) => sum + task.duration, 0),
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      loadEvent: navigation?.loadEventEnd,
      wasmFetched: wasm?.responseEnd,
      firstInit: perf.inits[0]?.at,
      firstPaint: perf.firstPaint,
      allPaint: perf.allPaint,
      fanWithMonteCarlo: fanCalls[0]?.end,
    };
  }, CHARTS);
  await page.waitForTimeout(300); // late requests (manifest, icons)
  const loaded = [...requests.values()].filter((entry) => entry.done);
  let gzip = 0;
  let raw = 0;
  for (const entry of loaded) {
    const path = decodeURIComponent(new URL(entry.url).pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(root, path.endsWith('/') ? `${path}index.html` : path));
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    } catch {
      // not a file of the site (404): counted as a request only
    }
  }
  await context.close();
  return {
    requests: loaded.length,
    transferred: loaded.reduce((sum, entry) => sum + entry.bytes, 0),
    raw,
    gzip,
    files: loaded.map((entry) => new URL(entry.url).pathname.split('/').pop() || '(index)'),
    errors,
    ...timing,
  };
}

async function main() {
  const source = resolve(process.argv[2] ?? 'dist');
  const root = mkdtempSync(join(tmpdir(), 'gap-perf-'));
  cpSync(source, root, { recursive: true });
  const { server, url } = await serve({ root });
  let serverRequests = 0;
  let serverBytes = 0;
  server.on('request', (request, response) => {
    serverRequests += 1;
    const write = response.end.bind(response);
    response.end = (body, ...rest) => {
      if (body) serverBytes += Buffer.byteLength(body);
      return write(body, ...rest);
    };
  });
  const browser = await launchBrowser();
  let failed = false;
  try {
    console.log(`AI Gap Explorer performance — ${source}`);
    console.log(`Chromium ${browser.version()}, headless; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} (timings are noisy on a busy machine)`);

    // b. first load
    const loads = [];
    const serverCounts = [];
    for (let i = 0; i < COLD_LOADS; i += 1) {
      const before = [serverRequests, serverBytes];
      loads.push(await coldLoad(browser, url, root));
      serverCounts.push([serverRequests - before[0], serverBytes - before[1]]);
    }
    const first = loads[0];
    console.log(`\nb. First load (median of ${COLD_LOADS} cold loads, new context each, cache disabled)`);
    console.log(`  requests by the page                         ${first.requests}  (${first.files.join(', ')})`);
    console.log(`  transferred (CDP encodedDataLength)          ${kb(stats(loads.map((l) => l.transferred)).median)}  (uncompressed: the test server does not gzip)`);
    console.log(`  same files, gzip -9                          ${kb(first.gzip)}  (raw ${kb(first.raw)})`);
    console.log(`  server-side incl. service-worker precache    ${stats(serverCounts.map((c) => c[0])).median} requests, ${kb(stats(serverCounts.map((c) => c[1])).median)}`);
    console.log(header('  timings from navigation start'));
    for (const [label, key] of [
      ['DOMContentLoaded', 'domContentLoaded'],
      ['wasm fetched', 'wasmFetched'],
      ['first echarts.init', 'firstInit'],
      ['every chart\'s first setOption done', 'lastFirstDraw'],
      ['first chart painted (setOption + rAF)', 'firstPaint'],
      [`all ${CHARTS.length} charts painted`, 'allPaint'],
      ['fan chart with Monte Carlo data', 'fanWithMonteCarlo'],
      ['longest main-thread task before paint', 'longestTask'],
      ['all long tasks before paint, summed', 'longTaskTotal'],
    ]) {
      console.log(row(label, stats(loads.map((load) => load[key]))));
    }
    const blocked = [];
    for (let i = 0; i < COLD_LOADS; i += 1) blocked.push(await coldLoad(browser, url, root, 'block'));
    console.log(row(`all ${CHARTS.length} charts painted, service worker blocked`, stats(blocked.map((load) => load.allPaint))));
    const loadErrors = loads.flatMap((load) => load.errors);
    if (loadErrors.length) console.log(`  page errors: ${[...new Set(loadErrors)].join(' | ')}`);

    // a. + c.
    await printSliderAndMonteCarlo(browser, url);
  } catch (error) {
    failed = error instanceof LoadError;
    console.error(`measure-perf: ${failed ? error.message : error.stack ?? error}`);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

async function printSliderAndMonteCarlo(browser, url) {
  const { updating, skipped, run, marks, monteCarlo, frames, errors } = await sliderLatency(browser, url);
  const results = run.results;
  const complete = results.filter((result) => result.complete);
  const perUpdate = {};
  for (const result of complete) {
    for (const [name, count] of Object.entries(result.counts)) perUpdate[name] = Math.max(perUpdate[name] ?? 0, count);
  }
  console.log(`\na. Slider ${SLIDER}: ${UPDATES} input events, alternating 60 / 120 ($B/yr)`);
  console.log(`  charts redrawn per input                     ${updating.join(', ')}`);
  console.log(`  not redrawn per input                        ${skipped.join(', ')}`);
  console.log('    (off screen at this viewport: redrawn when scrolled into view or 200 ms after the last input; fan: debounced Monte Carlo, see c)');
  console.log(`  setOption calls per input (max)              ${Object.entries(perUpdate).map(([n, c]) => `${n} ${c}`).join(', ')}`);
  console.log(`  updates complete                             ${complete.length}/${results.length}`);
  console.log(`  echarts.init calls during the updates        ${run.inits}`);
  if (marks.length) console.log(`  performance marks in the app                 ${marks.join(', ')}`);
  console.log(header('  per input'));
  console.log(row('input event → last setOption done', stats(complete.map((r) => r.latency))));
  console.log(row('  of which: inside setOption (all charts)', stats(complete.map((r) => r.setOption))));
  console.log(row('  the rest: model run, chart build, JSON', stats(complete.map((r) => r.latency - r.setOption))));
  console.log(row('  input handler (dispatchEvent)', stats(complete.map((r) => r.handler))));
  for (const name of updating) {
    console.log(row(`  setOption ${name}`, stats(complete.map((r) => r.perChart[name]))));
  }

  console.log(header(`d. Slider ${SLIDER}: ${FRAME_EDITS} edits, what a reader feels`));
  console.log(row('input → the second animation frame after it', stats(frames)));

  console.log(header(`c. Monte Carlo (${gapDraws()} draws) after the input stops, ${monteCarlo.length} runs`));
  console.log(row('input → fan setOption done', stats(monteCarlo.map((r) => r.total))));
  console.log(row('  input → debounce timer started', stats(monteCarlo.map((r) => r.timerScheduled))));
  console.log(row('  timer fired late by', stats(monteCarlo.map((r) => r.timerLate))));
  console.log(row(`  minus the ${DEBOUNCE_MS} ms debounce`, stats(monteCarlo.map((r) => r.afterDebounce))));
  console.log(row('  timer fired → fan setOption done', stats(monteCarlo.map((r) => r.timerToFan))));
  console.log(row('    Monte Carlo run + fan chart build', stats(monteCarlo.map((r) => r.compute))));
  console.log(row('    fan setOption', stats(monteCarlo.map((r) => r.setOption))));
  if (errors.length) console.log(`  page errors: ${[...new Set(errors)].join(' | ')}`);
}

/** The default draw count, read from the model crate so the label stays true. */
function gapDraws() {
  try {
    const source = readFileSync(new URL('../crates/gap-model/src/monte_carlo.rs', import.meta.url), 'utf8');
    return source.match(/DEFAULT_DRAWS: usize = ([\d_]+)/)?.[1].replaceAll('_', ',') ?? '?';
  } catch {
    return '?';
  }
}

await main();
