// The explorer end to end in headless Chromium: charts draw the model's
// numbers, controls change charts and URL, URLs restore state, presets
// reproduce published numbers, bad URLs are handled, phones work.
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption, launchBrowser, metric, screenshotPath, startSite, waitForChart, watchErrors } from './harness.mjs';
import { CHARTS } from '../../scripts/app-facts.mjs';

const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

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

async function open(query = '', viewport = { width: 1360, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(`${site.url}${query}`);
  await waitForChart(page, 'gap');
  return { page, errors };
}

/** Waits until ECharts holds data different from `before` for the chart. */
async function waitForChange(page, name, before) {
  await page.waitForFunction(
    ([chartName, old]) => {
      const element = document.querySelector(`[data-chart="${chartName}"]`);
      const option = window.echarts.getInstanceByDom(element).getOption();
      return JSON.stringify(option.series.map((s) => s.data)) !== old;
    },
    [name, JSON.stringify(before.series.map((s) => s.data))],
    { timeout: 5000 },
  );
}

describe('explorer', () => {
  test('every named chart exists and draws the model numbers', async () => {
    const { page, errors } = await open();
    for (const name of CHARTS) await waitForChart(page, name);

    const required = await metric(page, 'required_revenue');
    const actual = await metric(page, 'actual_revenue');
    const gap = await metric(page, 'gap');
    const pv = await metric(page, 'gap_pv');
    close(gap, required - actual, 'gap = required - actual');

    const gapChart = await chartOption(page, 'gap');
    const gapValues = gapChart.series.flatMap((series) => series.data.map((d) => (typeof d === 'object' && d !== null ? d.value : d)));
    for (const [what, value] of [['required', required], ['actual', actual], ['gap', gap]]) {
      assert.ok(gapValues.some((v) => Math.abs(v - value) < 1e-6), `gap chart shows ${what} ${value}: ${gapValues}`);
    }
    // The revenue band is the article's $50–60B (actual_ai_revenue_2026), not a Monte Carlo spread.
    const band = (id) => gapChart.series.find((series) => series.id === id).data[1];
    assert.deepEqual([band('actual-range-base'), band('actual-range')], [50, 10], 'the band runs from 50 to 60');

    const overTime = await chartOption(page, 'gap_over_time');
    const firstValues = overTime.series.map((series) => series.data[0]).map((d) => (Array.isArray(d) ? d[1] : d?.value ?? d));
    assert.ok(firstValues.some((v) => Math.abs(v - required) < 1e-6), `gap_over_time starts at required ${required}: ${firstValues}`);

    const pvChart = await chartOption(page, 'pv');
    const lastValues = pvChart.series.map((series) => series.data.at(-1)).map((d) => (Array.isArray(d) ? d[1] : d?.value ?? d));
    assert.ok(lastValues.some((v) => Math.abs(v - pv) < 1e-6), `pv chart ends at gap_pv ${pv}: ${lastValues}`);

    await page.waitForTimeout(1200);
    await page.screenshot({ path: screenshotPath('explorer-desktop'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("moving each group's sliders changes the charts and the URL", async () => {
    // Under `direct` the first year's requirement is `required` itself and
    // capex only scales later years, so capex is moved under `sequoia`.
    const { page, errors } = await open('?method=sequoia');
    const moves = [
      ['capex', '800', 'gap_over_time'],
      ['required', '3000', 'methods'],
      ['revenue', '120', 'gap_over_time'],
      ['rate', '14', 'pv'],
      // A cut passed on to unit-elastic demand changes no number (model 3):
      // the URL takes it, and the elasticity then moves the DeepSeek chart.
      ['cost_cut', '50', null],
      ['elasticity', '0.5', 'deepseek'],
      ['growth', '55', 'gap_over_time'],
      ['end', '2040', 'gap_over_time'],
    ];
    for (const [name, value, chart] of moves) {
      const before = chart && (await chartOption(page, chart));
      const folded = page.locator(`details:not([open]):has(#input-${name}) > summary`);
      if (await folded.count()) await folded.click(); // advanced inputs fold away
      await page.locator(`#input-${name}`).fill(value);
      if (chart) await waitForChange(page, chart, before);
      await page.waitForFunction(([n, v]) => new URLSearchParams(location.search).get(n) === v, [name, value]);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('loading a URL restores the exact state', async () => {
    // Capital recovery is the default method: the link does not name it.
    const query = '?v=4&capex=650&revenue=80&growth=30&rate=7&life=6&lang=de';
    const { page, errors } = await open(query);
    assert.equal(await page.inputValue('#input-method'), 'dcf');
    for (const [name, value] of [['capex', '650'], ['revenue', '80'], ['growth', '30'], ['rate', '7'], ['life', '6']]) {
      assert.equal(await page.inputValue(`#input-${name}`), value, name);
    }
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    const params = new URLSearchParams(await page.evaluate(() => location.search));
    assert.deepEqual(Object.fromEntries(params), Object.fromEntries(new URLSearchParams(query)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('moving the first year past the last pushes the last along, and the URL reloads to the same numbers', async () => {
    const { page, errors } = await open('?v=3');
    await page.click('fieldset[data-group="horizon"] details.advanced summary');
    const start = page.locator('.control-row:has(#input-start) .number-box');
    await start.fill('2038');
    await start.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('start') === '2038');
    assert.equal(await page.inputValue('.control-row:has(#input-end) .number-box'), '2038', 'the last year followed');
    await page.waitForTimeout(400);
    const search = await page.evaluate(() => location.search);
    assert.equal(new URLSearchParams(search).get('end'), '2038', search);
    const shown = { required: await metric(page, 'required_revenue'), gap: await metric(page, 'gap'), pv: await metric(page, 'gap_pv') };
    // Typed "-0" is zero, never "-0".
    const revenue = page.locator('.control-row:has(#input-revenue) .number-box');
    await revenue.fill('-0');
    await revenue.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-metric="actual_revenue"]').dataset.value === '0');
    // Typed in the page's format, forgiving of the other: "2,5" is 2.5 and,
    // on this English page, "1,500" is fifteen hundred (not 1.5).
    await revenue.fill('2,5');
    await revenue.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-metric="actual_revenue"]').dataset.value === '2.5');
    await revenue.fill('1,500');
    await revenue.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-metric="actual_revenue"]').dataset.value === '1500');
    await revenue.fill('55');
    await revenue.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-metric="actual_revenue"]').dataset.value === '55');
    const again = await open(search);
    assert.equal(await again.page.locator('.notice').count(), 0, `${search} reads without a notice`);
    assert.deepEqual(
      { required: await metric(again.page, 'required_revenue'), gap: await metric(again.page, 'gap'), pv: await metric(again.page, 'gap_pv') },
      shown,
    );
    assert.deepEqual([...errors, ...again.errors], []);
    await again.page.close();
    await page.close();
  });

  test('links: without v a link is today\'s; v=3 keeps the article\'s method; a rejected value translates nothing', async () => {
    const read = async (query) => {
      const { page, errors } = await open(query);
      const values = await page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll('[data-metric]')].map((el) => [el.dataset.metric, el.dataset.value])),
      );
      const notices = await page.locator('.notice li').allTextContents();
      const search = await page.evaluate(() => location.search);
      const today = await page.locator('.notice [data-action="open-today"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(errors, []);
      await page.close();
      return { values, notices, search, today };
    };
    const bare = await read('?growth=60');
    const today = await read('?v=4&growth=60');
    for (const name of ['required_revenue', 'gap', 'coverage', 'npv', 'breakeven_year']) {
      assert.equal(bare.values[name], today.values[name], `?growth=60 ${name}`);
    }
    assert.deepEqual(bare.notices, []);
    const old = await read('?v=3&growth=60');
    assert.equal(old.values.required_revenue, '2000', 'a v=3 link keeps direct');
    assert.ok(old.search.includes('method=direct') && old.search.includes('v=4'), old.search);
    const rejected = await read('?rate=abc&life=-3&capex=1e999');
    assert.ok(rejected.notices.length >= 2, rejected.notices.join(' | '));
    assert.ok(rejected.notices.every((text) => !/model 1/i.test(text)), rejected.notices.join(' | '));
    const onlyModel1 = await read('?margin=98');
    assert.match(onlyModel1.notices[0], /model 1/i);
    // The notice offers the link read with today's model, which needs no translation.
    assert.deepEqual(onlyModel1.today, ['?v=4&method=direct&margin=98'], 'with the method it was made with');
    const opened = await read(onlyModel1.today[0]);
    assert.ok(opened.notices.every((text) => !/model 1/i.test(text)), opened.notices.join(' | '));
    assert.deepEqual(rejected.today, []);
  });

  test('model-1 links keep the first-year numbers model 1 showed, say so, and are rewritten as links of today', async () => {
    const fixture = readFileSync(new URL('../../crates/gap-model/tests/fixtures/model1_links.txt', import.meta.url), 'utf8');
    const links = fixture.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(' | '));
    assert.ok(links.length >= 20);
    // Every fourth link keeps the run short; the native test checks them all.
    for (const [query, required, actual, gap, gapPv, , kept] of links.filter((_, i) => i % 4 === 0)) {
      // A model-1 link says `v=1` (without `v` a link is today's, unless it
      // holds a value only model 1 took).
      const { page, errors } = await open(`?v=1&${query}`);
      // Rewritten as a link of today (v=4) that keeps the draws of its day (corr=0).
      await page.waitForFunction(() => {
        const params = new URLSearchParams(location.search);
        return params.get('v') === '4' && params.get('corr') === '0';
      });
      close(await metric(page, 'required_revenue'), Number(required), `${query}: required`);
      close(await metric(page, 'actual_revenue'), Number(actual), `${query}: actual`);
      close(await metric(page, 'gap'), Number(gap), `${query}: gap`);
      // The same path; model 3 counts each gap at the end of its year.
      const rate = Number(new URLSearchParams(query).get('rate') ?? 10) / 100;
      if (kept === 'path') close((await metric(page, 'gap_pv')) * (1 + rate), Number(gapPv), `${query}: gap PV`);
      const notice = await page.textContent('.notice li');
      assert.match(notice, /(model|Modell) 1/i, `${query}: ${notice}`);
      // The rewritten URL reads back to the same numbers without a notice.
      const rewritten = await page.evaluate(() => location.search);
      const again = await open(rewritten);
      assert.equal(await again.page.locator('.notice').count(), 0, `${rewritten} has a notice`);
      close(await metric(again.page, 'gap'), Number(gap), `${rewritten}: gap`);
      assert.deepEqual([...errors, ...again.errors], []);
      await again.page.close();
      await page.close();
    }
  });

  test('every preset reproduces its published numbers', async () => {
    const { page, errors } = await open();
    // [required, gap, tolerance, the last sourced year, the preset's last year]
    const dcf = 773.6195610649116;
    const expected = {
      article_2026: [2000, 1945, 1e-6, 2026, 2035],
      sequoia_2023: [200, 125, 1e-6, 2023, 2026],
      sequoia_2024: [600, 500, 1e-6, 2024, 2026],
      bain_2025: [2000, 800, 1e-6, null, 2030],
      jpmorgan_2025: [650, null, 0.5, null, 2030],
      deepseek_shock: [dcf, dcf - 55, 1e-6, 2026, 2035],
      deepseek_chips: [dcf, dcf - 55, 1e-6, 2026, 2035],
      deepseek_price: [dcf, dcf - 55, 1e-6, 2026, 2035],
    };
    for (const [id, [required, gap, tolerance, sourced, end]] of Object.entries(expected)) {
      await page.click(`[data-preset="${id}"]`);
      await page.waitForFunction(
        ([want, within]) => Math.abs(Number(document.querySelector('[data-metric="required_revenue"]').dataset.value) - want) < within,
        [required, tolerance],
      );
      if (gap !== null) close(await metric(page, 'gap'), gap, `${id} gap`);
      assert.equal(await page.getAttribute(`[data-preset="${id}"]`, 'aria-pressed'), 'true');
      // The preset says where its numbers come from and which years are the app's.
      const note = page.locator(`[data-preset-note="${id}"]`);
      assert.equal(await note.getAttribute('data-sourced-until'), sourced === null ? '' : String(sourced));
      const text = await note.textContent();
      if (sourced !== null && sourced < end) assert.ok(text.includes(`after ${sourced} are the app's assumptions`), `${id}: ${text}`);
      else assert.ok(text.includes("Every year shown is the source's"), `${id}: ${text}`);
      if (id.startsWith('deepseek')) assert.ok(text.includes('elasticity'), `${id} says what the elasticity does: ${text}`);
      const years = (await chartOption(page, 'gap_over_time')).xAxis[0].data;
      assert.equal(years.at(-1), String(end), `${id} ends in its last year`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the growth solver names the growth that covers every year from the chosen one, and adopting it does', async () => {
    // A v=3 link keeps the article's method. Flat capex: with the revenue
    // ceiling, (1 + g)⁹ = 79 ÷ 1.2 covers 2035 (59.24 %/yr, shown rounded up).
    const { page, errors } = await open('?v=3&capex_growth=0');
    const needed = async () => Number(await page.getAttribute('[data-metric="growth_needed"]', 'data-value'));
    assert.equal(await metric(page, 'breakeven_year'), Number.NaN, 'flat capex at 40 %/yr never breaks even');
    const byEnd = await needed();
    assert.equal(byEnd, 59.3, `growth needed by 2035: ${byEnd}`);
    await page.selectOption('#solver-year', '2030');
    await page.waitForFunction((old) => Number(document.querySelector('[data-metric="growth_needed"]').dataset.value) > old, byEnd);
    const by2030 = await needed();
    await page.click('.solver .adopt');
    await page.waitForFunction(() => document.querySelector('[data-metric="breakeven_year"]').dataset.value !== '');
    assert.ok((await metric(page, 'breakeven_year')) <= 2030, 'adopting the rate breaks even by 2030');
    // …and stays closed to the end: every year from 2030 on is covered.
    const option = await chartOption(page, 'gap_over_time');
    const years = option.xAxis[0].data;
    const series = (id) => option.series.find((one) => one.id === id).data;
    const [required, actual] = [series('required'), series('actual')];
    years.forEach((year, i) => {
      if (Number(year) >= 2030) assert.ok(actual[i] >= required[i], `${year}: ${actual[i]} < ${required[i]}`);
    });
    assert.ok(!(await page.textContent('.headline')).includes('reopens'));
    assert.equal(await page.inputValue('.control-row:has(#input-growth) .number-box'), String(by2030));
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('growth')), String(by2030));
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const reducedMotion of ['no-preference', 'reduce']) {
    test(`a preset change animates the charts only without reduced motion (${reducedMotion})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, reducedMotion });
      const errors = watchErrors(page);
      await page.goto(site.url);
      await waitForChart(page, 'gap');
      const before = await chartOption(page, 'gap');
      await page.click('[data-preset="sequoia_2024"]');
      await waitForChange(page, 'gap', before);
      const { animation } = await chartOption(page, 'gap');
      assert.equal(animation, reducedMotion !== 'reduce');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('on paper every chart is whole, and the buttons are gone', async () => {
    const { page, errors } = await open();
    for (const name of CHARTS) await waitForChart(page, name);
    // The charts were drawn for a 1360 px screen; paper (A4 at 96 dpi, less
    // margins) is about 700 px wide.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.waitForTimeout(300);
    const layout = await page.evaluate(() => ({
      clipped: [...document.querySelectorAll('[data-chart]')]
        .map((chart) => {
          const card = chart.closest('.chart-card').getBoundingClientRect();
          const canvas = chart.querySelector('canvas').getBoundingClientRect();
          return canvas.width > 100 && canvas.right <= card.right + 1 && canvas.height > 50 ? null : chart.dataset.chart;
        })
        .filter(Boolean),
      shownButtons: [...document.querySelectorAll('.export, .presets, .solver button')].filter((el) => el.getBoundingClientRect().height > 0).length,
    }));
    assert.deepEqual(layout, { clipped: [], shownButtons: 0 });
    await page.pdf({ path: screenshotPath('explorer-print').replace(/\.png$/, '.pdf'), format: 'A4' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const bad of ['rate=abc', 'rate=NaN', 'life=-3', 'capex=1e999']) {
    test(`the invalid URL ?${bad} shows a notice and the page still works`, async () => {
      const { page, errors } = await open(`?${bad}`);
      const [name] = bad.split('=');
      const notice = await page.textContent('.notice');
      assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
      for (const chart of CHARTS) await waitForChart(page, chart);
      assert.ok(Number.isFinite(await metric(page, 'gap')));
      await page.click('.notice button');
      assert.equal(await page.locator('.notice').count(), 0);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('a phone-sized viewport has no horizontal scroll and every control is reachable', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, errors } = await open('', viewport);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= viewport.width, `page is ${scrollWidth}px wide`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const controls = page.locator('input, select, button');
    const count = await controls.count();
    assert.ok(count > 30, `only ${count} controls`);
    for (let i = 0; i < count; i += 1) {
      const control = controls.nth(i);
      if (!(await control.isVisible())) continue;
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width + 0.5, `control ${i} is outside the screen: ${JSON.stringify(box)}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
    await page.waitForTimeout(1200);

    const layout = await page.evaluate(() => {
      const top = (selector) => document.querySelector(selector).getBoundingClientRect().top;
      const charts = [...document.querySelectorAll('[data-chart]')].map((element) => {
        const option = echarts.getInstanceByDom(element).getOption();
        return {
          name: element.dataset.chart,
          width: element.clientWidth,
          titleWidth: option.title[0].textStyle?.width,
          grids: option.grid.map((grid) => ({ top: grid.top, height: grid.height, right: grid.right })),
          categoryLabelWidths: [...option.xAxis, ...option.yAxis]
            .filter((axis) => axis.type === 'category' && axis.axisLabel?.interval === 0)
            .map((axis) => axis.axisLabel.width),
        };
      });
      return { chartsTop: top('.charts'), assumptionsTop: top('.assumptions'), charts };
    });
    assert.ok(layout.chartsTop < layout.assumptionsTop, 'on a phone the charts come before the assumptions');
    for (const chart of layout.charts) {
      assert.ok(chart.titleWidth > 0 && chart.titleWidth <= chart.width, `${chart.name}: the title wraps inside the chart: ${JSON.stringify(chart)}`);
      for (const width of chart.categoryLabelWidths) {
        assert.ok(width > 0 && width < chart.width, `${chart.name}: category labels wrap: ${JSON.stringify(chart)}`);
      }
    }
    const deepseek = layout.charts.find((chart) => chart.name === 'deepseek');
    assert.equal(deepseek.grids.length, 2);
    assert.ok(deepseek.grids[1].top >= deepseek.grids[0].top + deepseek.grids[0].height, `deepseek's plots are stacked: ${JSON.stringify(deepseek.grids)}`);
    await page.screenshot({ path: screenshotPath('explorer-phone'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
