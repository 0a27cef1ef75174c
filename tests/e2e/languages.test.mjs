// German and Dutch pages show no English: every English UI string (the [ui]
// and [chart] sections of locales/en.toml) that
// differs from its German or Dutch counterpart must be absent from the page
// text and from what every chart holds. Also: <html lang>, numbers formatted
// for the locale, the language switcher, and the fallback to the browser's
// language for an unknown `lang`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedSnapshot, waitForChart, watchErrors } from './harness.mjs';
import { CHARTS, localeTexts } from '../../scripts/app-facts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLACEHOLDER = /\{[a-z_]+\}/;


/**
 * English strings that must not appear in `lang`: whole strings of 4+ chars,
 * or, for strings with placeholders, their literal parts longer than 6 chars.
 * A string (or part) equal to the same field's text in `lang` (or contained in it) is not
 * English-only, so it is left out.
 */
function englishOnly(lang) {
  const needles = new Map();
  for (const file of ['ui', 'chart']) {
    const english = localeTexts('en', file);
    const other = localeTexts(lang, file);
    assert.deepEqual(Object.keys(other).sort(), Object.keys(english).sort(), `${file}: EN and ${lang} have the same fields`);
    assert.ok(Object.keys(english).length > 80, `${file}: parsed ${Object.keys(english).length} fields`);
    for (const [field, text] of Object.entries(english)) {
      if (other[field] === text) continue;
      const parts = PLACEHOLDER.test(text)
        ? text.split(new RegExp(PLACEHOLDER, 'g')).map((part) => part.trim()).filter((part) => part.length > 6)
        : [text.trim()].filter((part) => part.length >= 4);
      for (const part of parts) if (!other[field].includes(part)) needles.set(part, field);
    }
  }
  return needles;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Whole-word occurrence: "Method" is not in "Methode", and "Input" is not in
 * the German compound "Input-Token".
 */
const occurs = (needle, haystack) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(needle)}(?![\\p{L}\\p{N}-])`, 'u').test(haystack);
const squash = (text) => text.replace(/\s+/g, ' ');

/**
 * What a reader sees: body.innerText without identifiers (<code>, such as
 * the dataset version) and without text marked as another language (a quote
 * in its original language, the switcher's "EN").
 */
function visibleText(page) {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    let text = document.body.innerText;
    for (const element of document.body.querySelectorAll(`code, [lang]:not([lang="${lang}"])`)) {
      const own = element.innerText;
      if (own) text = text.replace(own, ' ');
    }
    return text;
  });
}

/** The texts every chart holds: titles, legends, axes and series (names, labels, marks, data names). */
function chartTexts(page) {
  return page.evaluate((names) => {
    return names
      .map((name) => {
        const option = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`)).getOption();
        const { title, legend, xAxis, yAxis, series, graphic, dataset } = option;
        return JSON.stringify({ title, legend, xAxis, yAxis, series, graphic, dataset });
      })
      .join('\n');
  }, CHARTS);
}

const served = servedSnapshot();

