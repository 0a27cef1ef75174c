// Share and export: each download button gives a file whose contents match
// what the page shows (the yearly CSV and the JSON against the data-metric
// readouts and the URL state, the dataset CSV against seeds/figures.toml),
// chart pictures are real PNG and SVG of the chosen chart, and "Copy link"
// puts the current state's URL on the clipboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricValues, servedSnapshot, waitForChart, watchErrors } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUERY = 'v=4&capex=650&rate=7&growth=30&end=2040';
const YEARLY_HEADER = [
  'year',
  'capex_busd',
  'capital_charge_busd',
  'energy_busd',
  'required_revenue_busd',
  'actual_revenue_busd',
  'gap_busd',
  'discounted_gap_busd',
  'cumulative_gap_busd',
  'cumulative_discounted_gap_busd',
  'owners_cash_flow_busd',
];
const DATASET_HEADER = [
  'id',
  'metric',
  'entity',
  'value',
  'low',
  'high',
  'qualifier',
  'unit',
  'period',
  'date',
  'source',
  'attributed_to',
  'quote',
  'gloss',
  'conflicts_with',
  'caveat',
];

const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

/** RFC 4180: comma-separated, CRLF (or LF) rows, fields optionally in double quotes with "" for a quote. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        assert.ok([',', '\r', '\n', undefined].includes(text[i + 1]), `a closing quote ends its field (offset ${i})`);
      } else {
        field += c;
      }
    } else if (c === '"') {
      assert.equal(field, '', `a quote only opens a field (offset ${i})`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r') assert.equal(text[i + 1], '\n', `CR only as part of CRLF (offset ${i})`);
      if (c === '\r') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  assert.ok(!quoted, 'no unterminated quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** id → quote of every [[figure]] in seeds/figures.toml (basic strings only, as the file uses). */
function seedFigures() {
  const toml = readFileSync(join(ROOT, 'seeds', 'figures.toml'), 'utf8');
  const blocks = toml.split(/^\[\[figure\]\]\s*$/m).slice(1);
  assert.equal(blocks.length, (toml.match(/^\[\[figure\]\]/gm) ?? []).length);
  return blocks.map((block) => {
    const string = (key) => {
      const match = new RegExp(`^${key} = ("(?:[^"\\\\]|\\\\.)*")\\s*$`, 'm').exec(block);
      return match ? JSON.parse(match[1]) : undefined;
    };
    return { id: string('id'), quote: string('quote') };
  });
}

const served = servedSnapshot();
let context;
let page;
let errors;
let shown;
before(async () => {
  await served.ready;
  context = await served.browser.newContext({
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1360, height: 900 },
    locale: 'en-US',
  });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`${served.url}?${QUERY}`);
  await waitForChart(page, 'gap');
  await waitForChart(page, 'methods');
  shown = await metricValues(page);
});
after(async () => {
  await context?.close();
});

