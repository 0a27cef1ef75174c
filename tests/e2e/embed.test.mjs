// The embed view (`?embed=1`, README "URL parameters") inside another site:
// a host page on another 127.0.0.1 port frames the app twice, sandboxed with
// "allow-scripts allow-same-origin" and with "allow-scripts" alone (an opaque
// origin: the app's files are then cross-origin requests, so its server sends
// the `_headers` of the build, with Access-Control-Allow-Origin: *). Each
// frame must show one chart, the headline and no site chrome, post its
// height in the documented message format, link to the full app with the
// same model state, show the controls only when asked, compute what the full
// app computes, and ignore messages from its host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  headersFromFile,
  launchBrowser,
  metricValues,
  waitForMonteCarlo,
  screenshotPath,
  snapshotDist,
  startHost,
  startSite,
  waitForChart,
  waitForFrame,
  watchErrors,
} from './harness.mjs';
import { localeTexts } from '../../scripts/app-facts.mjs';

const HEIGHT_TYPE = 'ai-gap-explorer:height';
const SANDBOXES = {
  'same-origin': 'allow-scripts allow-same-origin',
  opaque: 'allow-scripts',
};
const SCENARIOS = [
  { slug: 'fan', model: 'v=4&method=sequoia&capex=700', chart: 'fan', controls: false },
  { slug: 'default-controls', model: 'v=4&rate=7&life=6&revenue=80', chart: null, controls: true },
];
const EMBED_PARAMS = ['embed', 'chart', 'controls'];

let dist;
let site;
let host;
let browser;

const embedQuery = ({ model, chart, controls }) => `embed=1${chart ? `&chart=${chart}` : ''}&${model}${controls ? '&controls=1' : ''}`;
const embedUrl = (scenario) => `${site.url}?${embedQuery(scenario)}`;

const sortedEntries = (params) => [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// Runs in the host page: records every message any frame posts, with the
// name of the iframe it came from.
const RECORDER = `<script>
window.__heights = [];
window.__messages = [];
window.addEventListener('message', function (event) {
  var frame = Array.prototype.find.call(document.querySelectorAll('iframe'), function (f) { return f.contentWindow === event.source; });
  var entry = { frame: frame ? frame.name : null, origin: event.origin, data: event.data };
  window.__messages.push(entry);
  if (event.data && event.data.type === '${HEIGHT_TYPE}') window.__heights.push(entry);
});
</script>`;

/** A host page framing each scenario under each sandbox; frames are named `${slug}/${sandbox name}`. */
function hostPage() {
  const frames = SCENARIOS.flatMap((scenario) =>
    Object.entries(SANDBOXES).map(
      ([name, sandbox]) =>
        `<iframe name="${scenario.slug}/${name}" title="${scenario.slug} ${name}" sandbox="${sandbox}" src="${embedUrl(scenario).replaceAll('&', '&amp;')}" style="display:inline-block;vertical-align:top;width:1000px;height:600px;border:0;margin:0 8px 8px 0"></iframe>`,
    ),
  );
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">${RECORDER}\n${frames.join('\n')}`;
}

/** The height messages the host got from the frame called `name`. */
const heightsFrom = (page, name) => page.evaluate((frameName) => window.__heights.filter((m) => m.frame === frameName), name);

/** The height of the embedded document's content (what the iframe needs to show all of it). */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Polls until `read()` satisfies `ok`, then returns the last reading (ok or not). */
async function settle(read, ok, timeout = 4000) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    value = await read();
  }
  return value;
}

let page;
let errors;
const frames = {};
const fullApp = {};
before(async () => {
  dist = snapshotDist();
  site = await startSite({ root: dist.root, headers: headersFromFile(dist.root) });
  host = await startHost();
  browser = await launchBrowser();

  // The full app with the same model parameters, for the numbers.
  const full = await browser.newPage({ locale: 'en-US' });
  for (const scenario of SCENARIOS) {
    await full.goto(`${site.url}?${scenario.model}`);
    await waitForChart(full, 'gap');
    await waitForMonteCarlo(full);
    fullApp[scenario.slug] = await metricValues(full);
  }
  await full.close();

  // Wide and tall enough that every frame is on screen (Chromium throttles
  // off-screen cross-origin frames).
  page = await browser.newPage({ viewport: { width: 2100, height: 1300 }, locale: 'en-US' });
  errors = watchErrors(page);
  host.page('/host.html', hostPage());
  await page.goto(`${host.url}host.html`);
  for (const scenario of SCENARIOS) {
    for (const name of Object.keys(SANDBOXES)) {
      const key = `${scenario.slug}/${name}`;
      frames[key] = await waitForFrame(page, site.url, (frame) => frame.name() === key);
      await waitForChart(frames[key], scenario.chart ?? 'gap');
    }
  }
});
after(async () => {
  await page?.screenshot({ path: screenshotPath('embed-host') }).catch(() => {});
  await browser?.close();
  await host?.close();
  await site?.close();
  dist?.remove();
});

