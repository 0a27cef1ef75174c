// The Sources view and each of its figures have addresses a journalist can
// cite (`view=sources`, `figure=<id>`), switching views makes history
// entries that back and forward follow (slider edits do not), every row
// offers a link to itself, and a quoted number in a chart leads to its row.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { liveSite, screenshotPath, waitForChart, watchErrors } from './harness.mjs';

const live = liveSite();

const FIGURE = 'oracle_market_value_drop_recent';

/** The highlighted rows, and whether the first lies within the viewport. */
function linkedRows(page) {
  return page.$$eval('[data-figure][aria-current="true"]', (rows) =>
    rows.map((row) => {
      const box = row.getBoundingClientRect();
      // scrollIntoView may leave the row a fraction of a pixel above the top.
      return { id: row.dataset.figure, inView: box.top > -1 && box.top < innerHeight };
    }),
  );
}

const query = (page) => new URL(page.url()).searchParams;

describe('citable, navigable views', () => {
  test('a figure link opens the Sources view on that figure, highlighted and in view, on a phone', async () => {
    const page = await live.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3&figure=${FIGURE}`);
    await page.waitForSelector(`[data-figure="${FIGURE}"][aria-current="true"]`);
    await page.waitForFunction(() => document.querySelector('.figure blockquote, .figure .quote') !== null);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await linkedRows(page), [{ id: FIGURE, inView: true }]);
    assert.equal(query(page).get('view'), 'sources', 'the URL says which view it shows');
    assert.equal(query(page).get('figure'), FIGURE);
    await page.screenshot({ path: screenshotPath('figure-link-390') });

    // `view=sources` alone: the Sources view, nothing highlighted.
    await page.goto(`${live.url}?v=3&view=sources`);
    await page.waitForSelector('[data-figure]');
    assert.deepEqual(await linkedRows(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an unknown view or figure is named in a notice and the explorer shows', async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    for (const bad of ['figure=no_such_figure', 'view=charts']) {
      await page.goto(`${live.url}?v=3&${bad}`);
      await waitForChart(page, 'gap');
      const notice = await page.textContent('.notice li');
      assert.ok(notice.includes(bad.split('=')[0]), `${bad}: ${notice}`);
      assert.equal(await page.locator('[data-figure]').count(), 0);
      assert.equal(query(page).get('figure'), null, 'the repaired URL drops it');
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('switching views makes history entries that back and forward follow; edits make none', async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3`);
    await waitForChart(page, 'gap');
    const start = await page.evaluate(() => history.length);
    const box = page.locator('[data-input="capex"] input[type="text"]');
    for (const value of ['600', '650', '700']) {
      await box.fill(value);
      await box.press('Enter');
    }
    await page.waitForFunction(() => new URL(location.href).searchParams.get('capex') === '700');
    assert.equal(await page.evaluate(() => history.length), start, 'edits replace the entry');

    await page.click('.header-actions button[aria-pressed]');
    await page.waitForSelector('[data-figure]');
    assert.equal(query(page).get('view'), 'sources');
    assert.equal(query(page).get('capex'), '700', 'the state travels with the view');
    assert.equal(await page.evaluate(() => history.length), start + 1);

    await page.goBack();
    await waitForChart(page, 'gap');
    assert.equal(query(page).get('view'), null);
    assert.equal(await page.locator('[data-input="capex"] input[type="text"]').inputValue(), '700');
    await page.goForward();
    await page.waitForSelector('[data-figure]');
    assert.equal(await page.getAttribute('.header-actions button[aria-pressed]', 'aria-pressed'), 'true');
    await page.goBack();
    await waitForChart(page, 'gap');

    // A quoted number in a chart leads to its row; back returns to the chart.
    const chart = page.locator('[data-chart="drawdowns"]');
    await chart.scrollIntoViewIfNeeded();
    await waitForChart(page, 'drawdowns');
    const [x, y] = await page.evaluate(() => {
      const instance = window.echarts.getInstanceByDom(document.querySelector('[data-chart="drawdowns"]'));
      const series = instance.getModel().getSeries().find((s) => s.id === 'market-value-lost');
      const bar = series.getData().getItemLayout(0);
      return [bar.x + bar.width / 2, bar.y + bar.height / 2];
    });
    const where = await chart.boundingBox();
    await page.mouse.click(where.x + x, where.y + y);
    await page.waitForSelector('[data-figure][aria-current="true"]');
    const [row] = await linkedRows(page);
    assert.equal(row.id, 'nvidia_market_value_drop_deepseek', 'the first event by date: DeepSeek day');
    assert.ok(row.inView);
    assert.equal(query(page).get('figure'), row.id);
    await page.goBack();
    await waitForChart(page, 'gap');
    assert.equal(await page.locator('[data-figure]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('"Copy link to this figure" copies a link that opens on that figure', async () => {
    const context = await live.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3&lang=de&growth=55&view=sources`);
    await page.waitForSelector('[data-copy-figure]');
    const rows = await page.locator('[data-figure]').count();
    assert.equal(await page.locator('[data-figure] [data-copy-figure]').count(), rows, 'every row has one');
    await page.click('[data-copy-figure="nvidia_market_value_loss_week"]');
    await page.waitForFunction(() => document.querySelector('.copy-status').textContent.length > 0);
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(link.searchParams.get('figure'), 'nvidia_market_value_loss_week');
    assert.equal(link.searchParams.get('growth'), '55', 'with the state it was copied in');
    assert.equal(link.searchParams.get('lang'), 'de');
    await page.goto(link.href);
    await page.waitForSelector('[data-figure="nvidia_market_value_loss_week"][aria-current="true"]');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
