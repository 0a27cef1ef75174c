// A seeded monkey: thousands of random real interactions with every control
// the page has (slider drags and keys, typed junk, presets, method, language,
// theme, views, the filter, dialogs, exports, the solver, resets, folds,
// Monte Carlo settings, notices, window sizes), checking after every step
// that no error was thrown or logged and no text on screen reads NaN,
// undefined, null, Infinity or "{", and every 100 steps that a reload of the
// URL the page wrote shows the same readouts (the state is in the URL).
//
// A failure names the seed and writes the steps to
// tests/e2e/artifacts/monkey-steps.json; MONKEY_SEED and MONKEY_STEPS replay
// or shorten a run (`MONKEY_SEED=… node --test tests/e2e/monkey.test.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACTS, metricValues, prng, servedSnapshot, waitForChart, waitForMonteCarlo, watchErrors } from './harness.mjs';

const SEED = Number(process.env.MONKEY_SEED ?? 0x6d6f6e6b);
const STEPS = Number(process.env.MONKEY_STEPS ?? 2000);
const RELOAD_EVERY = 100;
const BAD_TEXT = /\bNaN\b|undefined|\bnull\b|Infinity|\{/;
const TYPED = [
  '', ' ', '1e999', '-1e999', '-0', '0', '٣', '١٢٣', '１２', 'NaN', 'Infinity', '-inf', 'abc', '1,5', '2.5', '12.75',
  '99999999', '-99999', '0x10', '1_000', '½', '<script>alert(1)</script>', '{{7*7}}', 'null', 'undefined',
  'Lorem ipsum dolor sit amet, pasted from somewhere else', '2030', '2100', '2019', '5', '50', '500',
];
const FILTERS = ['', 'openai', 'Nvidia', 'Bain', 'ü', 'null', '{', '%', 'zzzzzz', '2026'];
const VIEWPORTS = [
  { width: 1360, height: 900 },
  { width: 390, height: 844 },
  { width: 800, height: 700 },
];


const served = servedSnapshot();

/** One of the visible elements matching `selector` (clicks go only where a
 * reader can click), found in one round trip; null when there is none. */
async function pickVisible(page, rng, selector) {
  const shown = await page.evaluate(
    (sel) =>
      // Behind a modal dialog the page is inert: only the dialog takes clicks.
      [...document.querySelectorAll(sel)]
        .map((el, i, all, modal = document.querySelector('dialog:modal')) =>
          el.checkVisibility() && el.getBoundingClientRect().width > 0 && (!modal || modal.contains(el)) ? i : -1,
        )
        .filter((i) => i >= 0),
    selector,
  );
  return shown.length ? page.locator(selector).nth(shown[rng.below(shown.length)]) : null;
}

const OPTS = { timeout: 3000 };

/** Each action returns a short description of what it did (or null: nothing to do). */
const ACTIONS = [
  [8, 'slider keys', async (page, rng) => {
    const slider = await pickVisible(page, rng, 'input[type=range]');
    if (!slider) return null;
    const name = await slider.getAttribute('name');
    const key = rng.pick(['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);
    const times = 1 + rng.below(4);
    await slider.focus(OPTS);
    for (let i = 0; i < times; i += 1) await slider.press(key, OPTS);
    return `${name} ${key}×${times}`;
  }],
  [8, 'slider drag', async (page, rng) => {
    const slider = await pickVisible(page, rng, 'input[type=range]');
    if (!slider) return null;
    const name = await slider.getAttribute('name');
    const box = await slider.boundingBox();
    if (!box || box.width < 4) return null;
    const y = box.y + box.height / 2;
    const from = box.x + rng.next() * box.width;
    const to = box.x + rng.next() * box.width;
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(to, y, { steps: 2 + rng.below(6) });
    await page.mouse.up();
    return `${name} ${Math.round(from - box.x)}→${Math.round(to - box.x)} px`;
  }],
  [8, 'type', async (page, rng) => {
    const box = await pickVisible(page, rng, 'input.number-box');
    if (!box) return null;
    const text = rng.pick(TYPED);
    const name = (await box.getAttribute('aria-label')) ?? (await box.getAttribute('id'));
    await box.fill(text, OPTS);
    await box.press(rng.pick(['Enter', 'Tab']), OPTS);
    return `${name} ← ${JSON.stringify(text)}`;
  }],
  [4, 'preset', async (page, rng) => {
    const chip = await pickVisible(page, rng, '.presets button');
    if (!chip || (await chip.isDisabled())) return null;
    const name = (await chip.getAttribute('data-preset')) ?? 'own assumptions';
    await chip.click(OPTS);
    return name;
  }],
  [3, 'method', async (page, rng) => {
    const select = await pickVisible(page, rng, '#input-method');
    if (!select) return null;
    const method = rng.pick(['direct', 'sequoia', 'bain', 'dcf']);
    await select.selectOption(method, OPTS);
    return method;
  }],
  [3, 'language', async (page, rng) => {
    const button = await pickVisible(page, rng, '.lang-switch button');
    if (!button) return null;
    const name = (await button.textContent()).trim();
    await button.click(OPTS);
    return name;
  }],
  [2, 'theme', async (page, rng) => {
    const scheme = rng.pick(['light', 'dark']);
    await page.emulateMedia({ colorScheme: scheme });
    return scheme;
  }],
  [3, 'view', async (page, rng) => {
    const button = await pickVisible(page, rng, '.header-actions button.link, .sources .panel-head button');
    if (!button) return null;
    const name = (await button.textContent()).trim();
    await button.click(OPTS);
    return name;
  }],
  [2, 'filter', async (page, rng) => {
    const input = await pickVisible(page, rng, '.sources .filter input');
    if (!input) return null;
    const text = rng.pick(FILTERS);
    await input.fill(text, OPTS);
    return JSON.stringify(text);
  }],
  [4, 'fold', async (page, rng) => {
    const summary = await pickVisible(page, rng, 'summary');
    if (!summary) return null;
    const name = (await summary.textContent()).trim().slice(0, 40);
    await summary.click(OPTS);
    return name;
  }],
  [3, 'reset', async (page, rng) => {
    const button = await pickVisible(page, rng, 'button.reset:not([disabled]), .assumptions .panel-head button');
    if (!button) return null;
    const name = (await button.getAttribute('aria-label')) ?? 'reset all';
    await button.click(OPTS);
    return name;
  }],
  [2, 'reference cut', async (page, rng) => {
    const chip = await pickVisible(page, rng, '.reference-cuts button');
    if (!chip) return null;
    const name = (await chip.textContent()).trim();
    await chip.click(OPTS);
    return name;
  }],
  [3, 'solver', async (page, rng) => {
    const year = await pickVisible(page, rng, '#solver-year');
    if (!year) return null;
    const options = await year.locator('option').allTextContents();
    const chosen = rng.pick(options);
    await year.selectOption(chosen, OPTS);
    const adopt = page.locator('.solver .adopt');
    if (rng.next() < 0.5 && (await adopt.isEnabled())) {
      await adopt.click(OPTS);
      return `${chosen}, adopted`;
    }
    return chosen;
  }],
  [2, 'monte carlo', async (page, rng) => {
    if (rng.next() < 0.5) {
      const draws = await pickVisible(page, rng, '#input-draws');
      if (!draws) return null;
      const value = rng.pick(['1000', '10000', '50000']);
      await draws.selectOption(value, OPTS);
      return `draws ${value}`;
    }
    const seed = await pickVisible(page, rng, '#input-seed');
    if (!seed) return null;
    const text = rng.pick(['1', '2026', '-1', 'abc', '18446744073709551616', '']);
    await seed.fill(text, OPTS);
    await seed.press('Enter', OPTS);
    return `seed ${JSON.stringify(text)}`;
  }],
  [3, 'range', async (page, rng) => {
    const editor = await pickVisible(page, rng, '[data-range]');
    if (!editor) return null;
    const name = await editor.getAttribute('data-range');
    if (!(await editor.evaluate((details) => details.open))) {
      await editor.locator('summary').click(OPTS);
      return `open range ${name}`;
    }
    const roll = rng.next();
    if (roll < 0.5) {
      const end = rng.pick(['low', 'high']);
      const field = editor.locator(`input[data-end="${end}"]`);
      if (await field.isDisabled()) return `range ${name} is off`;
      const text = rng.pick(TYPED);
      await field.fill(text, OPTS);
      await field.press('Tab', OPTS);
      return `range ${name} ${end} ${JSON.stringify(text)}`;
    }
    if (roll < 0.7) {
      const select = editor.locator('select');
      if (await select.isDisabled()) return `range ${name} is off`;
      const shape = rng.pick(['tri', 'uniform', 'pert']);
      await select.selectOption(shape, OPTS);
      return `range ${name} ${shape}`;
    }
    if (roll < 0.9) {
      await editor.locator('input[type="checkbox"]').click(OPTS);
      return `range ${name} on/off`;
    }
    const reset = editor.locator('button');
    if (await reset.isDisabled()) return `range ${name} at its default`;
    await reset.click(OPTS);
    return `range ${name} reset`;
  }],
  [1, 'correlation', async (page, rng) => {
    const box = await pickVisible(page, rng, '[data-input="corr"] .number-box');
    if (!box) return null;
    const text = rng.pick(['0', '0.5', '-1', '1', '0.9', '2', 'abc', '-0', '1,5', '']);
    await box.fill(text, OPTS);
    await box.press('Tab', OPTS);
    return `corr ${JSON.stringify(text)}`;
  }],
  [3, 'export', async (page, rng) => {
    const chart = await pickVisible(page, rng, '#export-chart');
    if (chart && rng.next() < 0.4) {
      const options = await chart.locator('option').evaluateAll((os) => os.map((o) => o.value));
      const value = rng.pick(options);
      await chart.selectOption(value, OPTS);
      return `chart ${value}`;
    }
    const button = await pickVisible(page, rng, '[data-export], [data-action="copy-link"]');
    if (!button) return null;
    const kind = (await button.getAttribute('data-export')) ?? 'copy link';
    if (kind === 'copy link') {
      await button.click(OPTS);
      return kind;
    }
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), button.click(OPTS)]);
    assert.equal(await download.failure(), null, `the ${kind} download completed`);
    return kind;
  }],
  [3, 'embed dialog', async (page, rng) => {
    const open = page.locator('.dialog[open]');
    if (await open.count()) {
      if (rng.next() < 0.5) {
        await open.locator('input[type=checkbox]').click(OPTS);
        return 'toggle controls';
      }
      await (rng.next() < 0.5 ? page.keyboard.press('Escape') : open.locator('button.secondary').click(OPTS));
      return 'close';
    }
    const button = await pickVisible(page, rng, '[data-action="embed"]');
    if (!button) return null;
    await button.click(OPTS);
    return 'open';
  }],
  [1, 'dismiss notice', async (page) => {
    const button = page.locator('.notice button');
    if (!(await button.count())) return null;
    await button.click(OPTS);
    return 'dismissed';
  }],
  [2, 'keyboard', async (page, rng) => {
    const key = rng.pick(['Tab', 'Shift+Tab', 'Escape', 'Enter', 'Space']);
    await page.keyboard.press(key);
    return key;
  }],
  [1, 'resize', async (page, rng) => {
    const size = rng.pick(VIEWPORTS);
    await page.setViewportSize(size);
    return `${size.width}×${size.height}`;
  }],
];
const WEIGHT = ACTIONS.reduce((sum, [weight]) => sum + weight, 0);

