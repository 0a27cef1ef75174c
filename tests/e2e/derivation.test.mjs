// Every readout explains itself: its "how?" button opens a panel
// (`[data-derivation="<metric>"]`) with the formula of the current method,
// the same formula with the numbers on screen, the inputs as chips that lead
// to their sources, and the intermediate values. The tests read the panel as
// a reader would: its result is the readout's value, and each filled formula,
// parsed from the page's text in the page's number format and evaluated,
// gives the value printed after it (within the rounding of what is shown).
// Keyboard: Enter opens, Escape closes and returns the focus.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption, liveSite, screenshotPath, waitForChart, watchErrors } from './harness.mjs';
import { LANGUAGES, localeTexts } from '../../scripts/app-facts.mjs';

const METRICS = ['required_revenue', 'actual_revenue', 'gap', 'coverage', 'gap_pv', 'breakeven_year', 'npv', 'irr', 'growth_needed'];

/** The value of a filled formula as the page writes it, e.g. "(0,2398 × 1.424,61 + 11) ÷ (1 − 50 %)". */
export function evaluate(text, lang) {
  const [group, decimalMark] = lang === 'en' ? [',', '.'] : ['.', ','];
  let s = text.replace(/[\u00a0\u202f]/g, ' ');
  s = s.replace(/\d[\d.,]*/g, (n) => n.split(group).join('').replace(decimalMark, '.'));
  s = s.replace(/(\d+(?:\.\d+)?) ?%/g, '($1/100)');
  s = s.replace(/−/g, '-').replace(/×/g, '*').replace(/÷/g, '/').replace(/\^/g, '**');
  assert.match(s, /^[\d\s.+\-*/()]*$/, `arithmetic only: ${s}`);
  return Function(`return (${s});`)();
}

const live = liveSite();

/** What the open panel shows: its metric, result, steps and chips. */
function readPanel(page) {
  return page.$eval('[data-derivation]', (panel) => ({
    metric: panel.dataset.derivation,
    result: panel.querySelector('.derivation-result [data-value]').dataset.value,
    steps: [...panel.querySelectorAll('.derivation-step')].map((step) => ({
      formula: step.querySelector('.formula').textContent,
      filled: step.querySelector('[data-filled]').textContent,
      value: step.querySelector('.step-value')?.dataset.value ?? null,
    })),
    chips: [...panel.querySelectorAll('[data-chip]')].map((chip) => ({
      name: chip.dataset.chip,
      marks: [...chip.querySelectorAll('[data-provenance]')].map((m) => m.dataset.provenance),
    })),
    rows: panel.querySelectorAll('tbody tr').length,
    title: panel.querySelector('h3').textContent,
  }));
}

async function open(page, metric) {
  await page.click(`[data-how="${metric}"]`);
  await page.waitForSelector(`[data-derivation="${metric}"]`);
  return readPanel(page);
}

/** Each step's filled formula evaluates to its printed value. */
/**
 * `amplify`: how much a rounding of the shown numbers can grow in the
 * formula (discounting at a strongly negative IRR multiplies the last
 * year's rounding by (1 + IRR)^−n).
 */
function checkSteps(panel, lang, where, amplify = 1) {
  for (const step of panel.steps) {
    if (step.value === null) continue;
    const got = evaluate(step.filled, lang);
    const want = Number(step.value);
    // The shown numbers are rounded (two decimals, factors four): allow for it.
    const tolerance = amplify * (2e-3 * Math.max(1, Math.abs(want)) + 0.02 * (step.filled.match(/\d[\d.,]*/g) ?? []).length);
    assert.ok(Math.abs(got - want) <= tolerance, `${where}: ${step.filled} = ${got}, shown ${want}`);
  }
}