/** Clicks `[data-export=kind]` and returns the download's file name and bytes. */
async function download(kind) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`[data-export="${kind}"]`)]);
  assert.equal(await file.failure(), null, `the ${kind} download completed`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('downloads', () => {
  test('the yearly CSV: first row equals the readouts, the last row sums to the present value', async () => {
    const { name, bytes } = await download('csv');
    assert.equal(name, 'ai-gap-yearly.csv');
    // A commented header says what the numbers are and where they come from.
    const lines = bytes.toString('utf8').split('\n');
    const notes = Object.fromEntries(
      lines.filter((line) => line.startsWith('# ')).map((line) => {
        const [, key, value] = /^# ([a-z]+): (.*)$/.exec(line);
        return [key, value];
      }),
    );
    assert.deepEqual(Object.keys(notes), ['title', 'permalink', 'model', 'dataset', 'licence', 'citation']);
    const permalink = new URL(notes.permalink);
    assert.equal(permalink.search, `?${await page.evaluate(() => location.search.slice(1))}`.replace(/[?&]embed=1|[?&]chart=[^&]*/g, ''), 'the permalink is the page state');
    assert.match(notes.model, /^v4 \(docs\/MODEL\.md\), method \w+$/);
    assert.equal(notes.dataset, (await page.innerText('.site-footer code')).trim());
    assert.ok(notes.citation.includes(notes.permalink) && notes.citation.includes(notes.dataset), notes.citation);
    const rows = parseCsv(lines.filter((line) => !line.startsWith('#')).join('\n'));
    assert.deepEqual(rows[0], YEARLY_HEADER);
    const data = rows.slice(1).map((row) => {
      assert.equal(row.length, YEARLY_HEADER.length, `a full row: ${row}`);
      return Object.fromEntries(YEARLY_HEADER.map((column, i) => [column, Number(row[i])]));
    });
    assert.deepEqual(
      data.map((row) => row.year),
      Array.from({ length: 15 }, (_, i) => 2026 + i),
      'one row per year, 2026 to end=2040',
    );
    const [first] = data;
    close(first.required_revenue_busd, Number(shown.required_revenue), 'first required = data-metric required_revenue');
    close(first.actual_revenue_busd, Number(shown.actual_revenue), 'first actual = data-metric actual_revenue');
    close(first.gap_busd, Number(shown.gap), 'first gap = data-metric gap');
    close(data.at(-1).cumulative_discounted_gap_busd, Number(shown.gap_pv), 'last cumulative_discounted_gap = data-metric gap_pv');
    for (const row of data) close(row.gap_busd, row.required_revenue_busd - row.actual_revenue_busd, `${row.year}: gap = required - actual`);
  });

  test('the JSON: inputs are the URL state, outputs the readouts, with the dataset version', async () => {
    const { name, bytes } = await download('json');
    assert.equal(name, 'ai-gap-state.json');
    const json = JSON.parse(bytes.toString('utf8'));

    const search = await page.evaluate(() => location.search.slice(1));
    assert.equal(json.query, search, 'the query is the page URL');
    for (const [param, value] of new URLSearchParams(search)) {
      if (param === 'v') assert.equal(json.model_version, Number(value), 'the model version');
      else if (param === 'method') assert.equal(json.inputs.method, value);
      else assert.equal(json.inputs[param], Number(value), `inputs.${param} = URL ${param}=${value}`);
    }
    // Inputs not in the URL are the values the controls show.
    assert.equal(json.inputs.method, await page.inputValue('#input-method'));
    for (const [input, value] of Object.entries(json.inputs)) {
      if (input === 'method') continue;
      const control = page.locator(`#input-${input}`);
      assert.equal(await control.count(), 1, `a control for ${input}`);
      close(value, Number(await control.inputValue()), `inputs.${input} = the ${input} control`);
    }

    for (const metric of ['required_revenue', 'actual_revenue', 'gap', 'gap_pv', 'npv']) {
      close(json.outputs[metric], Number(shown[metric]), `outputs.${metric} = data-metric`);
    }
    close(json.outputs.coverage_percent, Number(shown.coverage), 'outputs.coverage_percent');
    // The band and the solver's answer for the last year, as the page shows them.
    if (shown.gap_pv_p5 !== '') close(json.outputs.gap_pv_p5, Number(shown.gap_pv_p5), 'outputs.gap_pv_p5');
    if (shown.gap_pv_p95 !== '') close(json.outputs.gap_pv_p95, Number(shown.gap_pv_p95), 'outputs.gap_pv_p95');
    assert.equal(json.outputs.growth_needed.from_year, 2040);
    if (shown.growth_needed === '') assert.equal(json.outputs.growth_needed.percent_per_year, null, 'no growth, as the solver says');
    else close(json.outputs.growth_needed.percent_per_year, Number(shown.growth_needed), 'outputs.growth_needed = the solver');
    assert.equal(json.outputs.irr_percent === null ? '' : String(Math.round(json.outputs.irr_percent * 1e6) / 1e6), shown.irr, 'outputs.irr_percent');
    assert.equal(json.outputs.breakeven_year === null ? '' : String(json.outputs.breakeven_year), shown.breakeven_year, 'outputs.breakeven_year');

    assert.equal(typeof json.dataset_version, 'string');
    assert.ok(json.dataset_version.length > 0, 'a dataset version');
    assert.equal(json.dataset_version, (await page.innerText('.site-footer code')).trim(), 'the version the footer shows');
    assert.equal(json.years.length, 15);
  });

  test('the dataset CSV: RFC 4180, one row per figure of seeds/figures.toml, quotes intact', async () => {
    const { name, bytes } = await download('dataset');
    assert.equal(name, 'ai-gap-figures.csv');
    const text = bytes.toString('utf8');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], DATASET_HEADER);
    const figures = seedFigures();
    assert.ok(figures.length > 100, `${figures.length} figures in seeds/figures.toml`);
    const body = rows.slice(1);
    assert.equal(body.length, figures.length, 'one row per [[figure]]');
    for (const row of body) assert.equal(row.length, DATASET_HEADER.length, `16 fields in ${row[0]}`);
    assert.ok(body.some((row) => row.some((field) => field.includes(','))), 'some fields hold commas (quoted)');
    const byId = new Map(body.map((row) => [row[0], row]));
    assert.equal(byId.size, body.length, 'ids are unique');
    const quote = DATASET_HEADER.indexOf('quote');
    for (const figure of figures) {
      assert.ok(byId.has(figure.id), `figure ${figure.id} is in the CSV`);
      assert.equal(byId.get(figure.id)[quote], figure.quote, `${figure.id}: the quote survives the round trip`);
    }
  });

  test('chart pictures: PNG and SVG of the chosen chart', async () => {
    await page.selectOption('#export-chart', 'methods');
    const png = await download('png');
    assert.equal(png.name, 'ai-gap-methods.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    assert.equal(png.bytes.subarray(12, 16).toString('latin1'), 'IHDR');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    const box = await page.locator('[data-chart="methods"]').boundingBox();
    assert.ok(Math.abs(width - 2 * box.width) <= 2, `the chart at pixel ratio 2: ${width} px wide for ${box.width}`);
    // Below the chart a footer of whole 16 px lines with 10 px margins.
    const footerHeight = height / 2 - box.height;
    assert.ok(footerHeight >= 20 + 2 * 16 - 1 && (footerHeight - 20) % 16 <= 1, `a footer ${footerHeight} px tall`);

    const svg = await download('svg');
    assert.equal(svg.name, 'ai-gap-methods.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg[\s>]/, 'starts with <svg');
    assert.match(text, /<\/svg>\s*$/, 'ends with </svg>');
    assert.ok(text.includes('Required revenue in the first year, by method'), "the methods chart's title is in the SVG");
    // The footer's text nodes: the assumptions and the permalink, whole once joined.
    const decode = (t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    const footer = [...text.matchAll(/<g class="export-footer">(.*?)<\/g>/gs)].at(-1)?.[1] ?? '';
    const lines = [...footer.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
    assert.ok(lines.length >= 2, `footer lines: ${lines}`);
    const joined = lines.join(' ');
    const link = await page.evaluate(() => location.href);
    assert.ok(lines.join('').includes(link), `the permalink ${link} in: ${lines}`);
    for (const id of ['capex', 'revenue', 'growth', 'rate', 'cost_cut']) {
      const value = Number(await page.inputValue(`#input-${id}`));
      assert.ok(joined.includes(new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)), `${id} = ${value} in: ${joined}`);
    }
    assert.ok(joined.includes('Capital recovery') || joined.includes('Method:'), joined);
    assert.equal(await page.locator('body > div[style*="-10000px"]').count(), 0, 'the scratch chart for the SVG is gone');
    assert.deepEqual(errors, []);
  });
});

test('"Copy link" puts the URL of the current state on the clipboard', async () => {
  await page.locator('#input-rate').fill('12');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('rate') === '12');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => document.querySelector('.export [role="status"]').textContent.trim() !== '');
  assert.equal((await page.innerText('.export [role="status"]')).trim(), 'Link copied.');
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(`${copied.origin}${copied.pathname}`, served.url);
  const current = new URLSearchParams(await page.evaluate(() => location.search));
  assert.deepEqual(Object.fromEntries(copied.searchParams), Object.fromEntries(current), `the copied link has the current state: ${copied}`);
  assert.equal(copied.searchParams.get('rate'), '12');
  assert.equal(copied.searchParams.get('method'), null, 'capital recovery, the default, is not written');
  assert.equal(copied.searchParams.get('v'), '4');
  assert.deepEqual(errors, []);
});

