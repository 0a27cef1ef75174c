// What the scripts and browser tests need to know about the app, read from
// its one source each: the charts from gap-charts' `ChartId` and the inputs
// from gap-model's specs (through
// `gen/charts.json`, written by `cargo run -p gap-charts --example
// chart_list`; scripts/test.sh refreshes it, and it is made again here when
// it is missing or older than charts.rs or a locale file) and the texts from `locales/*.toml`. No script keeps a list of
// its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHART_LIST = join(ROOT, 'gen', 'charts.json');

/** Writes gen/charts.json from the Rust enum. */
export function writeChartList() {
  const json = execFileSync('cargo', ['run', '-q', '-p', 'gap-charts', '--example', 'chart_list', '--locked'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  mkdirSync(dirname(CHART_LIST), { recursive: true });
  // Written whole, then renamed: a test process reading it never sees half a file.
  const partial = `${CHART_LIST}.${process.pid}`;
  writeFileSync(partial, json);
  renameSync(partial, CHART_LIST);
}

/** Whether gen/charts.json is missing or older than what it is made from. */
function chartListIsStale() {
  if (!existsSync(CHART_LIST)) return true;
  const written = statSync(CHART_LIST).mtimeMs;
  const sources = [
    join(ROOT, 'crates', 'gap-charts', 'src', 'charts.rs'),
    join(ROOT, 'crates', 'gap-charts', 'examples', 'chart_list.rs'),
    join(ROOT, 'crates', 'gap-model', 'src', 'inputs.rs'),
    ...readdirSync(join(ROOT, 'locales')).map((file) => join(ROOT, 'locales', file)),
  ];
  return sources.some((source) => statSync(source).mtimeMs > written);
}

function chartList() {
  if (chartListIsStale()) writeChartList();
  return JSON.parse(readFileSync(CHART_LIST, 'utf8'));
}

const facts = chartList();

/** Every chart's public `data-chart` name, in page order. */
export const CHARTS = facts.charts;

/** Every input's URL name, default and provenance kind (`fact`, `public`, `assumption`), in spec order. */
export const INPUTS = facts.inputs;

export { LANGUAGES, localeTexts } from './locales.mjs';
