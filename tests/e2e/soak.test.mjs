// A long session, as a newsroom page that keeps the embed open all day:
// 5,000 slider edits and 200 language and colour-scheme switches. Prints
// the JS heap, the ECharts instances and the DOM nodes after 500 and after
// 5,000 edits; fails only on a gross leak: heap up by more than half, or
// more instances or nodes than before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSnapshot, waitForChart } from './harness.mjs';

const EDITS = Number(process.env.SOAK_EDITS ?? 5000);
const SWITCHES = 200;

const served = servedSnapshot();

/** `count` slider edits in the page, one per animation frame, as a drag makes them. */
function edit(page, from, count) {
  return page.evaluate(async ([first, n]) => {
    const sliders = [...document.querySelectorAll('input[type=range]')].filter((s) => s.offsetParent !== null);
    for (let i = first; i < first + n; i += 1) {
      const slider = sliders[i % sliders.length];
      const min = Number(slider.min);
      const max = Number(slider.max);
      const step = Number(slider.step) || 1;
      const steps = Math.round((max - min) / step);
      slider.value = String(min + step * ((i * 7919) % (steps + 1)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 50 === 49) slider.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise(requestAnimationFrame);
    }
  }, [from, count]);
}

/** Back to the same state (defaults, English, light), then heap and counts. */
async function measure(page, cdp) {
  await page.click('.lang-switch button:nth-child(1)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.click('.assumptions .panel-head button');
  await page.waitForTimeout(600); // drag rest, Monte Carlo, URL write
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counts = await page.evaluate(() => ({
    instances: [...document.querySelectorAll('[data-chart]')].filter((el) => window.echarts.getInstanceByDom(el)).length,
    echartsElements: document.querySelectorAll('[_echarts_instance_]').length,
    nodes: document.getElementsByTagName('*').length,
  }));
  return { heapMb: usedSize / 2 ** 20, ...counts };
}

test(`${EDITS} slider edits and ${SWITCHES} language and theme switches leak nothing`, { timeout: 15 * 60_000 }, async (t) => {
  await served.ready;
  const page = await served.browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const cdp = await page.context().newCDPSession(page);
  await page.goto(served.url);
  await waitForChart(page, 'gap');
  // Every fold open, so that every slider takes part.
  await page.evaluate(() => document.querySelectorAll('details.advanced').forEach((d) => { d.open = true; }));
  const started = Date.now();
  await edit(page, 0, 500);
  const early = await measure(page, cdp);
  const perSwitch = Math.floor((EDITS - 500) / SWITCHES);
  for (let i = 0; i < SWITCHES; i += 1) {
    await edit(page, 500 + i * perSwitch, perSwitch);
    if (i % 2 === 0) {
      await page.click(`.lang-switch button:nth-child(${1 + (i / 2) % 3})`);
    } else {
      await page.emulateMedia({ colorScheme: i % 4 === 1 ? 'dark' : 'light' });
    }
  }
  const late = await measure(page, cdp);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  t.diagnostic(`after 500 edits: heap ${early.heapMb.toFixed(1)} MB, ${early.instances} ECharts instances, ${early.nodes} DOM nodes`);
  t.diagnostic(`after ${EDITS} edits and ${SWITCHES} switches: heap ${late.heapMb.toFixed(1)} MB, ${late.instances} ECharts instances, ${late.nodes} DOM nodes (${seconds} s)`);
  assert.deepEqual(errors, []);
  assert.ok(late.heapMb <= 1.5 * early.heapMb, `heap grew from ${early.heapMb.toFixed(1)} to ${late.heapMb.toFixed(1)} MB`);
  assert.ok(late.instances <= early.instances && late.echartsElements <= early.echartsElements, `ECharts instances ${early.instances} → ${late.instances}`);
  assert.ok(late.nodes <= early.nodes, `DOM nodes ${early.nodes} → ${late.nodes}`);
  await page.close();
});