test('"Share" hands the link, the headline and the chart\'s PNG to the share sheet; without one it copies the link', async () => {
  const sharing = await served.browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
  // Chromium on Linux has no share sheet: a stand-in records what it is given.
  await sharing.addInitScript(() => {
    window.__shared = [];
    navigator.share = async (data) => {
      window.__shared.push({
        title: data.title,
        text: data.text,
        url: data.url,
        files: (data.files ?? []).map((file) => ({ name: file.name, type: file.type, size: file.size })),
      });
    };
    navigator.canShare = (data) => (data.files ?? []).every((file) => file.type === 'image/png');
  });
  const sheet = await sharing.newPage();
  const sheetErrors = watchErrors(sheet);
  await sheet.goto(`${served.url}?v=3&growth=55`);
  await waitForChart(sheet, 'gap');
  await sheet.click('[data-action="share"]');
  await sheet.waitForFunction(() => window.__shared.length === 1);
  const [shared] = await sheet.evaluate(() => window.__shared);
  assert.equal(shared.url, await sheet.evaluate(() => location.href));
  assert.equal(shared.title, 'AI Gap Explorer');
  assert.equal(shared.text, (await sheet.textContent('.headline')).trim());
  assert.equal(shared.files.length, 1, 'the chart picture goes along');
  assert.equal(shared.files[0].name, 'ai-gap-gap.png');
  assert.equal(shared.files[0].type, 'image/png');
  assert.ok(shared.files[0].size > 10_000, `a real picture: ${shared.files[0].size} bytes`);
  assert.deepEqual(sheetErrors, []);
  await sharing.close();

  // Without a share sheet (this browser): the link goes to the clipboard.
  await page.click('[data-action="share"]');
  await page.waitForFunction(() => document.querySelector('.export [role="status"]').textContent.trim() === 'Link copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href));
  assert.deepEqual(errors, []);
});
