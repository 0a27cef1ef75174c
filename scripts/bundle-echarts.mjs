// Builds gen/echarts.js: a minified IIFE that defines the global `echarts`
// from the npm package pinned in package-lock.json. Runs as Trunk's pre_build
// hook, and skips the work when the bundle is newer than its inputs.
import { build } from 'esbuild';
import { statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'web', 'echarts-entry.js');
const outfile = join(root, 'gen', 'echarts.js');
const inputs = [entry, join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

const mtime = (path) => statSync(path).mtimeMs;
if (existsSync(outfile) && inputs.every((input) => mtime(input) < mtime(outfile))) {
  process.exit(0);
}

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'echarts',
  // `var echarts` is only global when the file runs as a classic script;
  // tests that evaluate the bundle inside a function need the explicit assignment.
  footer: { js: 'globalThis.echarts=echarts;' },
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`bundled ${outfile} (${statSync(outfile).size} bytes)`);
