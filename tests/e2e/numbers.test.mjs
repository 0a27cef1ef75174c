// One state, one number, one spelling: in every language of locales/, the
// money the readouts show is exactly what the browser's Intl.NumberFormat
// writes for their data-value, and the charts, the headline and the tooltips'
// source (the chart options) write the same numbers the same way: the gap
// chart's bars, the PV chart's total, the tornado's base line and the
// methods chart's current method carry the readouts' very text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption, servedSnapshot, waitForChart, watchErrors } from './harness.mjs';
import { LANGUAGES } from '../../scripts/app-facts.mjs';

const served = servedSnapshot();
// Not the defaults, so that nothing rounds to a tidy number by chance.
const STATE = 'v=3&capex=640&revenue=57.4&growth=37&rate=9.5';
const MONEY = ['required_revenue', 'actual_revenue', 'gap', 'gap_pv'];

for (const lang of LANGUAGES) {
  describe(`numbers in ${lang}`, () => {
    let context;
    let page;
    let errors;
    let shown;
    before(async () => {
      await served.ready;
      context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      page = await context.newPage();
      errors = watchErrors(page);
      await page.goto(`${served.url}?${STATE}&lang=${lang}`);
      for (const chart of ['gap', 'pv', 'tornado', 'methods']) await waitForChart(page, chart);
      shown = await page.evaluate(
        ({ names, lang }) => {
          const intl = new Intl.NumberFormat(lang, {
            style: 'currency',
            currency: 'USD',
            notation: 'compact',
            maximumFractionDigits: 1,
            signDisplay: 'negative',
          });
          return Object.fromEntries(
            names.map((name) => {
              const element = document.querySelector(`[data-metric="${name}"]`);
              const billions = Number(element.dataset.value);
              // To dollars by moving the decimal point (a float product could break a tie).
              const dollars = Number(`${element.dataset.value}e9`);
              return [name, { text: element.textContent, intl: intl.format(dollars), billions }];
            }),
          );
        },
        { names: MONEY, lang },
      );
    });
    after(() => context?.close());

    test('the readouts write money as Intl does', () => {
      for (const name of MONEY) {
        assert.ok(Number.isFinite(shown[name].billions), `${name} has a value`);
        assert.equal(shown[name].text, shown[name].intl, `${name}: readout vs Intl for ${shown[name].billions}`);
      }
    });

    test('the gap chart labels its bars with the readouts', async () => {
      const labels = (await chartOption(page, 'gap')).xAxis[0].data.map((label) => label.replace(/\n/g, ' '));
      assert.equal(labels.length, 3, labels.join(' | '));
      assert.ok(labels[0].endsWith(` ${shown.required_revenue.text}`), `${labels[0]} vs ${shown.required_revenue.text}`);
      assert.ok(labels[1].includes(shown.actual_revenue.text), `${labels[1]} vs ${shown.actual_revenue.text}`);
      assert.ok(labels[2].endsWith(` ${shown.gap.text}`), `${labels[2]} vs ${shown.gap.text}`);
    });

    test('the PV chart and the tornado state the readout PV', async () => {
      const pv = await chartOption(page, 'pv');
      const total = pv.series.flatMap((series) => series.markLine?.data ?? []).map((mark) => mark.label?.formatter ?? '');
      assert.ok(total.some((text) => text.includes(shown.gap_pv.text)), `${total.join(' | ')} vs ${shown.gap_pv.text}`);
      const tornado = JSON.stringify(await chartOption(page, 'tornado'));
      assert.ok(tornado.includes(JSON.stringify(shown.gap_pv.text).slice(1, -1)), `the tornado's base line says ${shown.gap_pv.text}`);
    });

    test('the methods chart and the headline say the same required revenue', async () => {
      const methods = (await chartOption(page, 'methods')).yAxis[0].data.join(' | ');
      assert.ok(methods.includes(shown.required_revenue.text), `${methods} vs ${shown.required_revenue.text}`);
      const headline = await page.textContent('.headline');
      for (const name of ['required_revenue', 'actual_revenue', 'gap']) {
        assert.ok(headline.includes(shown[name].text), `headline: ${headline} vs ${name} ${shown[name].text}`);
      }
    });

    test('no errors', () => assert.deepEqual(errors, []));
  });
}