function pickAction(rng) {
  let roll = rng.next() * WEIGHT;
  for (const action of ACTIONS) {
    roll -= action[0];
    if (roll < 0) return action;
  }
  return ACTIONS.at(-1);
}

/** Text, attributes and readouts a reader would see as broken. */
function screenProblems(page) {
  return page.evaluate((pattern) => {
    const bad = new RegExp(pattern);
    const problems = [];
    const text = document.body.innerText;
    const match = text.match(bad);
    if (match) {
      const at = match.index;
      problems.push(`text "${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}"`);
    }
    for (const element of document.querySelectorAll('[data-value]')) {
      const raw = element.dataset.value;
      if (raw !== '' && !Number.isFinite(Number(raw))) problems.push(`data-value ${element.dataset.metric}="${raw}"`);
      if (raw === '-0') problems.push(`data-value ${element.dataset.metric}="-0"`);
    }
    for (const element of document.querySelectorAll('[aria-label], [title]')) {
      const label = `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''}`;
      if (bad.test(label)) problems.push(`label "${label.trim().slice(0, 80)}"`);
    }
    return problems;
  }, BAD_TEXT.source);
}

/** Readouts that belong to the URL's state: the growth solver's year is a
 * page setting the URL does not carry, so its readout counts only while the
 * year is at its default. */
