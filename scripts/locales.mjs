// The languages and texts of the app, read from `locales/*.toml` (the one
// source gap-text compiles): for the build scripts and the browser tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every language code, English first (one per file in locales/). */
export const LANGUAGES = readdirSync(join(ROOT, 'locales'))
  .filter((file) => file.endsWith('.toml'))
  .map((file) => file.slice(0, -'.toml'.length))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));

/**
 * One text section (`ui` or `chart`) of `locales/<lang>.toml` as
 * { key: text }. Those sections hold only `key = "basic string"` lines,
 * whose escapes are JSON's, so this is all the TOML the tests need; it
 * throws on any other line rather than skip it.
 */
export function localeTexts(lang, section) {
  const file = join(ROOT, 'locales', `${lang}.toml`);
  const texts = {};
  let current = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\[(\w+)\]\s*$/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    if (current !== section || !line.trim() || line.startsWith('#')) continue;
    const match = /^(\w+) = ("(?:[^"\\]|\\.)*")\s*$/.exec(line);
    if (!match) throw new Error(`${file} [${section}]: a line the tests cannot read: ${line}`);
    texts[match[1]] = JSON.parse(match[2]);
  }
  if (Object.keys(texts).length === 0) throw new Error(`${file} has no [${section}] texts`);
  return texts;
}
