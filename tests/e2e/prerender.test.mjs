// The prerendered first screen (scripts/prerender.mjs): index.html carries
// the app's own first render of the default state, which paints before the
// wasm runs; it is hidden wherever it would not be what the app shows (URL
// parameters, a German or Dutch browser, no JavaScript); the app replaces it
// without moving anything, and its numbers are the app's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, metricValues, servedSnapshot, waitForChart, watchErrors } from './harness.mjs';

const served = servedSnapshot();
const contexts = [];

async function context(options = {}) {
  const created = await served.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', ...options });
  contexts.push(created);
  return created;
}

/** A page whose wasm never arrives: what a reader sees while it downloads. */
async function beforeTheWasm(query, options) {
  const page = await (await context(options)).newPage();
  const errors = watchErrors(page);
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(`${served.url}${query}`);
  await page.waitForLoadState('domcontentloaded');
  return { page, errors };
}

const prerenderShown = (page) =>
  page.evaluate(() => {
    const element = document.getElementById('prerender');
    return Boolean(element) && getComputedStyle(element).display !== 'none' && element.getBoundingClientRect().height > 0;
  });

describe('the prerendered first screen', () => {
  before(() => served.ready);
  after(async () => {
    for (const created of contexts) await created.close();
  });

  test('index.html holds the headline and the readouts, inert, with the gate script', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const copy = /<div id="prerender" inert>([\s\S]*?)<\/div><!--\/prerender-->/.exec(html);
    assert.ok(copy, 'a prerendered copy');
    assert.match(copy[1], /class="headline"/);
    assert.match(copy[1], /data-metric="gap" data-value="718.619561"|data-value="718.619561"[^>]*data-metric="gap"/);
    assert.match(html, /<script>\/\* prerender gate \*\//, 'the gate script');
    assert.doesNotMatch(copy[1], /<script|_echarts_instance_|<canvas/, 'no scripts, no chart internals');
  });

  test('before the wasm runs, the default page shows the headline and the numbers', async () => {
    const { page, errors } = await beforeTheWasm('');
    assert.equal(await prerenderShown(page), true);
    assert.match(await page.locator('#prerender .headline').innerText(), /\$773\.6B a year/);
    assert.equal(await page.getAttribute('#prerender [data-metric="gap"]', 'data-value'), '718.619561');
    // The gate ran under the page's CSP (a refused inline script would log an error).
    assert.deepEqual(errors.filter((text) => !/_bg\.wasm|WebAssembly|Failed to fetch|net::ERR_FAILED/i.test(text)), []);
  });

  for (const [what, query, options] of [
    ['a URL with model parameters', '?capex=700', {}],
    ['an embed', '?embed=1&chart=gap', {}],
    ['a German browser', '', { locale: 'de-DE' }],
    ['a Dutch browser', '?v=4', { locale: 'nl-NL' }],
    ['a link of model 2, which keeps its method', '?v=3', {}],
  ]) {
    test(`hidden for ${what}, where its numbers or language would be wrong`, async () => {
      const { page } = await beforeTheWasm(query, options);
      assert.equal(await prerenderShown(page), false);
    });
  }

  test('without JavaScript: no default numbers for any URL, a message instead', async () => {
    const page = await (await context({ javaScriptEnabled: false })).newPage();
    await page.goto(`${served.url}?capex=700`);
    assert.equal(await prerenderShown(page), false);
    assert.match(await page.locator('.noscript').innerText(), /needs JavaScript/);
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    test(`the app takes over without moving the headline (${viewport.width}×${viewport.height})`, async () => {
      const early = await beforeTheWasm('', { viewport });
      const before = await early.page.locator('#prerender .headline').boundingBox();

      const page = await (await context({ viewport })).newPage();
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(served.url);
      await waitForChart(page, 'gap');
      assert.equal(await page.locator('#prerender').count(), 0, 'the copy is gone');
      assert.equal(await page.locator('.headline').count(), 1, 'one headline');
      const afterMount = await page.locator('.headline').boundingBox();
      assert.deepEqual(afterMount, before, 'the headline did not move');
      // The app's numbers are the copy's.
      const shown = await metricValues(page);
      const copied = await early.page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll('#prerender [data-metric]')].map((el) => [el.dataset.metric, el.dataset.value])),
      );
      for (const [name, value] of Object.entries(copied)) {
        // The Monte Carlo band arrives after the first render, in the copy and in the app.
        if (name.startsWith('gap_pv_p')) assert.equal(value, '', `${name} is the first render's`);
        else assert.equal(shown[name], value, `${name}`);
      }
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts < 0.05, `cumulative layout shift ${shifts}`);
      assert.deepEqual(errors, []);
    });
  }
});

describe('link previews', () => {
  test('index.html carries Open Graph and Twitter card tags, and its og:image is the app drawn at 1200×630', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const meta = (key) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    for (const key of ['description', 'og:title', 'og:description', 'og:type', 'og:site_name', 'twitter:card', 'og:image:alt']) {
      assert.ok(meta(key)?.length > 3, `${key}: ${meta(key)}`);
    }
    assert.equal(meta('twitter:card'), 'summary_large_image');
    const image = meta('og:image');
    assert.equal(image, 'preview.png');
    const png = readFileSync(join(DIST, image));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(meta('og:image:width')), Number(meta('og:image:height'))]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    // Not for readers: the service worker does not precache it.
    assert.ok(!readFileSync(join(DIST, 'sw.js'), 'utf8').includes('preview.png'));
  });
});
