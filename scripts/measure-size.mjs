// Prints the gzip (level 9) size of every file in the built site and fails
// when the first view's total exceeds the budget. Sizes are deterministic, so
// asserting them cannot flake; timings live in scripts/measure-perf.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The target for the first view is 350 KB; the app is not there yet (the
// wasm alone is about 350 KB gzip, see README "Performance"). This budget
// stops it from growing further while that work goes on.
const TARGET_BYTES = 350 * 1024;
const BUDGET_BYTES = 600 * 1024;
const root = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [...files(root)]
  .map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(root, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const { file, raw, gzip } of rows) {
  console.log(`${kb(gzip).padStart(10)} gzip ${kb(raw).padStart(10)} raw  ${file}`);
}
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`${kb(total).padStart(10)} gzip in all (${rows.length} files); budget ${kb(BUDGET_BYTES)}, target ${kb(TARGET_BYTES)}`);
if (total > BUDGET_BYTES) {
  console.error(`size budget exceeded by ${kb(total - BUDGET_BYTES)}`);
  process.exit(1);
}
