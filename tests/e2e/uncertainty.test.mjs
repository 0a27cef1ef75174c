// Uncertainty a reader can edit, reproduce and rank: a range typed under an
// input moves the fan and the URL; that URL draws the identical fan in a new
// browser context; the distribution and the on/off switch reach the URL;
// bad range, draws and seed parameters get notices and the default fan; the
// sensitivity chart ranks what the JSON export lists.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption, metric, servedSnapshot, waitForChart, waitForMonteCarlo, watchErrors } from './harness.mjs';

const served = servedSnapshot();
const contexts = [];

async function open(query) {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${served.url}${query}`);
  await waitForChart(page, 'fan');
  await waitForMonteCarlo(page);
  return { page, errors };
}

/** What the Monte Carlo drew, as the charts show it: every series' data of the fan and the sensitivity chart. */
async function drawn(page) {
  const data = async (name) => (await chartOption(page, name)).series.map((series) => ({ id: series.id, data: series.data }));
  return { fan: await data('fan'), sensitivity: await data('sensitivity') };
}

/** Waits until the Monte Carlo has run again (its P5 readout changed from `before`). */
async function waitForNewRun(page, before) {
  await page.waitForFunction(
    (old) => {
      const value = document.querySelector('[data-metric="gap_pv_p5"]')?.dataset.value;
      return value !== '' && value !== old;
    },
    before,
    { timeout: 15000 },
  );
  // The charts follow the readout in the same reactive update; give ECharts its frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const waitForSearch = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(decodeURIComponent(location.search)), pattern.source, { timeout: 5000 });

describe('editable, reproducible uncertainty', () => {
  before(() => served.ready);
  after(async () => {
    for (const context of contexts) await context.close();
  });

  let edited; // the URL the edit test left, for the reproduction test
  let editedDraws;

  test('typing a range moves the fan and the URL; the summary says the range', async () => {
    const { page, errors } = await open('?lang=en');
    const before = await drawn(page);
    const p5 = await page.getAttribute('[data-metric="gap_pv_p5"]', 'data-value');
    const editor = page.locator('[data-range="growth"]');
    assert.equal(await editor.count(), 1, 'one range editor for growth');
    assert.equal(await editor.evaluate((element) => element.open), false, 'collapsed by default');
    assert.match(await editor.locator('summary').innerText(), /20 – 60 %\/yr, triangular/);
    await editor.locator('summary').click();
    await editor.locator('input[data-end="low"]').fill('10');
    await editor.locator('input[data-end="low"]').press('Tab');
    await editor.locator('input[data-end="high"]').fill('90');
    await editor.locator('input[data-end="high"]').press('Tab');
    // Growth 40: 10–90 is the spread −30, +50 points.
    await waitForSearch(page, /range_growth=-30,50(&|$)/);
    await waitForNewRun(page, p5);
    assert.match(await editor.locator('summary').innerText(), /10 – 90 %\/yr, triangular/);
    const after = await drawn(page);
    assert.notDeepEqual(after.fan, before.fan, 'the fan moved');
    assert.ok((await metric(page, 'gap_pv_p95')) - (await metric(page, 'gap_pv_p5')) > 0, 'a band');
    // A range that leaves the value out is refused with a message, and nothing changes.
    await editor.locator('input[data-end="low"]').fill('50');
    await editor.locator('input[data-end="low"]').press('Tab');
    assert.equal(await editor.locator('input[data-end="low"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await editor.locator('input[data-end="high"]').getAttribute('aria-invalid'), 'false', 'only the refused end');
    assert.match(await editor.locator('.hint').innerText(), /must contain the current value, 40/);
    assert.match(decodeURIComponent(await page.evaluate(() => location.search)), /range_growth=-30,50(&|$)/);
    // Fewer draws and another seed: both in the URL.
    await page.selectOption('#input-draws', '1000');
    await page.fill('#input-seed', '7');
    await page.press('#input-seed', 'Tab');
    await waitForSearch(page, /range_growth=-30,50&draws=1000&seed=7(&|$)/);
    await page.waitForFunction(() => document.querySelector('[data-chart="fan"]') && window.echarts.getInstanceByDom(document.querySelector('[data-chart="fan"]')).getOption().title[0].text.includes('1,000'));
    edited = await page.evaluate(() => location.search);
    editedDraws = await drawn(page);
    assert.deepEqual(errors, []);
  });

  test('the same URL draws the identical fan in a new browser context', async () => {
    assert.ok(edited, 'the edit test left a URL');
    const { page, errors } = await open(edited);
    await page.waitForFunction(() => window.echarts.getInstanceByDom(document.querySelector('[data-chart="fan"]')).getOption().title[0].text.includes('1,000'));
    assert.deepEqual(await drawn(page), editedDraws, 'getOption() series equal');
    assert.match(await page.locator('[data-range="growth"] summary').innerText(), /10 – 90 %\/yr/);
    assert.equal(await page.inputValue('#input-seed'), '7');
    assert.equal(await page.inputValue('#input-draws'), '1000');
    assert.deepEqual(errors, []);
  });

  test('the distribution, the correlation and the on/off switch reach the URL and the fan', async () => {
    const { page, errors } = await open('?lang=en');
    const editor = page.locator('[data-range="capex_growth"]');
    await editor.locator('summary').click();
    let p5 = await page.getAttribute('[data-metric="gap_pv_p5"]', 'data-value');
    await editor.locator('select').selectOption('uniform');
    await waitForSearch(page, /range_capex_growth=-15,15,uniform(&|$)/);
    await waitForNewRun(page, p5);
    assert.match(await editor.locator('summary').innerText(), /uniform/);

    p5 = await page.getAttribute('[data-metric="gap_pv_p5"]', 'data-value');
    await page.locator('[data-input="corr"] .number-box').fill('0');
    await page.locator('[data-input="corr"] .number-box').press('Tab');
    await waitForSearch(page, /corr=0(&|$)/);
    await waitForNewRun(page, p5);

    p5 = await page.getAttribute('[data-metric="gap_pv_p5"]', 'data-value');
    await editor.locator('input[type="checkbox"]').uncheck();
    await waitForSearch(page, /range_capex_growth=off(&|$)/);
    await waitForNewRun(page, p5);
    assert.equal(await editor.locator('summary').innerText(), 'No uncertainty');
    assert.equal(await editor.locator('input[data-end="low"]').isDisabled(), true);
    const rows = (await chartOption(page, 'sensitivity')).yAxis[0].data;
    assert.ok(!rows.includes('Capex growth'), `capex growth no longer varies: ${rows}`);

    // Switched on again, the input gets its default range: the parameter leaves the URL.
    await editor.locator('input[type="checkbox"]').check();
    await page.waitForFunction(() => !location.search.includes('range_capex_growth'));
    assert.equal(await editor.locator('button').isDisabled(), true, 'nothing to reset');
    // "Default range" undoes a change.
    await editor.locator('select').selectOption('pert');
    await waitForSearch(page, /range_capex_growth=-15,15,pert(&|$)/);
    await editor.locator('button').click();
    await page.waitForFunction(() => !location.search.includes('range_capex_growth'));
    assert.match(await editor.locator('summary').innerText(), /0 – 30 %\/yr, triangular/);
    assert.deepEqual(errors, []);
  });

  test('bad uncertainty parameters: a notice each, the default fan, a clean URL written back', async () => {
    const reference = await open('?lang=en');
    const expected = await drawn(reference.page);
    const { page, errors } = await open('?lang=en&range_growth=abc&draws=2.5&range_start=1,2&seed=-3&corr=NaN');
    const notices = await page.locator('.notice li').allInnerTexts();
    assert.equal(notices.length, 5, notices.join('\n'));
    for (const param of ['range_growth', 'draws', 'range_start', 'seed', 'corr']) {
      assert.ok(notices.some((text) => text.includes(`${param}=`)), `a notice names ${param}: ${notices}`);
    }
    assert.deepEqual(await drawn(page), expected, 'the default fan');
    await page.waitForFunction(() => location.search === '?v=4&lang=en');
    assert.deepEqual(errors, []);
  });

  test('a link from before the correlation (v=2) draws its growths independently, as it did', async () => {
    const old = await open('?v=2&lang=en');
    const independent = await open('?v=3&corr=0&lang=en');
    assert.deepEqual(await drawn(old.page), await drawn(independent.page));
    await old.page.waitForFunction(() => location.search === '?v=4&method=direct&corr=0&lang=en');
    assert.deepEqual(old.errors, []);
  });

  test('one end at a time: the other keeps its spread; a range too far from the value is refused', async () => {
    const { page, errors } = await open('?lang=en');
    const editor = page.locator('[data-range="revenue"]');
    await editor.locator('summary').click();
    await editor.locator('input[data-end="high"]').fill('66');
    await editor.locator('input[data-end="high"]').press('Tab');
    // Revenue 55: high 66 is +20 %, low stays −10 %.
    await waitForSearch(page, /range_revenue=-10,20(&|$)/);
    await editor.locator('input[data-end="high"]').fill('5000');
    await editor.locator('input[data-end="high"]').press('Tab');
    assert.match(await editor.locator('.hint').innerText(), /Too far from the value/);
    assert.match(decodeURIComponent(await page.evaluate(() => location.search)), /range_revenue=-10,20(&|$)/);
    await editor.locator('input[data-end="low"]').fill('');
    await editor.locator('input[data-end="low"]').press('Tab');
    assert.match(await editor.locator('.hint').innerText(), /must be numbers in/);
    assert.deepEqual(errors, []);
  });

  test('the sensitivity chart ranks the inputs; its table twin and the JSON export hold the same shares', async () => {
    const { page, errors } = await open('?v=3&lang=en&method=dcf');
    const option = await chartOption(page, 'sensitivity');
    const rows = option.yAxis[0].data;
    const shares = option.series[0].data;
    assert.ok(rows.length >= 5, `${rows}`);
    assert.equal(rows[0], 'Capex growth', 'capex growth drives the spread under dcf');
    for (let i = 1; i < shares.length; i += 1) assert.ok(shares[i - 1] >= shares[i], 'sorted');
    assert.ok(shares.reduce((a, b) => a + b, 0) <= 100 + 1e-9, 'shares add up to at most 100 %');

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
    const json = JSON.parse((await (await file.createReadStream()).toArray()).join(''));
    const exported = json.monte_carlo.results.variance_shares;
    assert.equal(exported.length, shares.length);
    exported.forEach((entry, i) => {
      assert.ok(Math.abs(entry.share * 100 - shares[i]) < 1e-9, `${entry.input}: ${entry.share} vs ${shares[i]}`);
    });
    assert.equal(json.monte_carlo.draws, 10000);
    assert.equal(json.monte_carlo.correlation_capex_growth_growth, 0.5);
    assert.equal(json.monte_carlo.ranges.growth.distribution, 'tri');
    assert.equal(json.monte_carlo.ranges.cost_cut, null, 'no range on the cost cut by default');

    const table = page.locator('[data-chart="sensitivity"]').locator('xpath=..').locator('.chart-table');
    await table.locator('summary').click();
    const firstRow = await table.locator('tbody tr').first().innerText();
    assert.match(firstRow, /^Capex growth/);
    assert.deepEqual(errors, []);
  });
});
