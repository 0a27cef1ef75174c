// Writes gen/figure-texts.json and gen/figures.csv from the dataset (gap-data's
// `site_files` example): the figures' quotes, glosses and caveats, which the
// app fetches when a reader first wants them instead of carrying them in its
// wasm, and the dataset download. Runs as Trunk's pre_build hook (index.html
// copies both into the site); skips the work when both are newer than what
// they are made from.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['figure-texts.json', 'figures.csv'].map((name) => join(root, 'gen', name));
const inputs = [
  join(root, 'seeds', 'figures.toml'),
  join(root, 'seeds', 'sources.toml'),
  join(root, 'crates', 'gap-data', 'build.rs'),
  join(root, 'crates', 'gap-data', 'src', 'lib.rs'),
  join(root, 'crates', 'gap-data', 'examples', 'site_files.rs'),
  join(root, 'crates', 'gap-data', 'Cargo.toml'),
  join(root, 'Cargo.lock'),
  fileURLToPath(import.meta.url),
];

const mtime = (path) => statSync(path).mtimeMs;
const oldest = outputs.every(existsSync) ? Math.min(...outputs.map(mtime)) : -Infinity;
if (inputs.some((input) => mtime(input) >= oldest)) {
  execFileSync('cargo', ['run', '-q', '-p', 'gap-data', '--features', 'texts', '--example', 'site_files', '--locked', '--', join(root, 'gen')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log('site-data: wrote gen/figure-texts.json and gen/figures.csv');
}
