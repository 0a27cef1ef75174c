// A steadier stand-in for Lighthouse's Total Blocking Time: the main-thread
// CPU of the tasks after the first contentful paint, read from a Chromium
// trace of real loads (Lighthouse's TBT simulates a 4× slower CPU from one
// unthrottled load and varies by a factor of two between runs here).
//
//   node scripts/measure-tbt.mjs [dist] [loads]
//
// Each cold load (a new context, Lighthouse's mobile emulation: 412×823 at
// 1.75×, a phone's user agent, no throttling) is traced with the categories
// `devtools.timeline`, `disabled-by-default-devtools.timeline` and
// `toplevel` until the page has settled (every chart drawn and the Monte
// Carlo band in, then a quiet second). On the page's renderer main thread,
// every task (`RunTask`) that starts after the first contentful paint counts
// max(0, f × CPU ms − 50), f = 4 as Lighthouse's mobile CPU slowdown, 2 for a
// task that ran layout (layout is less CPU-bound); CPU is the task's thread
// time (`tdur`). Prints the median sum over the loads for the full app and
// the embed view, and every task over 12.5 ms of CPU with what it ran.
// Asserts nothing: a measurement (scripts/bench.sh).
import { resolve } from 'node:path';
import { launchBrowser } from './chromium.mjs';
import { serve } from './static-server.mjs';

const source = resolve(process.argv[2] ?? 'dist');
const LOADS = Number(process.argv[3] ?? 5);
const PAGES = [
  ['full app', ''],
  ['embed view', '?embed=1&chart=gap'],
];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'loading'];
const EMULATION = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
};
const SLOWDOWN = 4;
const LAYOUT_SLOWDOWN = 2;
const BLOCKING_MS = 50;
const LISTED_CPU_MS = 12.5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The renderer main thread of the traced page: the CrRendererMain that ran its first paint. */
function mainThread(events) {
  // The earliest: the page's own frame paints before any chart's canvas.
  const paint = events
    .filter((event) => event.name === 'firstContentfulPaint')
    .sort((a, b) => a.ts - b.ts)[0];
  if (paint) return { pid: paint.pid, tid: paint.tid, fcp: paint.ts };
  throw new Error('no first contentful paint in the trace');
}

/** What a task ran: its longest event inside (with a script's file when there is one). */
function describe(task, children) {
  // The scheduler's own wrappers say nothing about what ran.
  const wrapper = (name) => /RunTask|^ThreadController|^SequenceManager|^TaskQueue/.test(name);
  const inside = children
    .filter((event) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + task.dur && event !== task)
    .filter((event) => !wrapper(event.name))
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const top = inside[0];
  if (!top) return 'RunTask';
  const url = top.args?.data?.url ?? top.args?.data?.stackTrace?.[0]?.url ?? '';
  const file = url.split('/').pop();
  return file ? `${top.name} ${file}` : top.name;
}

/** The blocking stand-in of one trace and its tasks over the listing threshold. */
function blocking(events) {
  const { pid, tid, fcp } = mainThread(events);
  const own = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X');
  const tasks = own.filter((event) => event.name === 'RunTask' && event.ts >= fcp);
  let total = 0;
  const listed = [];
  for (const task of tasks) {
    const cpu = (task.tdur ?? task.dur) / 1000;
    const layout = own.some((event) => event.name === 'Layout' && event.ts >= task.ts && event.ts <= task.ts + task.dur);
    const factor = layout ? LAYOUT_SLOWDOWN : SLOWDOWN;
    total += Math.max(0, factor * cpu - BLOCKING_MS);
    if (cpu > LISTED_CPU_MS) listed.push({ cpu, at: (task.ts - fcp) / 1000, ran: describe(task, own) });
  }
  return { total, listed, tasks: tasks.length };
}

async function load(browser, url) {
  const context = await browser.newContext(EMULATION);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  // Settled: every chart drawn (or the embed's one) and the Monte Carlo band in.
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-chart]')];
      const drawn = charts.length > 0 && charts.every((el) => window.echarts?.getInstanceByDom(el)?.getOption()?.series?.length > 0);
      const band = document.querySelector('[data-metric="gap_pv_p5"]');
      return drawn && (!band || band.dataset.value !== '');
    },
    null,
    { timeout: 30_000 },
  );
  // Tasks that follow the settled state (lazy charts, idle work): a quiet second.
  await page.waitForTimeout(1000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  return blocking(trace.traceEvents ?? trace);
}

const { server, url } = await serve({ root: source, gzip: true });
const browser = await launchBrowser();
try {
  console.log(`TBT stand-in: Σ max(0, ${SLOWDOWN} × task CPU ms − ${BLOCKING_MS}) after FCP (${LAYOUT_SLOWDOWN}× for a task with layout), ${LOADS} cold loads, mobile emulation, no throttling, ${source}`);
  for (const [label, query] of PAGES) {
    const runs = [];
    for (let i = 0; i < LOADS; i += 1) runs.push(await load(browser, `${url}${query}`));
    const totals = runs.map((run) => run.total);
    console.log(`  ${label.padEnd(12)} median ${median(totals).toFixed(0)} ms (loads: ${totals.map((t) => t.toFixed(0)).join(', ')} ms; tasks after FCP: ${median(runs.map((run) => run.tasks))})`);
    const longest = runs.flatMap((run) => run.listed).sort((a, b) => b.cpu - a.cpu).slice(0, 12);
    for (const task of longest) {
      console.log(`    ${task.cpu.toFixed(1).padStart(6)} ms CPU at +${task.at.toFixed(0).padStart(5)} ms  ${task.ran}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