for (const scenario of SCENARIOS) {
  const expectedChart = scenario.chart ?? 'gap';
  describe(`embed ?${embedQuery(scenario)}`, () => {
    for (const [name, sandbox] of Object.entries(SANDBOXES)) {
      test(`sandbox="${sandbox}": one chart, headline, no chrome, link, controls, numbers, height messages`, async () => {
        const frame = frames[`${scenario.slug}/${name}`];
        const origin = await frame.evaluate(() => window.origin);
        assert.equal(origin, name === 'opaque' ? 'null' : new URL(site.url).origin, 'the sandbox is in force');

        // Exactly one chart, the one asked for.
        const charts = await frame.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((el) => el.dataset.chart));
        assert.deepEqual(charts, [expectedChart], 'exactly one chart container, named by the chart parameter');

        // The live headline, and none of the full page's chrome.
        const headline = await frame.evaluate(() => [...document.querySelectorAll('.headline')].map((el) => el.innerText.trim()));
        assert.equal(headline.length, 1, 'one headline');
        assert.match(headline[0], /\$\d/, `the headline states amounts: ${headline[0]}`);
        for (const chrome of ['header', 'footer', 'h1', '.site-header', '.site-footer', '.skip-link', '.lang-switch', '.presets', '.export', '.sources']) {
          assert.equal(await frame.locator(chrome).count(), 0, `no ${chrome} in the embed`);
        }

        // The link to the full app: same model state, no embed parameters.
        const link = frame.getByRole('link', { name: 'Open in AI Gap Explorer' });
        assert.equal(await link.count(), 1, 'one "Open in AI Gap Explorer" link');
        const href = new URL(await link.getAttribute('href'));
        assert.equal(`${href.origin}${href.pathname}`, site.url, 'the link points to the app itself');
        for (const param of EMBED_PARAMS) assert.ok(!href.searchParams.has(param), `no ${param} in the link: ${href}`);
        assert.deepEqual(sortedEntries(href.searchParams), sortedEntries(new URLSearchParams(scenario.model)), `the link keeps the model state: ${href}`);
        assert.equal(await link.getAttribute('target'), '_blank');

        // Controls only with controls=1.
        const controlCount = await frame.locator('input, select').count();
        const panels = await frame.locator('.assumptions').count();
        if (scenario.controls) {
          assert.equal(panels, 1, 'controls=1 shows the assumptions panel');
          assert.ok(await frame.locator('#input-method').isVisible(), 'the method select is shown');
          assert.ok((await frame.locator('input[type=range]').count()) >= 5, 'the sliders are shown');
        } else {
          assert.equal(panels, 0, 'no assumptions panel without controls=1');
          assert.equal(controlCount, 0, 'no input or select without controls=1');
        }

        // The same numbers as the full app with the same model parameters:
        // every documented readout (the growth solver is the full app's).
        await waitForMonteCarlo(frame);
        const numbers = await metricValues(frame);
        const { growth_needed: solverOnly, ...documented } = fullApp[scenario.slug];
        assert.ok(solverOnly !== undefined, 'the full app has the growth solver');
        assert.deepEqual(numbers, documented, 'data-metric values equal those of the full app');

        // Height messages in the documented format, for the whole document.
        const messages = await settle(
          () => heightsFrom(page, `${scenario.slug}/${name}`),
          (list) => list.length > 0,
        );
        assert.ok(messages.length > 0, 'the frame posted its height to the host');
        const all = await page.evaluate((frameName) => window.__messages.filter((m) => m.frame === frameName), `${scenario.slug}/${name}`);
        assert.deepEqual(all.filter((m) => m.data?.type !== HEIGHT_TYPE), [], 'the frame posts nothing but its height');
        assert.ok(all.every((m) => m.origin === origin), `messages come from the frame's origin (${origin})`);
        for (const { data } of messages) {
          assert.deepEqual(Object.keys(data).sort(), ['height', 'type'], `message format: ${JSON.stringify(data)}`);
          assert.equal(data.type, HEIGHT_TYPE);
          assert.equal(typeof data.height, 'number');
          assert.ok(Number.isFinite(data.height) && data.height > 100, `a plausible height: ${data.height}`);
        }
        const needed = await contentHeight(frame);
        const last = await settle(
          async () => (await heightsFrom(page, `${scenario.slug}/${name}`)).at(-1).data.height,
          (height) => Math.abs(height - needed) <= 1,
          1500,
        );
        assert.ok(
          Math.abs(last - needed) <= 1,
          `the posted height (${last}px) is the height of the embedded document (${needed}px), so a host that sizes the iframe by it shows everything`,
        );
      });
    }

    if (scenario.controls) {
      test('the height follows the content: opening folded controls posts a larger height', async () => {
        for (const name of Object.keys(SANDBOXES)) {
          const frame = frames[`${scenario.slug}/${name}`];
          const before = (await heightsFrom(page, `${scenario.slug}/${name}`)).at(-1).data.height;
          await frame.evaluate(() => document.querySelectorAll('details.advanced').forEach((details) => (details.open = true)));
          const now = await settle(
            async () => (await heightsFrom(page, `${scenario.slug}/${name}`)).at(-1).data.height,
            (height) => height > before,
          );
          assert.ok(now > before, `${name}: a new, larger height after opening "More assumptions" (${before} → ${now})`);
        }
      });
    }
  });
}