async function open(query, contextOptions = { locale: 'en-US' }, charts = CHARTS) {
  const context = await served.browser.newContext({ viewport: { width: 1360, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${served.url}${query}`);
  for (const chart of charts) await waitForChart(page, chart);
  return { context, page, errors };
}

const LOCALE = {
  // What Chromium's Intl gives for compact USD: "2 Bio. $", "55 Mrd. $";
  // "US$ 2 bln.", "US$ 55 mld.".
  de: { big: /\b(?:Bio|Mrd)\./, gapShown: /^718,6 Mrd\. \$$/ },
  nl: { big: /\b(?:bln|mld)\./, gapShown: /^US\$ 718,6 mld\.$/ },
};

for (const lang of ['de', 'nl']) {
  describe(`lang=${lang}`, () => {
    const needles = englishOnly(lang);
    const uiTexts = localeTexts(lang, 'ui');
    const chartLocale = localeTexts(lang, 'chart');
    let page;
    let context;
    let errors;
    before(async () => {
      ({ page, context, errors } = await open(`?lang=${lang}`));
      // The Monte Carlo run (250 ms after the last change) retitles the fan chart.
      await page.waitForFunction(() => {
        const fan = window.echarts.getInstanceByDom(document.querySelector('[data-chart="fan"]')).getOption();
        return fan.series.some((series) => series.data.length > 0 && series.data.some((d) => Number.isFinite(Array.isArray(d) ? d[1] : d?.value ?? d)));
      });
    });
    after(() => context?.close());

    test('the English strings to look for were found', () => {
      assert.ok(needles.size > 150, `only ${needles.size} English strings`);
      for (const sample of ['Skip to content', 'Revenue needed', 'Present value of the gap,', 'Chance of break-even']) {
        assert.ok(needles.has(sample), `looks for "${sample}"`);
      }
    });

    test('no English UI string in the page text', async () => {
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const text = squash(await visibleText(page));
      const found = [...needles].filter(([needle]) => occurs(needle, text)).map(([needle, field]) => `${field}: "${needle}"`);
      assert.deepEqual(found, [], `English in the ${lang} page`);
    });

    test('no English UI string in tooltips and accessible names (title, aria-label, placeholder)', async () => {
      const attributes = await page.evaluate(() => {
        const lang = document.documentElement.lang;
        return [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
          .filter((el) => !el.matches('[data-chart]') && !el.closest(`[lang]:not([lang="${lang}"])`))
          .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name)).filter(Boolean));
      });
      assert.ok(attributes.length > 20, `${attributes.length} attributes read`);
      const text = squash(attributes.join('\n'));
      const found = [...needles].filter(([needle]) => occurs(needle, text)).map(([needle, field]) => `${field}: "${needle}"`);
      assert.deepEqual(found, [], `English in the ${lang} page's attributes`);
    });

    test('no English string in any chart (titles, legends, axes, series)', async () => {
      const texts = await chartTexts(page);
      const found = [...needles].filter(([needle]) => occurs(needle, texts)).map(([needle, field]) => `${field}: "${needle}"`);
      assert.deepEqual(found, [], `English in the ${lang} charts`);
    });

    test("each chart's text alternative for screen readers is in the page language (then what its numbers say)", async () => {
      const labels = await page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll('[data-chart]')].map((el) => [el.dataset.chart, el.getAttribute('aria-label')])),
      );
      for (const chart of CHARTS) {
        assert.ok(labels[chart].startsWith(chartLocale[`chart_${chart}`]), `aria-label of ${chart}: ${labels[chart]}`);
      }
    });

    test("the export menu's chart picker names charts in the page language, not by their data-chart ids", async () => {
      const options = await page.$$eval('#export-chart option', (list) => list.map((o) => ({ value: o.value, text: o.textContent.trim() })));
      assert.deepEqual(options.map((o) => o.value), CHARTS);
      const ids = options.filter((o) => o.text === o.value).map((o) => o.text);
      assert.deepEqual(ids, [], 'options that show a bare data-chart id');
    });

    test('numbers are formatted for the locale', async () => {
      // The default state (capital recovery): $774B needed, $55B earned, a $719B gap.
      const headline = squash(await page.innerText('.headline'));
      assert.match(headline, LOCALE[lang].big, `the headline uses ${lang} units: ${headline}`);
      assert.doesNotMatch(headline, /\$\d|\d\.\d/, `no English-style amounts: ${headline}`);
      const gap = squash(await page.innerText('[data-metric="gap"]')).trim();
      assert.match(gap, LOCALE[lang].gapShown, `the gap readout, with a decimal comma: ${gap}`);
      assert.ok(headline.includes(gap), `the headline states the readout's gap ${gap}: ${headline}`);
      assert.deepEqual(errors, []);
    });

    test('axis ticks and bar labels use the locale number format', async () => {
      // ECharts alone writes "2,000" and "0.55" whatever the language.
      const shown = await page.evaluate(() => {
        const option = (name) => window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`)).getOption();
        const tick = option('gap').yAxis[0].axisLabel.formatter(2000);
        const label = option('deepseek').series.find((series) => series.label?.show && typeof series.label.formatter === 'function');
        return { tick, bar: label ? label.label.formatter({ value: 0.55 }) : null };
      });
      assert.deepEqual(shown, { tick: '2.000', bar: '0,55' });
    });
  });
}

describe('switching and falling back', () => {
  test('the language switcher changes the language and writes lang= into the URL', async () => {
    const { context, page, errors } = await open('?capex=600', undefined, ['gap']);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('lang')), null, 'no lang in the URL before a choice');
    const gapTitle = () => page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('[data-chart="gap"]')).getOption().title[0].text);
    const steps = [
      ['de', 'Unter diesen Annahmen', 'Benötigter vs. erzielter Umsatz', 'Quellen'],
      ['nl', 'Bij deze aannames', 'Benodigde vs. behaalde omzet', 'Bronnen'],
      ['en', 'At these assumptions', 'Revenue needed vs. earned', 'Sources'],
    ];
    for (const [lang, headline, title, sourcesButton] of steps) {
      await page.click(`.lang-switch button[lang="${lang}"]`);
      await page.waitForFunction((code) => new URLSearchParams(location.search).get('lang') === code, lang);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute(`.lang-switch button[lang="${lang}"]`, 'aria-pressed'), 'true');
      assert.ok((await page.innerText('.headline')).startsWith(headline), `${lang} headline`);
      await page.waitForFunction((want) => window.echarts.getInstanceByDom(document.querySelector('[data-chart="gap"]')).getOption().title[0].text.startsWith(want), title);
      assert.ok((await gapTitle()).startsWith(title), `${lang} chart title`);
      assert.equal(await page.innerText('.site-header button.link'), sourcesButton);
      assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('capex')), '600', 'the model state stays in the URL');
    }
    // Back in English, the detector used above finds plenty of the English strings.
    const english = squash(await visibleText(page));
    const seen = [...englishOnly('de').keys()].filter((needle) => occurs(needle, english));
    assert.ok(seen.length >= 40, `the English page shows ${seen.length} of the strings the German page must not`);
    for (const chart of CHARTS) await waitForChart(page, chart);
    const charted = await chartTexts(page);
    const inCharts = [...englishOnly('de').keys()].filter((needle) => occurs(needle, charted));
    assert.ok(inCharts.length >= 20, `the English charts hold ${inCharts.length} of the strings the German charts must not`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('?lang=fr falls back to the browser language (nl-NL) and says why', async () => {
    const { context, page, errors } = await open('?lang=fr', { locale: 'nl-NL' }, ['gap']);
    assert.equal(await page.evaluate(() => navigator.language), 'nl-NL', 'the browser speaks Dutch');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.ok((await page.innerText('.headline')).startsWith('Bij deze aannames'), 'the page is in Dutch');
    const notice = await page.innerText('.notice');
    assert.ok(notice.includes('lang') && notice.includes('fr'), `the notice names lang=fr: ${notice}`);
    assert.ok(notice.includes(localeTexts('nl', 'ui').notice_unknown_word), `the notice is in Dutch: ${notice}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
