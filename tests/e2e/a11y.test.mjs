// Accessibility: an axe-core scan of the full app (after the charts draw,
// with every fold and a derivation panel open; the Embed dialog on its own), of the Sources view and of the
// embed view with its controls, in the light and the dark theme; any
// "serious" or "critical" violation fails. Every input, select and button
// has an accessible name (axe's label, select-name and button-name rules,
// which must have run). The keyboard reaches the first slider with Tab, and
// ArrowRight moves it, the numbers and the URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metric, servedSnapshot, waitForChart, waitForMonteCarlo, watchErrors } from './harness.mjs';
import { CHARTS, localeTexts } from '../../scripts/app-facts.mjs';

const CHART_TEXTS = localeTexts('en', 'chart');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const NAME_RULES = ['button-name', 'select-name', 'label'];

const served = servedSnapshot();

/**
 * A page for axe. The app's CSP <meta> allows only hashed inline scripts and
 * 'self', so injecting axe-core would be blocked: this context bypasses CSP,
 * for the accessibility scans only (csp.test.mjs covers the policy itself).
 */
async function openForAxe(query) {
  const context = await served.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${served.url}${query}`);
  return { context, page, errors };
}

/** Runs axe-core on the page; returns { violations, passes } with what a reader of a failure needs. */
async function scan(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: results.passes.map((rule) => rule.id),
      violations: results.violations.map((rule) => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        nodes: rule.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
      })),
    };
  });
}

function assertNoSeriousViolations({ violations }, where) {
  const failing = violations.filter((rule) => FAILING_IMPACTS.has(rule.impact));
  const report = failing
    .map(
      (rule) =>
        `${rule.id} (${rule.impact}): ${rule.help}\n${rule.nodes.map((node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`).join('\n')}`,
    )
    .join('\n');
  assert.equal(failing.length, 0, `${where}: serious or critical accessibility violations:\n${report}`);
}

function assertEveryControlNamed(results, where) {
  for (const rule of NAME_RULES) {
    assert.ok(results.passes.includes(rule), `${where}: axe checked ${rule} (some element was tested)`);
    const failed = results.violations.find((violation) => violation.id === rule);
    assert.equal(failed, undefined, `${where}: ${rule}: ${failed?.nodes.map((node) => node.target).join(', ')}`);
  }
}

for (const theme of ['light', 'dark']) {
  describe(`theme=${theme}`, () => {
    describe('the full app, then the Sources view', () => {
      let context;
      let page;
      let errors;
      before(async () => {
        ({ context, page, errors } = await openForAxe(`?theme=${theme}`));
        for (const chart of CHARTS) await waitForChart(page, chart);
      });
      after(() => context?.close());

      test('axe: the full app with every fold and a derivation panel open, then the Embed dialog', async () => {
        assert.equal(await page.getAttribute('html', 'data-theme'), theme);
        // Everything a reader can unfold: advanced inputs, source badges, data tables, the Embed dialog.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        await page.waitForSelector('.chart-table table');
        // A derivation panel, with its chips and table.
        await page.click('[data-how="gap_pv"]');
        await page.waitForSelector('[data-derivation="gap_pv"] table');
        await page.waitForTimeout(300); // the folds' contents render
        const explorer = await scan(page);
        assertEveryControlNamed(explorer, `full app (${theme})`);
        assertNoSeriousViolations(explorer, `full app (${theme})`);
        // The Embed dialog on its own: modal, it makes the page behind it
        // inert, and axe skips what is inert.
        await page.locator('.export').getByRole('button', { name: 'Embed', exact: true }).click();
        await page.waitForSelector('dialog[open] #embed-snippet');
        assertNoSeriousViolations(await scan(page), `Embed dialog (${theme})`);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('dialog[open]'));
      });

      // (Theme-independent: checked once.)
      if (theme === 'light') test("each chart is an image named by its text alternative and what its numbers say; its table's caption says the same", async () => {
        // Once the scenarios are in, the fan and the sensitivity chart say what they found.
        await waitForMonteCarlo(page);
        const pending = localeTexts('en', 'chart').desc_pending;
        await page.waitForFunction((text) => [...document.querySelectorAll('[data-chart]')].every((el) => !el.getAttribute('aria-label').includes(text)), pending);
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('[data-chart]')].map((el) => ({
            name: el.dataset.chart,
            role: el.getAttribute('role'),
            label: el.getAttribute('aria-label'),
            caption: el.closest('.chart-card').querySelector('.chart-table caption')?.textContent,
          })),
        );
        assert.deepEqual(charts.map((chart) => chart.name), CHARTS);
        for (const chart of charts) {
          assert.equal(chart.role, 'img', `${chart.name}: role=img`);
          const alternative = CHART_TEXTS[`chart_${chart.name}`];
          assert.ok(chart.label.startsWith(alternative), `${chart.name}: aria-label starts with its text alternative from locales/en.toml: ${chart.label}`);
          assert.equal(chart.caption, chart.label, `${chart.name}: the data table's caption is the description`);
          if (chart.name !== 'drawdowns') assert.ok(chart.label.length > alternative.length + 20, `${chart.name}: says what its numbers say: ${chart.label}`);
        }
        // The gap chart's description carries the readouts as the page writes them.
        const gap = charts.find((chart) => chart.name === 'gap').label;
        for (const name of ['required_revenue', 'actual_revenue', 'gap']) {
          const shown = (await page.textContent(`[data-metric="${name}"]`)).trim();
          assert.ok(gap.includes(shown), `gap chart description names ${name} ${shown}: ${gap}`);
        }
      });

      test('axe: the Sources view', async () => {
        await page.locator('.site-header').getByRole('button', { name: 'Sources' }).click();
        await page.waitForSelector('.sources .figure');
        const sources = await scan(page);
        assertNoSeriousViolations(sources, `Sources view (${theme})`);
        assert.deepEqual(errors, []);
      });
    });

    test('the embed view with controls', async () => {
      const { context, page, errors } = await openForAxe(`?embed=1&controls=1&chart=tornado&theme=${theme}`);
      await waitForChart(page, 'tornado');
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      await page.click('[data-how="npv"]');
      await page.waitForSelector('[data-derivation="npv"]');
      await page.waitForTimeout(300);
      const results = await scan(page);
      assertNoSeriousViolations(results, `embed view (${theme})`);
      assertEveryControlNamed(results, `embed view (${theme})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

test('Tab reaches the first slider, with a visible focus ring; ArrowRight moves it, the numbers and the URL', async () => {
  // A normal context: the CSP stays in force here.
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const errors = watchErrors(page);
  await page.goto(`${served.url}?method=sequoia`);
  await waitForChart(page, 'gap');
  const first = await page.evaluate(() => {
    const slider = document.querySelector('input[type=range]');
    return { id: slider.id, value: Number(slider.value), step: Number(slider.step), max: Number(slider.max) };
  });
  assert.ok(first.value + first.step <= first.max, 'the slider can move right');

  let reached = null;
  for (let presses = 1; presses <= 40 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ id: document.activeElement.id, type: document.activeElement.type }));
    if (focused.type === 'range') reached = { ...focused, presses };
  }
  assert.ok(reached, 'Tab reaches a slider within 40 presses');
  assert.equal(reached.id, first.id, 'the first slider Tab reaches is the first one on the page');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.ok(ring.style !== 'none' && ring.width >= 2, `the focused slider shows a focus ring: ${JSON.stringify(ring)}`);

  const name = first.id.replace(/^input-/, '');
  const gapBefore = await metric(page, 'gap');
  await page.keyboard.press('ArrowRight');
  const expected = String(first.value + first.step);
  await page.waitForFunction(([param, value]) => new URLSearchParams(location.search).get(param) === value, [name, expected], { timeout: 5000 });
  assert.equal(await page.inputValue(`#${first.id}`), expected, 'the slider moved one step');
  assert.equal(await page.locator(`[data-input="${name}"] .number-box`).inputValue(), expected, 'the number box follows');
  assert.notEqual(await metric(page, 'gap'), gapBefore, 'the gap was recomputed');
  assert.deepEqual(errors, []);
  await page.close();
});