test('messages a host posts into the frames change nothing (the embed listens to none)', async () => {
  const read = (frame) =>
    frame.evaluate(() => ({
      metrics: Object.fromEntries([...document.querySelectorAll('[data-metric]')].map((el) => [el.dataset.metric, el.dataset.value])),
      search: location.search,
      inputs: [...document.querySelectorAll('input, select')].map((el) => `${el.id}=${el.value}`),
      charts: [...document.querySelectorAll('[data-chart]')].map((el) => el.dataset.chart),
    }));
  const before = {};
  for (const [key, frame] of Object.entries(frames)) before[key] = await read(frame);
  await page.evaluate(() => {
    for (const iframe of document.querySelectorAll('iframe')) {
      for (const message of [
        { type: 'set', capex: 1 },
        { type: 'ai-gap-explorer:set', capex: 1, method: 'direct', required: 1 },
        { type: 'ai-gap-explorer:state', query: 'capex=1&revenue=5000', chart: 'gap' },
        { type: 'ai-gap-explorer:height', height: 10 },
        'capex=1&revenue=5000',
      ]) {
        iframe.contentWindow.postMessage(message, '*');
      }
    }
  });
  await page.waitForTimeout(800); // a few frames and a model run, had anything listened
  for (const [key, frame] of Object.entries(frames)) assert.deepEqual(await read(frame), before[key], `${key}: nothing changed`);
  assert.deepEqual(errors, [], 'no error in the host page or any frame');
});