async function urlReadouts(page) {
  const values = await metricValues(page);
  // The solver's year is not in the URL; the Monte Carlo's ranges, draws and
  // seed are, so its band must come back too.
  const solverAtDefault = await page.evaluate(() => !document.querySelector('#solver-year') ||
    document.querySelector('#solver-year').value === [...document.querySelectorAll('#solver-year option')].at(-1)?.value);
  if (!solverAtDefault) delete values.growth_needed;
  delete values.figures_shown;
  return values;
}

/** Back to the explorer and the numbers settled: the URL written, the draws done. */
async function settle(page) {
  const back = page.locator('.sources .panel-head button');
  if (await back.count()) await back.click(OPTS);
  const dialog = page.locator('.dialog[open] button.secondary');
  if (await dialog.count()) await dialog.click(OPTS);
  await waitForChart(page, 'gap');
  await page.waitForTimeout(400); // the URL is written at most every 250 ms
  await waitForMonteCarlo(page);
}

test(`${STEPS} random interactions never break the page (seed ${SEED})`, { timeout: 10 * 60_000 }, async (t) => {
  await served.ready;
  const rng = prng(SEED);
  const context = await served.browser.newContext({
    viewport: VIEWPORTS[0],
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
    locale: 'en-US',
  });
  const page = await context.newPage();
  // A step either acts at once or its target moved away: never wait 30 s.
  page.setDefaultTimeout(3000);
  const errors = watchErrors(page);
  const steps = [];
  const started = Date.now();
  let reloads = 0;
  const fail = (message) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/monkey-steps.json`, JSON.stringify({ seed: SEED, steps }, null, 1));
    assert.fail(`${message}\nseed ${SEED} (MONKEY_SEED=${SEED}); last steps:\n${steps.slice(-15).join('\n')}\nall steps: tests/e2e/artifacts/monkey-steps.json`);
  };
  try {
    await page.goto(served.url);
    await waitForChart(page, 'gap');
    for (let step = 1; step <= STEPS; step += 1) {
      const [, name, act] = pickAction(rng);
      let did;
      try {
        did = await act(page, rng);
      } catch (error) {
        // A target that moved between finding and clicking is no failure of the page.
        if (!/Timeout|detached|not visible|outside of the viewport|intercepts pointer/i.test(String(error))) throw error;
        did = `(skipped: ${String(error).split('\n')[0].slice(0, 80)})`;
      }
      steps.push(`${step}. ${name}: ${did ?? '(nothing to do)'}`);
      const problems = await screenProblems(page);
      if (errors.length) fail(`step ${step}: ${errors.join('; ')}`);
      if (problems.length) fail(`step ${step}: ${problems.join('; ')}`);
      if (step % RELOAD_EVERY === 0) {
        await settle(page);
        const search = await page.evaluate(() => location.search);
        const shown = await urlReadouts(page);
        const again = await context.newPage();
        const againErrors = watchErrors(again);
        await again.goto(`${served.url}${search}`);
        await waitForChart(again, 'gap');
        await waitForMonteCarlo(again);
        const reloaded = await urlReadouts(again);
        for (const name of Object.keys(reloaded)) if (!(name in shown)) delete reloaded[name];
        await again.close();
        reloads += 1;
        if (againErrors.length) fail(`reload at step ${step} (${search}): ${againErrors.join('; ')}`);
        try {
          assert.deepEqual(reloaded, shown);
        } catch {
          fail(`step ${step}: reloading ${search} shows ${JSON.stringify(reloaded)}, the page showed ${JSON.stringify(shown)}`);
        }
      }
    }
  } finally {
    await context.close();
  }
  t.diagnostic(`${STEPS} steps and ${reloads} reloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
