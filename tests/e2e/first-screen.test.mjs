// What a reader meets before scrolling. On a 390×844 phone: the headline,
// the four key numbers (the other readouts one tap away) and the whole
// gap chart. On a 1280×800 desktop: the headline, every readout and the
// whole gap chart, beside the presets and the assumptions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { liveSite, screenshotPath, waitForChart, watchErrors } from './harness.mjs';
import { LANGUAGES } from '../../scripts/app-facts.mjs';

const live = liveSite();

/** Where the headline, the gap chart's canvas and the readouts are, and which readouts show. */
function firstScreen(page) {
  return page.evaluate(() => {
    const box = (element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: rect.height };
    };
    return {
      viewport: innerHeight,
      headline: box(document.querySelector('.headline')),
      canvas: box(document.querySelector('[data-chart="gap"] canvas')),
      shown: [...document.querySelectorAll('.readouts [data-metric]')]
        .filter((readout) => readout.getBoundingClientRect().height > 0)
        .map((readout) => readout.dataset.metric),
      total: document.querySelectorAll('.readouts .readout').length,
    };
  });
}

const within = (box, height) => box.top >= 0 && box.bottom <= height && box.height > 0;

describe('the first screen', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: a phone shows the headline, four key numbers and the whole gap chart`, async () => {
      const page = await live.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const errors = watchErrors(page);
      await page.goto(`${live.url}?v=3&lang=${lang}`);
      await waitForChart(page, 'gap');
      const screen = await firstScreen(page);
      assert.ok(within(screen.headline, screen.viewport), JSON.stringify(screen.headline));
      assert.ok(within(screen.canvas, screen.viewport), `the gap chart: ${JSON.stringify(screen.canvas)}`);
      // The last year's coverage is one tap away with the other numbers.
      assert.deepEqual(screen.shown, ['required_revenue', 'actual_revenue', 'gap', 'coverage']);
      await page.screenshot({ path: screenshotPath(`first-screen-390-${lang}`) });

      // The other numbers are one tap away, and a tap folds them again.
      const more = page.locator('.more-readouts');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.ok((await more.textContent()).includes(String(screen.total)), 'it says how many there are');
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      const all = await firstScreen(page);
      assert.equal(all.shown.length, 11, 'nine readouts, the band and the coverage counting two values each');
      await more.click();
      assert.equal((await firstScreen(page)).shown.length, 4);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('a desktop shows the headline, every readout and the whole gap chart', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3`);
    await waitForChart(page, 'gap');
    const screen = await firstScreen(page);
    assert.ok(within(screen.headline, screen.viewport));
    assert.ok(within(screen.canvas, screen.viewport), `the gap chart: ${JSON.stringify(screen.canvas)}`);
    assert.equal(screen.shown.length, 11);
    assert.equal(await page.locator('.more-readouts').isVisible(), false, 'nothing folded on a desktop');
    // The presets and the solver sit beside the chart, above the assumptions.
    const presets = await page.locator('.presets').boundingBox();
    assert.ok(presets.y + presets.height <= screen.viewport, 'the presets are on the first screen');
    await page.screenshot({ path: screenshotPath('first-screen-1280') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
