// Facts look different from guesses: every input's control group
// (`data-input`) holds exactly one provenance mark (`data-provenance`), whose
// kind is its spec's (fact, public, assumption: gap-model's InputSpec, read
// through gen/charts.json) and whose label is the page language's word for
// it. Moving an input flips its mark to "yours" and offers the default back;
// taking the offer restores the value, the mark and the URL. Every row of the
// Sources view is marked as a fact.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { liveSite, metric, screenshotPath, waitForChart, watchErrors } from './harness.mjs';
import { INPUTS, LANGUAGES, localeTexts } from '../../scripts/app-facts.mjs';

const LABEL_KEY = { fact: 'mark_fact', public: 'mark_public', assumption: 'mark_assumption', yours: 'mark_yours' };

const live = liveSite();

/** Every control group with the marks inside it. */
function readGroups(page) {
  return page.$$eval('[data-input]', (groups) =>
    groups.map((group) => ({
      name: group.dataset.input,
      marks: [...group.querySelectorAll('[data-provenance]')].map((mark) => ({
        kind: mark.dataset.provenance,
        label: mark.textContent.trim(),
        shape: (({ borderRadius, clipPath, transform }) => `${borderRadius} ${clipPath} ${transform}`)(getComputedStyle(mark.querySelector('.mark-shape'))),
      })),
    })),
  );
}

