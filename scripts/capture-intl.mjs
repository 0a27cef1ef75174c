// Captures what the browser's Intl.NumberFormat writes for the number styles
// the app uses, in every language of locales/, into
// crates/gap-text/tests/intl-outputs.json. The native tests of gap-text's
// formatter compare against this table, so the one formatter used by charts,
// readouts, the headline and exports agrees with Intl without a browser.
// Run: node scripts/capture-intl.mjs   (after adding a language or a style)
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const langs = readdirSync(join(root, 'locales'))
  .filter((file) => file.endsWith('.toml'))
  .map((file) => file.replace(/\.toml$/, ''))
  .sort();

// Values chosen for the edges: rounding ties, magnitude switches after
// rounding (999.95 → 1,000), grouping of four-digit numbers, negatives, zero
// and tiny numbers, and the model's typical sizes.
const values = [
  0, -0, 0.004, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 1.25, 1.35, 2.5, -2.5, 3.14159,
  9.95, 9.96, 12.345, 55, 99.95, 100, 123.456, 500, 999, 999.4, 999.5, 999.95,
  1000, 1234.5, 1945, 9999.5, 12345.678, 99999, 123456.7, 999999, 1e6, 1234567.89,
  -0.04, -1.5, -55, -1234.5, -1945, -123456.7, 4.5e9, -1.2e12, 0.55, 37.1, 14.1, 2040,
  ...spread(7, 160),
];
// Billions of dollars, for compact money.
const billions = [
  0, 0.0004, 0.0012, 0.05, 0.55, 0.999, 0.9999, 1, 1.5, 9.95, 12, 55, 60, 99.95, 100,
  500, 999.9, 999.95, 1000, 1945, 1999.99, 2000, 2049, 2050, 2150, 9950, 9999,
  14100, 37100, 123456, 999999, 1e6, -0.5, -55, -1945, -14100, -999.95,
  // Ties that a float multiplication by 1e9 would break.
  2.05, 8.45, 0.15, 1.25, 2.45, 4.35, 1234.5, 1945.5, -2.05,
  ...spread(11, 120),
];

/** `count` numbers of every size from 1e-4 to 1e9, both signs, from a fixed seed. */
function spread(seed, count) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const magnitude = 10 ** Math.floor(next() * 13 - 4);
    const sign = next() < 0.2 ? -1 : 1;
    // Three to six significant digits, the sizes the model produces.
    const digits = 10 ** (3 + Math.floor(next() * 4));
    return (sign * Math.round(next() * digits) * magnitude) / digits;
  });
}
// signDisplay 'negative': a number that rounds to zero is "0", never "-0".
const styles = {
  usd_compact: { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1, signDisplay: 'negative' },
  compact: { notation: 'compact', maximumFractionDigits: 1, signDisplay: 'negative' },
  max0: { maximumFractionDigits: 0, signDisplay: 'negative' },
  max1: { maximumFractionDigits: 1, signDisplay: 'negative' },
  max2: { maximumFractionDigits: 2, signDisplay: 'negative' },
  fixed1: { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' },
  fixed2: { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' },
};

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const table = await page.evaluate(
    ({ langs, values, billions, styles }) => {
      const rows = [];
      for (const lang of langs) {
        for (const [style, options] of Object.entries(styles)) {
          const format = new Intl.NumberFormat(lang, options);
          const inputs = style === 'usd_compact' ? billions : values;
          for (const value of inputs) {
            // Billions to dollars by moving the decimal point, as the
            // formatter does: `2.05 * 1e9` would be 2049999999.9999998.
            const number = style === 'usd_compact' ? Number(`${value}e9`) : value;
            rows.push({ lang, style, value, text: format.format(number) });
          }
        }
      }
      return { browser: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '', rows };
    },
    { langs, values, billions, styles },
  );
  const out = join(root, 'crates/gap-text/tests/intl-outputs.json');
  // One row per line, so that a new browser's changes read as a short diff.
  const rows = table.rows.map((r) => JSON.stringify([r.lang, r.style, r.value, r.text]));
  writeFileSync(out, `{"browser": ${JSON.stringify(table.browser)}, "rows": [\n${rows.join(",\n")}\n]}\n`);
  console.log(`${table.rows.length} outputs of ${table.browser} → ${out}`);
} finally {
  await browser.close();
}