describe('derivation panels', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: every readout's panel shows its value, and its filled formulas add up`, async () => {
      const ui = localeTexts(lang, 'ui');
      const page = await live.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${live.url}?v=4&lang=${lang}`);
      await waitForChart(page, 'gap');
      for (const metric of METRICS) {
        const panel = await open(page, metric);
        const readout = await page.getAttribute(`[data-metric="${metric}"]`, 'data-value');
        assert.equal(panel.metric, metric);
        assert.equal(panel.result, readout, `${metric}: the panel's result is the readout's`);
        assert.ok(panel.title.includes(ui.derivation_title.split('{metric}')[0].trim()), panel.title);
        assert.ok(panel.steps.length >= 1, metric);
        const years = panel.rows || 10;
        const amplify = metric === 'irr' && readout !== '' ? Math.max(1, (1 + Number(readout) / 100) ** -(years + 1)) : 1;
        checkSteps(panel, lang, `${lang} ${metric}`, amplify);
        if (!['breakeven_year', 'irr', 'growth_needed'].includes(metric)) {
          assert.ok(Math.abs(Number(panel.steps[0].value) - Number(readout)) < 1e-6, `${metric}: first step is the readout`);
        }
        if (metric === 'irr' && readout !== '') {
          // The NPV at the IRR the panel writes is zero, to the precision written.
          const npvAtIrr = evaluate(panel.steps[0].filled, lang);
          assert.ok(Math.abs(npvAtIrr) < amplify, `NPV at the IRR: ${npvAtIrr} (rounding × ${amplify})`);
        }
        assert.ok(panel.chips.length >= 1, `${metric}: chips`);
        for (const chip of panel.chips) assert.equal(chip.marks.length, 1, `${metric} ${chip.name}: one mark`);
        if (metric === 'required_revenue') assert.equal(panel.rows, 5, 'dcf: the five vintages in service');
        if (metric === 'gap_pv') assert.equal(panel.rows, 10, 'one row per year 2026–2035');
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('every method: the required revenue and the gap add up; an edit recomputes the open panel', async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    for (const method of ['direct', 'sequoia', 'bain', 'dcf']) {
      await page.goto(`${live.url}?v=3&method=${method}&growth=65&life=4`);
      await waitForChart(page, 'gap');
      for (const metric of ['required_revenue', 'gap', 'npv']) {
        const panel = await open(page, metric);
        checkSteps(panel, 'en', `${method} ${metric}`);
        assert.equal(panel.result, await page.getAttribute(`[data-metric="${metric}"]`, 'data-value'));
      }
      // With the NPV's panel open, a typed edit updates it.
      const before = await readPanel(page);
      await page.evaluate(() => document.querySelectorAll('details.advanced').forEach((fold) => (fold.open = true)));
      const box = page.locator('[data-input="margin"] input[type="text"]');
      await box.fill('40');
      await box.press('Enter');
      await page.waitForFunction((old) => document.querySelector('[data-derivation] .derivation-result [data-value]').dataset.value !== old, before.result);
      const after = await readPanel(page);
      assert.equal(after.result, await page.getAttribute('[data-metric="npv"]', 'data-value'));
      checkSteps(after, 'en', `${method} npv after an edit`);
      assert.ok(after.chips.some((c) => c.name === 'margin' && c.marks[0] === 'yours'), 'the edited input is marked yours');
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  /** Clicks `chart` where ECharts draws `value` in the coordinates of `finder`. */
  async function clickChart(page, chart, finder, value) {
    const element = page.locator(`[data-chart="${chart}"]`);
    await element.scrollIntoViewIfNeeded();
    await waitForChart(page, chart);
    const [x, y] = await page.evaluate(
      ([name, finder, value]) => window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`)).convertToPixel(finder, value),
      [chart, finder, value],
    );
    const box = await element.boundingBox();
    await page.mouse.click(box.x + x, box.y + y);
  }

  /** Clicks the middle of the bar ECharts draws for item `index` of series `id`. */
  async function clickBar(page, chart, id, index) {
    const element = page.locator(`[data-chart="${chart}"]`);
    await element.scrollIntoViewIfNeeded();
    await waitForChart(page, chart);
    const [x, y] = await page.evaluate(
      ([name, id, index]) => {
        const chart = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`));
        const series = chart.getModel().getSeries().find((s) => s.id === id);
        const bar = series.getData().getItemLayout(index);
        return [bar.x + bar.width / 2, bar.y + bar.height / 2];
      },
      [chart, id, index],
    );
    const box = await element.boundingBox();
    await page.mouse.click(box.x + x, box.y + y);
  }

  /** The `index`-th value of the series with id `id` in `option`. */
  const plotted = (option, id, index) => {
    const value = option.series.find((s) => s.id === id).data[index];
    return Array.isArray(value) ? value[value.length - 1] : value;
  };

  /** After a click: the panel that opened, or null once nothing opened. */
  async function panelAfterClick(page, metric) {
    await page.waitForSelector(`[data-derivation="${metric}"]`);
    return readPanel(page);
  }

  for (const lang of LANGUAGES) {
    test(`${lang}: a click on a year of the time path explains that year's gap`, async () => {
      const page = await live.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${live.url}?v=3&lang=${lang}&method=dcf&cost_cut=40`);
      await waitForChart(page, 'gap');
      await clickChart(page, 'gap_over_time', { xAxisIndex: 0, yAxisIndex: 0 }, [4, 100]);
      const panel = await panelAfterClick(page, 'gap');
      const option = await chartOption(page, 'gap_over_time');
      const want = plotted(option, 'required', 4) - plotted(option, 'actual', 4);
      assert.ok(Math.abs(Number(panel.result) - want) < 1e-6 * Math.abs(want), `${panel.result} vs ${want}`);
      assert.ok(panel.title.includes('2030'), panel.title);
      assert.ok(panel.steps.length >= 6, 'gap, required, charge, capital in service, energy, capex, actual, price effect');
      checkSteps(panel, lang, `${lang} gap 2030`);
      // The vintages in service in 2030, the newest (2030's) marked.
      assert.equal(panel.rows, 5);
      assert.equal(await page.locator('[data-derivation] tr.asked th').textContent(), '2030');
      // Escape returns the focus to the chart that asked.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[data-derivation]'));
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.chart), 'gap_over_time');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test("a click on a bar explains the bar's number: readouts, discounted years, methods, tornado, DeepSeek", async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3&cost_cut=40`);
    await waitForChart(page, 'gap');
    const close = (got, want, what) => assert.ok(Math.abs(Number(got) - want) <= 1e-6 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);

    await clickBar(page, 'gap', 'gap', 2);
    let panel = await panelAfterClick(page, 'gap');
    assert.equal(panel.result, await page.getAttribute('[data-metric="gap"]', 'data-value'));

    await clickChart(page, 'pv', { xAxisIndex: 0, yAxisIndex: 0 }, [3, 100]);
    panel = await panelAfterClick(page, 'gap_pv');
    assert.equal(panel.result, await page.getAttribute('[data-metric="gap_pv"]', 'data-value'));
    assert.equal(await page.locator('[data-derivation] tr.asked th').textContent(), '2029');

    const methods = await chartOption(page, 'methods');
    const bain = methods.series.find((s) => s.id === 'required-by-method').data[2];
    await clickBar(page, 'methods', 'required-by-method', 2);
    panel = await panelAfterClick(page, 'required_revenue');
    close(panel.result, bain, 'Bain');
    assert.ok(panel.title.includes('Bain'), panel.title);
    checkSteps(panel, 'en', 'Bain');

    const tornado = await chartOption(page, 'tornado');
    const low = plotted(tornado, 'pv-at-low', 0);
    await clickBar(page, 'tornado', 'pv-at-low', 0);
    panel = await panelAfterClick(page, 'gap_pv');
    const base = Number(await page.getAttribute('[data-metric="gap_pv"]', 'data-value'));
    close(panel.result, base + low, 'tornado low end');
    checkSteps(panel, 'en', 'tornado');

    const deepseek = await chartOption(page, 'deepseek');
    const without = plotted(deepseek, 'without-cut', 2);
    await clickBar(page, 'deepseek', 'without-cut', 2);
    panel = await panelAfterClick(page, 'gap');
    close(panel.result, without, 'gap without the cut');
    assert.ok(panel.title.includes('2035'), panel.title);
    checkSteps(panel, 'en', 'deepseek');

    // The fan's percentiles are statistics of draws: a click there asks nothing.
    await page.click('[data-derivation] [data-close]');
    await page.waitForFunction(() => !document.querySelector('[data-derivation]'));
    await page.waitForFunction(() => document.querySelector('[data-metric="gap_pv_p5"]').dataset.value !== '');
    await clickChart(page, 'fan', { xAxisIndex: 0, yAxisIndex: 0 }, [4, 1000]);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await page.locator('[data-derivation]').count(), 0);
    assert.equal(await page.locator('[data-chart="fan"] ~ .chart-hint').count(), 0, 'no hint under a chart that asks nothing');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('keyboard: Enter opens, Escape closes and returns the focus; a chip opens its source', async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3`);
    await waitForChart(page, 'gap');
    const how = page.locator('[data-how="gap"]');
    assert.equal(await how.getAttribute('aria-expanded'), 'false');
    await how.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-derivation="gap"]');
    assert.equal(await how.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.derivation), 'gap', 'focus moves into the panel');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-derivation]'));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.how), 'gap', 'focus returns to its button');

    // Clicking the same button again closes it; another replaces it.
    await how.click();
    await page.waitForSelector('[data-derivation="gap"]');
    await page.click('[data-how="npv"]');
    await page.waitForSelector('[data-derivation="npv"]');
    assert.equal(await page.locator('[data-derivation]').count(), 1);
    await page.click('[data-how="npv"]');
    await page.waitForFunction(() => !document.querySelector('[data-derivation]'));

    await how.click();
    await page.click('[data-derivation] [data-chip="required"]');
    await page.waitForFunction(() => document.querySelector('[data-input="required"] .source-badge').open);
    assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('[data-input="required"] .source-badge summary')));
    // An advanced input's chip opens its "More assumptions" fold too.
    await page.click('[data-derivation] [data-close]');
    await page.waitForFunction(() => !document.querySelector('[data-derivation]'));
    assert.equal(await page.$eval('[data-input="margin"]', (el) => el.closest('details.advanced').open), false);
    await page.click('[data-how="npv"]');
    await page.click('[data-derivation] [data-chip="margin"]');
    await page.waitForFunction(() => document.querySelector('[data-input="margin"] .source-badge').open);
    assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('[data-input="margin"] .source-badge summary')), 'the focus is on the margin source');
    assert.equal(await page.$eval('[data-input="margin"]', (el) => el.closest('details.advanced').open), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the embed view explains its readouts too; screenshots on desktop and at 390 px', async () => {
    const page = await live.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3&embed=1&chart=gap`);
    await waitForChart(page, 'gap');
    const panel = await open(page, 'gap_pv');
    checkSteps(panel, 'en', 'embed gap_pv');
    assert.equal(panel.result, await page.getAttribute('[data-metric="gap_pv"]', 'data-value'));
    // No controls in this embed: the chips are labels, not buttons that would do nothing.
    assert.equal(await page.locator('[data-derivation] button[data-chip]').count(), 0);
    assert.ok((await page.locator('[data-derivation] span[data-chip]').count()) > 0);
    const width = await page.$eval('[data-derivation]', (el) => el.getBoundingClientRect().width);
    assert.ok(width <= 390, `fits the phone: ${width}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll');
    await page.locator('[data-derivation]').screenshot({ path: screenshotPath('derivation-embed-390') });
    // A tap on the embed's chart explains the bar it lands on.
    await clickBar(page, 'gap', 'required', 0);
    const tapped = await panelAfterClick(page, 'required_revenue');
    assert.equal(tapped.result, await page.getAttribute('[data-metric="required_revenue"]', 'data-value'));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${live.url}?v=3&method=dcf&lang=de`);
    await waitForChart(page, 'gap');
    await open(page, 'required_revenue');
    await page.locator('[data-derivation]').screenshot({ path: screenshotPath('derivation-desktop-de') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
