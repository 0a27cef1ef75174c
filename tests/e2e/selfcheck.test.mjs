// The model checks itself: at start-up the page runs the published cases
// (gap_model::published_cases, the list the native tests run) and shows a
// chip "Model check: N of N published results reproduced" that opens, by
// mouse or keyboard, to the list. In the fault-injection build, ?fail=selfcheck
// makes one case expect a wrong number: the chip turns red, says how many
// failed and names the case, in every language; the page keeps working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startSite, waitForChart, watchErrors, DIST } from './harness.mjs';
import { LANGUAGES, localeTexts } from '../../scripts/app-facts.mjs';

const FAULTS = join(DIST, '..', 'target', 'dist-faults');
const fill = (template, values) => Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, value), template);
const squash = (text) => text.replace(/\s+/g, ' ').trim();

let release;
let faults;
let browser;
before(async () => {
  release = await startSite();
  if (existsSync(join(FAULTS, 'index.html'))) faults = await startSite({ root: FAULTS });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await release?.close();
  await faults?.close();
});

/** The chip's attributes, its summary text and its cases. */
function readChip(page) {
  return page.$eval('[data-selfcheck]', (chip) => ({
    passed: Number(chip.dataset.passed),
    total: Number(chip.dataset.total),
    failedClass: chip.classList.contains('failed'),
    open: chip.open,
    summary: chip.querySelector('summary').textContent,
    cases: [...chip.querySelectorAll('li')].map((li) => ({ id: li.dataset.case, passed: li.dataset.passed, text: li.textContent })),
  }));
}

describe('model check', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: every published result is reproduced, and the chip says so`, async () => {
      const ui = localeTexts(lang, 'ui');
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${release.url}?lang=${lang}`);
      await page.waitForSelector('[data-selfcheck]');
      const chip = await readChip(page);
      assert.ok(chip.total >= 7, `${chip.total} cases`);
      assert.equal(chip.passed, chip.total);
      assert.equal(chip.failedClass, false);
      assert.equal(squash(chip.summary), squash(`✓ ${fill(ui.selfcheck_passed, { passed: chip.total, total: chip.total })}`));
      assert.equal(chip.cases.length, chip.total);
      for (const item of chip.cases) {
        assert.equal(item.passed, 'true', item.id);
        assert.ok(item.text.includes(ui[`case_${item.id}`]), `${item.id} is named: ${item.text}`);
        assert.ok(item.text.includes(ui.selfcheck_reproduced), item.text);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('the keyboard opens and closes the list', async () => {
    const page = await browser.newPage();
    await page.goto(`${release.url}?v=3`);
    await page.waitForSelector('[data-selfcheck]');
    await page.focus('[data-selfcheck] summary');
    await page.keyboard.press('Enter');
    assert.equal((await readChip(page)).open, true);
    assert.ok(await page.isVisible('[data-selfcheck] li'));
    await page.keyboard.press('Enter');
    assert.equal((await readChip(page)).open, false);
    await page.close();
  });

  test('the embed view carries the chip too', async () => {
    const page = await browser.newPage();
    await page.goto(`${release.url}?v=3&embed=1&chart=fan`);
    await page.waitForSelector('.embed [data-selfcheck]');
    const chip = await readChip(page);
    assert.equal(chip.passed, chip.total);
    await page.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: a broken case turns the chip red and names it (fault-injection build)`, { skip: !existsSync(join(FAULTS, 'index.html')) && 'no target/dist-faults (scripts/test.sh builds it)' }, async () => {
      const ui = localeTexts(lang, 'ui');
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${faults.url}?v=3&lang=${lang}&fail=selfcheck`);
      await waitForChart(page, 'gap');
      const chip = await readChip(page);
      assert.equal(chip.passed, chip.total - 1);
      assert.equal(chip.failedClass, true);
      const name = ui.case_sequoia_2023;
      assert.equal(
        squash(chip.summary),
        squash(`✗ ${fill(ui.selfcheck_failed, { failed: 1, total: chip.total, cases: name })}`),
      );
      const broken = chip.cases.find((item) => item.id === 'sequoia_2023');
      assert.equal(broken.passed, 'false');
      assert.ok(broken.text.includes(ui.selfcheck_not_reproduced), broken.text);
      const color = await page.$eval('[data-selfcheck] summary', (el) => getComputedStyle(el).color);
      const accent = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--accent)';
        document.body.append(probe);
        const value = getComputedStyle(probe).color;
        probe.remove();
        return value;
      });
      assert.equal(color, accent, 'the failed chip is red');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
