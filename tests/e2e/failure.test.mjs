// Graceful failure: a panic inside the wasm or an uncaught JavaScript error
// shows a translated message with a link that reloads the same state,
// instead of a dead page. The faults are injected with `?fail=…`, which only
// the test build (`--features fault-injection`, built by scripts/test.sh
// into target/dist-faults) contains; the release build ignores it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, metricValues, startSite, waitForChart, DIST } from './harness.mjs';

const FAULTS = join(DIST, '..', 'target', 'dist-faults');
const MESSAGES = {
  en: /Something went wrong inside this page/,
  de: /Auf dieser Seite ist ein Fehler aufgetreten/,
  nl: /Er ging iets mis op deze pagina/,
};

let faults;
let release;
let browser;
before(async () => {
  assert.ok(existsSync(join(FAULTS, 'index.html')), `the test build exists in ${FAULTS} (scripts/test.sh builds it)`);
  faults = await startSite({ root: FAULTS });
  release = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await faults?.close();
  await release?.close();
});

describe('graceful failure', () => {
  for (const [kind, lang] of [['panic', 'en'], ['panic', 'de'], ['error', 'nl'], ['rejection', 'en']]) {
    test(`?fail=${kind} (${lang}): a message in the page's language and a reload that keeps the state`, async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${faults.url}?v=3&capex=650&growth=55&lang=${lang}&fail=${kind}`);
      await waitForChart(page, 'gap');
      const before = await metricValues(page);
      const message = page.locator('#fatal-error[role="alert"]');
      await message.waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await message.textContent(), MESSAGES[lang]);
      assert.ok(errors.length > 0, 'the fault really happened');
      const link = message.locator('a');
      const href = await link.getAttribute('href');
      const params = new URL(href).searchParams;
      assert.equal(params.get('capex'), '650', `the reload keeps the state: ${href}`);
      assert.equal(params.get('fail'), null, 'and not the fault');
      assert.equal(await message.count(), 1, 'one message');
      await link.click();
      await page.waitForURL(href);
      await waitForChart(page, 'gap');
      await page.waitForTimeout(800);
      assert.equal(await page.locator('#fatal-error').count(), 0, 'the reloaded page works');
      const afterReload = await metricValues(page);
      for (const name of ['required_revenue', 'actual_revenue', 'gap', 'gap_pv', 'npv']) {
        assert.equal(afterReload[name], before[name], name);
      }
      await page.close();
    });
  }

  test('the release build contains no fault injection', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${release.url}?fail=panic`);
    await waitForChart(page, 'gap');
    await page.waitForTimeout(1200);
    assert.equal(await page.locator('#fatal-error').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