describe('the Embed dialog', () => {
  test('keyboard only: Enter opens it with the focus inside, Tab stays inside, Escape closes it and returns the focus', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${site.url}?v=3`);
    await waitForChart(page, 'gap');
    const opener = page.locator('[data-action="embed"]');
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.dialog[open]');
    const inside = () => page.evaluate(() => document.querySelector('dialog[open]')?.contains(document.activeElement) ?? false);
    assert.ok(await inside(), 'the focus moves into the dialog');
    assert.ok(await page.evaluate(() => document.querySelector('dialog').matches(':modal')), 'modal: the page behind is inert');
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      // Past the last control the focus may rest on the browser's own UI,
      // never on the page behind the dialog.
      const where = await page.evaluate(() => (document.activeElement === document.body ? 'body' : document.querySelector('dialog[open]').contains(document.activeElement) ? 'dialog' : document.activeElement.outerHTML.slice(0, 80)));
      assert.ok(['dialog', 'body'].includes(where), `Tab ${i}: ${where}`);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'embed', 'the focus returns to its button');
    // The close button does the same.
    await opener.click();
    await page.waitForSelector('dialog.dialog[open]');
    await page.click('dialog[open] button.secondary');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'embed');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("the Embed dialog's snippet on another site", () => {
  test('the snippet frames the chosen chart with the current state, and its resize script fits the frame to the content', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, locale: 'en-US' });
    const errors = watchErrors(page);
    await page.goto(`${site.url}?v=4&capex=700&method=sequoia`);
    await waitForChart(page, 'gap');
    await page.selectOption('#export-chart', 'fan');
    await page.locator('.export').getByRole('button', { name: 'Embed', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('dialog[open] #embed-snippet')?.value !== '');
    const snippet = await page.inputValue('#embed-snippet');
    assert.match(snippet, /allow="clipboard-write; web-share"/);
    assert.match(snippet, /<noscript><a href="[^"]*embed=1[^"]*">Open in AI Gap Explorer<\/a><\/noscript>/);
    const script = await page.inputValue('#embed-script');

    const src = new URL(/\bsrc="([^"]*)"/.exec(snippet)[1].replaceAll('&amp;', '&'));
    assert.equal(`${src.origin}${src.pathname}`, site.url);
    assert.deepEqual(
      sortedEntries(src.searchParams),
      sortedEntries(new URLSearchParams('v=4&capex=700&method=sequoia&embed=1&chart=fan')),
      `the snippet's URL: ${src}`,
    );
    assert.match(snippet, /\bdata-ai-gap-explorer\b/);
    // Around the frame, a caption says what the chart's numbers say: the
    // fan's description, as its aria-label has it once the scenarios are in.
    await waitForChart(page, 'fan');
    await waitForMonteCarlo(page);
    const captionOf = (text) => /<figcaption>([^<]*)<\/figcaption>/.exec(text)?.[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"');
    await page.waitForFunction(
      () => {
        const caption = /<figcaption>([^<]*)<\/figcaption>/.exec(document.querySelector('#embed-snippet').value)?.[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"');
        return caption === document.querySelector('[data-chart="fan"]').getAttribute('aria-label');
      },
      null,
      { timeout: 10000 },
    );
    assert.ok(!captionOf(await page.inputValue('#embed-snippet')).includes(localeTexts('en', 'chart').desc_pending), 'the scenarios are in');
    await page.getByLabel('Show the controls').check();
    assert.match(await page.inputValue('#embed-snippet'), /[?&;]controls=1\b/, 'the checkbox adds controls=1');
    await page.close();

    // A host page made of the snippet (twice, under each sandbox) and the resize script.
    const frames = Object.entries(SANDBOXES)
      .map(([name, sandbox]) => snippet.replace('<iframe ', `<iframe name="${name}" sandbox="${sandbox}" `).replace(/ loading="lazy"/, ''))
      .join('\n');
    host.page('/snippet.html', `<!doctype html><html lang="en"><meta charset="utf-8"><title>snippet host</title><link rel="icon" href="data:,">${RECORDER}\n${frames}\n${script}`);
    const hostTab = await browser.newPage({ viewport: { width: 1100, height: 1500 }, locale: 'en-US' });
    const hostErrors = watchErrors(hostTab);
    await hostTab.goto(`${host.url}snippet.html`);
    for (const name of Object.keys(SANDBOXES)) {
      const frame = await waitForFrame(hostTab, site.url, (candidate) => candidate.name() === name);
      await waitForChart(frame, 'fan');
      // The page may post again (its Monte Carlo title arrives): compare
      // the frame with the latest height posted.
      const { reported, frameHeight } = await settle(
        async () => ({
          reported: (await heightsFrom(hostTab, name)).at(-1)?.data.height,
          frameHeight: await hostTab.evaluate((n) => document.querySelector(`iframe[name="${n}"]`).getBoundingClientRect().height, name),
        }),
        (read) => read.reported !== undefined && read.frameHeight === Math.ceil(read.reported),
      );
      assert.ok(reported > 100, `${name}: a height was posted (${reported})`);
      assert.equal(frameHeight, Math.ceil(reported), `${name}: the resize script set the iframe's height`);
      const fit = await frame.evaluate(() => ({ content: document.documentElement.scrollHeight, viewport: window.innerHeight }));
      assert.ok(fit.content <= fit.viewport, `${name}: the resized frame shows all its content (content ${fit.content}px, frame ${fit.viewport}px)`);
    }
    await hostTab.screenshot({ path: screenshotPath('embed-snippet-host'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(hostErrors, []);
    await hostTab.close();
  });
});
