import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption, launchBrowser, metric, screenshotPath, startSite, waitForChart, watchErrors } from './harness.mjs';

/** Every number the chart's series hold, whatever the data item shape. */
function seriesValues(option) {
  return option.series.flatMap((series) =>
    series.data.map((item) => (Array.isArray(item) ? item[1] : typeof item === 'object' && item !== null ? item.value : item)),
  );
}

let site;
let browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('moving the required-revenue slider redraws the gap chart with new data', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  // `required` is the article's figure: the `direct` method reads it.
  await page.goto(`${site.url}?method=direct`);
  await waitForChart(page, 'gap');

  const before = await chartOption(page, 'gap');
  const requiredBefore = await metric(page, 'required_revenue');
  assert.ok(requiredBefore > 0, `required_revenue readout is ${requiredBefore}`);
  assert.ok(seriesValues(before).includes(requiredBefore), 'chart shows the required revenue readout');

  await page.locator('#input-required').fill('3000');
  await page.waitForFunction(
    (old) => Number(document.querySelector('[data-metric="required_revenue"]').dataset.value) !== old,
    requiredBefore,
  );
  const after = await chartOption(page, 'gap');
  const requiredAfter = await metric(page, 'required_revenue');
  assert.notEqual(requiredAfter, requiredBefore);
  assert.ok(seriesValues(after).includes(requiredAfter), 'chart shows the recomputed required revenue');
  assert.ok(!seriesValues(after).includes(requiredBefore), 'the old value is gone from the chart');

  await page.waitForTimeout(1100); // let the ECharts transition finish before the picture
  await page.screenshot({ path: screenshotPath('foundation'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