describe('provenance marks', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: every input has exactly one mark, of its spec's kind`, async () => {
      const ui = localeTexts(lang, 'ui');
      const page = await live.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${live.url}?lang=${lang}`);
      await waitForChart(page, 'gap');
      const groups = await readGroups(page);
      assert.deepEqual(groups.map((g) => g.name).sort(), INPUTS.map((i) => i.name).sort(), 'one control group per input');
      for (const input of INPUTS) {
        const group = groups.find((g) => g.name === input.name);
        assert.equal(group.marks.length, 1, `${input.name}: ${JSON.stringify(group.marks)}`);
        assert.equal(group.marks[0].kind, input.provenance, input.name);
        assert.equal(group.marks[0].label, ui[LABEL_KEY[input.provenance]], input.name);
      }
      // Shape tells the kinds apart without colour: circle, square, triangle.
      const shapes = new Map(groups.flatMap((g) => g.marks).map((m) => [m.kind, m.shape]));
      assert.equal(shapes.size, 3, [...shapes.keys()].join());
      assert.equal(new Set(shapes.values()).size, 3, `three different shapes: ${[...shapes.values()].join(' | ')}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('moving an input makes it "yours"; the offered default restores value, mark and URL', async () => {
    const ui = localeTexts('en', 'ui');
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    // `required` is the article's figure, which the `direct` method reads.
    await page.goto(`${live.url}?method=direct`);
    await waitForChart(page, 'gap');
    const required = INPUTS.find((i) => i.name === 'required');
    const group = page.locator('[data-input="required"]');
    const gapBefore = await metric(page, 'gap');

    await group.locator('input[type="text"]').fill('3000');
    await group.locator('input[type="text"]').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-input="required"] [data-provenance]').dataset.provenance === 'yours');
    assert.equal((await group.locator('[data-provenance]').textContent()).trim(), ui.mark_yours);
    assert.ok((await group.locator('.mark-default').textContent()).includes(ui.mark_fact), 'says what the default was');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('required') === '3000');
    assert.notEqual(await metric(page, 'gap'), gapBefore);
    // The reader's value has a shape of its own (a diamond).
    const yoursShape = (await readGroups(page)).find((g) => g.name === 'required').marks[0].shape;
    const factShape = (await readGroups(page)).find((g) => g.name === 'capex').marks[0].shape;
    assert.notEqual(yoursShape, factShape);
    // Every other input keeps its own kind.
    for (const other of await readGroups(page)) {
      if (other.name !== 'required') assert.notEqual(other.marks[0].kind, 'yours', other.name);
    }

    const restore = group.locator('button.restore');
    assert.equal((await restore.textContent()).trim(), ui.restore_default.replace('{value}', '2,000 $B/yr'));
    await restore.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-input="required"] [data-provenance]').dataset.provenance === 'fact');
    assert.equal(Number(await group.locator('input[type="range"]').inputValue()), required.default);
    assert.equal(await group.locator('button.restore').count(), 0, 'nothing to restore');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('required'));
    assert.equal(await metric(page, 'gap'), gapBefore);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('where the articles disagree, the source fold sets the quotes side by side and says what the default follows', async () => {
    const ui = localeTexts('en', 'ui');
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(live.url);
    await waitForChart(page, 'gap');
    await page.evaluate(() => document.querySelectorAll('details.advanced, .source-badge').forEach((fold) => (fold.open = true)));
    // The quotes arrive with the figures' texts, fetched once a fold opens.
    await page.waitForFunction(() => document.querySelectorAll('.source-badge blockquote').length > 0 && !document.querySelector('.source-badge [data-texts-pending]'));
    const contested = INPUTS.filter((input) => input.contested_by.length > 0);
    assert.deepEqual(contested.map((input) => input.name).sort(), ['energy', 'growth']);
    for (const input of contested) {
      const fold = await page.$eval(`[data-input="${input.name}"] .source-badge`, (details) => ({
        sides: [...details.querySelectorAll('[data-conflict]')].map((side) => ({ id: side.dataset.conflict, quote: side.querySelector('blockquote').textContent })),
        defaultIs: details.querySelector('.default-is')?.textContent ?? '',
      }));
      assert.deepEqual(fold.sides.map((side) => side.id), input.contested_by, input.name);
      for (const side of fold.sides) assert.ok(side.quote.length > 20, `${input.name} ${side.id}: the quote`);
      assert.ok(fold.defaultIs.startsWith(ui.default_is), `${input.name}: says what the default follows: ${fold.defaultIs}`);
      for (const id of input.contested_by) assert.ok(fold.defaultIs.includes(id), `${input.name}: the argument names ${id}`);
    }
    // A default quoted from an article shows the figures that contradict it beside its own quote.
    const required = await page.$eval('[data-input="required"] .source-badge', (details) => [...details.querySelectorAll('blockquote')].length);
    assert.ok(required >= 2, 'the ~$2T quote and the one that contradicts it');
    await page.locator('[data-input="energy"]').screenshot({ path: screenshotPath('provenance-energy-conflict') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the quotes are not in the first view: nothing fetches them until a reader opens a source; offline they come from the service worker", async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(live.url);
    await waitForChart(page, 'gap');
    assert.ok(!fetched.some((path) => path.endsWith('/figure-texts.json')), `no texts fetched at start: ${fetched.join(' ')}`);
    assert.equal(await page.locator('[data-input="revenue"] .source-badge blockquote').count(), 0);
    await page.locator('[data-input="revenue"] .source-badge summary').click();
    await page.waitForSelector('[data-input="revenue"] .source-badge blockquote');
    assert.ok(fetched.some((path) => path.endsWith('/figure-texts.json')), 'fetched when the fold opened');
    const quote = await page.textContent('[data-input="revenue"] .source-badge blockquote');
    assert.match(quote, /Actual AI-Specific Revenue/);
    assert.equal(await page.getAttribute('[data-input="revenue"] .mark-source', 'title'), quote, "the outlet's tooltip is the quote");

    // Offline, a new page gets the texts from the service worker's precache.
    const installed = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15000))]),
    );
    assert.ok(installed, 'the app installed its service worker');
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(live.url);
    await waitForChart(offline, 'gap');
    await offline.click('.header-actions button[aria-pressed]');
    await offline.waitForSelector('[data-figure] blockquote');
    assert.equal(await offline.locator('[data-texts-pending]').count(), 0, 'every quote is there offline');
    await context.setOffline(false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a link with a changed input opens with that input marked "yours"', async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${live.url}?v=3&lang=de&rate=12`);
    await waitForChart(page, 'gap');
    const groups = await readGroups(page);
    for (const group of groups) {
      const expected = group.name === 'rate' ? 'yours' : INPUTS.find((i) => i.name === group.name).provenance;
      assert.equal(group.marks[0].kind, expected, group.name);
    }
    assert.equal(
      (await page.locator('[data-input="rate"] button.restore').textContent()).trim(),
      localeTexts('de', 'ui').restore_default.replace('{value}', '10 %'),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the Sources filter ignores case, also in the quotes' umlauts", async () => {
    const page = await live.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(live.url);
    await waitForChart(page, 'gap');
    await page.click('.header-actions button[aria-pressed]');
    await page.waitForSelector('[data-figure]');
    const shown = async (needle) => {
      await page.fill('#figure-filter', needle);
      // The quotes arrive with the texts file: wait until the count settles on rows.
      await page.waitForFunction(() => document.querySelectorAll('[data-figure]').length === Number(document.querySelector('[data-metric="figures_shown"]').dataset.value));
      return Number(await page.getAttribute('[data-metric="figures_shown"]', 'data-value'));
    };
    await page.fill('#figure-filter', 'gegenüber');
    await page.waitForFunction(() => Number(document.querySelector('[data-metric="figures_shown"]').dataset.value) > 0);
    const lower = await shown('gegenüber');
    assert.ok(lower >= 3, `${lower} figures quote "gegenüber"`);
    assert.equal(await shown('GEGENÜBER'), lower);
    assert.equal(await shown('NVIDIA'), await shown('nvidia'));
    assert.ok((await shown('nvidia')) > 3);
    assert.equal(await shown('zzzqqq'), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('every row of the Sources view is marked as a fact; the marks read at 390 px, light and dark', async () => {
    const page = await live.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const errors = watchErrors(page);
    await page.goto(live.url);
    await waitForChart(page, 'gap');
    await page.click('.header-actions button[aria-pressed]');
    await page.waitForSelector('[data-figure]');
    const rows = await page.$$eval('[data-figure]', (figures) => figures.map((f) => [...f.querySelectorAll('[data-provenance]')].map((m) => m.dataset.provenance)));
    assert.ok(rows.length > 100, `${rows.length} rows`);
    for (const marks of rows) assert.deepEqual(marks, ['fact']);

    await page.goto(`${live.url}?v=3&required=2500&theme=dark`);
    await waitForChart(page, 'gap');
    await page.locator('[data-input="required"]').scrollIntoViewIfNeeded();
    await page.locator('[data-input="required"]').screenshot({ path: screenshotPath('provenance-390-dark') });
    await page.goto(`${live.url}?v=3&rate=12`);
    await waitForChart(page, 'gap');
    const top = await page.locator('.assumptions').boundingBox();
    await page.screenshot({ path: screenshotPath('provenance-390-light'), fullPage: true, clip: { x: top.x, y: top.y, width: top.width, height: Math.min(top.height, 1400) } });
    await page.locator('[data-input="rate"]').screenshot({ path: screenshotPath('provenance-390-rate') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
