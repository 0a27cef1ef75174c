// Trunk's post_build hook. Trunk 0.21.14 runs it after the final index.html
// (with its inline module loader) is written into the staging directory and
// before that directory replaces dist/; cwd is the project root and
// TRUNK_STAGING_DIR names the staging directory. It:
//   0. puts the app's own first render of the default state into index.html,
//      with the gate script that hides it where it would be wrong
//      (scripts/prerender.mjs; skipped with a warning when Chromium cannot
//      run), and defers the ECharts <script> so it does not hold up that paint;
//   1. adds to index.html a Content-Security-Policy <meta> (first in <head>)
//      whose script-src carries the sha256 of every inline <script>, plus the
//      manifest, icon and theme-color tags when index.html lacks them, and
//      crossorigin="anonymous" on tags with an integrity attribute (needed in
//      a sandboxed iframe);
//   2. writes manifest.webmanifest, icon.svg (from web/icon.svg) and PNG icons
//      drawn from that SVG (192, 512 and a maskable 512);
//   3. writes _headers (Netlify / Cloudflare Pages) with the same policy plus
//      frame-ancestors, which a <meta> policy cannot carry;
//   4. writes sw.js from web/sw.js with the precache list and a version taken
//      from the CONTENTS of the shipped files and of web/sw.js (Trunk keeps a
//      file name's hash when only wasm-opt changed its bytes, so names are
//      not enough).
// Running it again on its own output changes nothing, so it also works on a
// copy of dist/: `TRUNK_STAGING_DIR=some/dir node scripts/post-build.mjs`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PREVIEW_SIZE, renderFirstScreen, withPrerender } from './prerender.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging || !existsSync(join(staging, 'index.html'))) {
  console.error('post-build: set TRUNK_STAGING_DIR (or pass a directory) to a built site with index.html');
  process.exit(1);
}

const APP_NAME = 'AI Gap Explorer';
const SHORT_NAME = 'AI Gap';
const THEME_LIGHT = '#f7f7f5';
const THEME_DARK = '#121417';
// The link preview: for the pages that link here, never loaded by the app.
const PREVIEW = 'preview.png';
// Written by this script, never precached or hashed into the version.
const NOT_SHIPPED = new Set(['sw.js', '_headers', '_redirects', PREVIEW]);

const started = performance.now();
const out = (name) => join(staging, name);
const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

// ---- 0. index.html: the first screen, prerendered (scripts/prerender.mjs) ----

let html = readFileSync(out('index.html'), 'utf8');
try {
  const { markup, preview } = await renderFirstScreen(staging);
  html = withPrerender(html, markup);
  console.log(`post-build: prerendered the first screen (${(markup.length / 1024).toFixed(1)} KB of markup)`);
  writeFileSync(out(PREVIEW), preview);
  html = withPreviewTags(html);
  console.log(`post-build: link preview ${PREVIEW} (${(preview.length / 1024).toFixed(1)} KB)`);
} catch (error) {
  // The app works without it (it paints once its wasm runs): say so, go on.
  console.warn(`post-build: no prerendered first screen (${String(error).split('\n')[0]})`);
}

/**
 * `html` with the link preview's og:image tags (once). Open Graph wants an
 * absolute URL: with SITE_URL set at build time (the address the site is
 * served from) the tag carries it; without, the relative name, which
 * previews resolve against the page where they follow the spec loosely.
 */
function withPreviewTags(html) {
  const marked = /\n?[ \t]*<meta property="og:image(?::[a-z]+)?"[^>]*>/g;
  const site = process.env.SITE_URL;
  const image = site ? new URL(PREVIEW, site.endsWith('/') ? site : `${site}/`).href : PREVIEW;
  const tags = [
    `<meta property="og:image" content="${image}" />`,
    `<meta property="og:image:width" content="${PREVIEW_SIZE.width}" />`,
    `<meta property="og:image:height" content="${PREVIEW_SIZE.height}" />`,
    '<meta property="og:image:alt" content="AI Gap Explorer: revenue needed against revenue earned, and the gap, in the first model year" />',
  ];
  const cleaned = html.replace(marked, '');
  const card = /<meta name="twitter:card"[^>]*>/.exec(cleaned);
  if (!card) throw new Error('post-build: index.html has no twitter:card tag to put og:image after');
  const at = card.index + card[0].length;
  return `${cleaned.slice(0, at)}\n    ${tags.join('\n    ')}${cleaned.slice(at)}`;
}

// ---- 0b. index.html: the inlined style sheet, without comments -----------------
// style/main.css keeps its comments for its readers; the page needs none of
// them, nor the layout whitespace (about 0.9 KB after gzip). Whitespace
// inside a selector stays: ".a :hover" and ".a:hover" differ.

html = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (tag, open, css, close) => `${open}${minifyCss(css)}${close}`);

function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();
}

// ---- 1. index.html: CSP and head links --------------------------------------

// A previous run's policy goes first, so the hashes are computed afresh.
html = html.replace(/\n?[ \t]*<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi, '');

// Trunk gives <script src> and <link rel="stylesheet"> an integrity attribute
// but no crossorigin. In an iframe sandboxed without allow-same-origin the
// page's origin is opaque, those requests are cross-origin, and an integrity
// check on a no-cors (opaque) response always fails: ask for CORS instead
// (the server's Access-Control-Allow-Origin: * answers it; same-origin pages
// are unaffected).
html = html.replace(/<(script|link)\b([^>]*)>/gi, (tag, name, attributes) =>
  /\bintegrity\s*=/i.test(attributes) && !/\bcrossorigin\b/i.test(attributes)
    ? `<${name} crossorigin="anonymous"${attributes}>`
    : tag,
);

// ECharts is a classic script in <head>: deferred, it no longer holds up the
// first paint (of the prerendered screen), and it still runs before the
// module that starts the app (deferred and module scripts run in order).
html = html.replace(/<script\b([^>]*)>/gi, (tag, attributes) =>
  /\bsrc\s*=/i.test(attributes) && !/\b(?:defer|async)\b|\btype\s*=\s*["']?module/i.test(attributes)
    ? `<script defer${attributes}>`
    : tag,
);

const scriptHashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const [, attributes, text] = match;
  if (/\bsrc\s*=/i.test(attributes)) continue;
  // The browser hashes the text as parsed: HTML parsing turns CRLF and CR into LF.
  const served = text.replace(/\r\n?/g, '\n');
  scriptHashes.push(`'sha256-${sha256(Buffer.from(served, 'utf8'), 'base64')}'`);
}
const scriptSrc = ["'self'", "'wasm-unsafe-eval'", ...new Set(scriptHashes)].join(' ');
const POLICY = [
  "default-src 'self'",
  `script-src ${scriptSrc}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const headOpen = /<head\b[^>]*>/i.exec(html);
if (!headOpen) throw new Error('post-build: index.html has no <head>');
const headEnd = html.search(/<\/head\s*>/i);
const head = html.slice(0, headEnd);
const extraTags = [];
if (!/<link\b[^>]*\brel=["']?manifest\b/i.test(head)) {
  extraTags.push('<link rel="manifest" href="manifest.webmanifest" />');
}
if (!/<link\b[^>]*\brel=["']?(?:shortcut )?icon\b/i.test(head)) {
  extraTags.push('<link rel="icon" href="icon.svg" type="image/svg+xml" />');
  extraTags.push('<link rel="apple-touch-icon" href="icon-192.png" />');
}
if (!/<meta\b[^>]*\bname=["']?theme-color\b/i.test(head)) {
  extraTags.push(`<meta name="theme-color" content="${THEME_LIGHT}" media="(prefers-color-scheme: light)" />`);
  extraTags.push(`<meta name="theme-color" content="${THEME_DARK}" media="(prefers-color-scheme: dark)" />`);
}
const cspTag = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
const insertAt = headOpen.index + headOpen[0].length;
html = `${html.slice(0, insertAt)}\n    ${cspTag}${html.slice(insertAt)}`;
if (extraTags.length) {
  const end = html.search(/<\/head\s*>/i);
  html = `${html.slice(0, end)}  ${extraTags.join('\n    ')}\n  ${html.slice(end)}`;
}
writeIfChanged('index.html', html);

// ---- 2. manifest and icons --------------------------------------------------

const iconSvg = readFileSync(join(root, 'web', 'icon.svg'));
writeIfChanged('icon.svg', iconSvg);
const design = parseRectSvg(iconSvg.toString('utf8'));
writeIfChanged('icon-192.png', renderPng(design, 192, false));
writeIfChanged('icon-512.png', renderPng(design, 512, false));
writeIfChanged('icon-maskable-512.png', renderPng(design, 512, true));

const description = /<meta\s+name=["']description["']\s+content="([^"]*)"/i.exec(html)?.[1];
const manifest = {
  id: './',
  name: APP_NAME,
  short_name: SHORT_NAME,
  ...(description ? { description: decodeEntities(description) } : {}),
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: THEME_LIGHT,
  theme_color: THEME_LIGHT,
  icons: [
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
writeIfChanged('manifest.webmanifest', `${JSON.stringify(manifest, null, 2)}\n`);

// ---- 3. _headers --------------------------------------------------------------

writeIfChanged(
  '_headers',
  [
    '# Written by scripts/post-build.mjs for Netlify and Cloudflare Pages.',
    '# The same policy as the <meta> tag in index.html, plus frame-ancestors',
    '# (ignored in <meta>): embedding on any site is intended. The CORS header',
    '# lets the app run in an iframe sandboxed without allow-same-origin, where',
    '# its module script and wasm are cross-origin requests.',
    '/*',
    `  Content-Security-Policy: ${POLICY}; frame-ancestors *`,
    '  Access-Control-Allow-Origin: *',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n'),
);

// ---- 4. sw.js: precache list and content version -----------------------------

const files = listFiles(staging)
  .filter((path) => !NOT_SHIPPED.has(path) && !path.split('/').some((part) => part.startsWith('.')))
  .sort();
// The worker's own template counts too: new caching logic gets a new cache.
const template = readFileSync(join(root, 'web', 'sw.js'), 'utf8');
const version = sha256(
  [...files.map((path) => `${path}\0${sha256(readFileSync(out(path)), 'hex')}`), `sw.js template\0${sha256(template, 'hex')}`].join('\n'),
  'hex',
).slice(0, 16);
const precache = ['./', ...files.map((path) => `./${encodeURI(path)}`)];

let sw = template;
sw = replaceMarked(sw, '@version', `const VERSION = ${JSON.stringify(version)}; // @version`);
sw = replaceMarked(sw, '@precache', `const PRECACHE = ${JSON.stringify(precache)}; // @precache`);
writeIfChanged('sw.js', sw);

const ms = Math.round(performance.now() - started);
console.log(`post-build: version ${version}, ${precache.length} precached URLs, ${scriptHashes.length} inline script hash(es), ${ms} ms`);

// ---- helpers ------------------------------------------------------------------

function writeIfChanged(name, data) {
  const path = out(name);
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  writeFileSync(path, bytes);
}

function replaceMarked(text, marker, line) {
  const pattern = new RegExp(`^.*// ${marker}$`, 'm');
  if (!pattern.test(text)) throw new Error(`post-build: web/sw.js lost its "// ${marker}" line`);
  return text.replace(pattern, line);
}

function listFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.isFile() || statSync(path).isFile()) found.push(relative(staging, path).split(sep).join('/'));
  }
  return found;
}

function decodeEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// The icon is an SVG made of <rect>s; this reads them (x, y, width, height, rx, fill).
function parseRectSvg(svg) {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1].trim().split(/[\s,]+/).map(Number);
  if (!viewBox || viewBox.length !== 4) throw new Error('post-build: web/icon.svg needs a viewBox');
  const body = svg.replace(/<!--[\s\S]*?-->/g, '');
  if (/<(path|circle|ellipse|polygon|polyline|line|text|g|use|image)\b/i.test(body)) {
    throw new Error('post-build: web/icon.svg may only contain <rect> shapes (the PNG renderer draws nothing else)');
  }
  const rects = [...body.matchAll(/<rect\b([^>]*)>/gi)].map(([, attributes]) => {
    const attribute = (name, fallback) => {
      const value = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
      return value === undefined ? fallback : value;
    };
    const fill = attribute('fill', '#000000');
    if (!/^#[0-9a-f]{6}$/i.test(fill)) throw new Error(`post-build: icon fill ${fill} is not #rrggbb`);
    return {
      x: Number(attribute('x', 0)),
      y: Number(attribute('y', 0)),
      width: Number(attribute('width', 0)),
      height: Number(attribute('height', 0)),
      rx: Number(attribute('rx', 0)),
      rgb: [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)),
    };
  });
  if (!rects.length) throw new Error('post-build: web/icon.svg has no <rect>');
  return { viewBox, rects };
}

// Draws the rects (4x4 supersampling). Maskable: the first rect (background)
// fills the square without rounded corners and the rest shrinks to 80 %, inside
// the safe zone every mask keeps.
function renderPng({ viewBox, rects }, size, maskable) {
  const [vx, vy, vw, vh] = viewBox;
  const shapes = rects.map((rect, index) => {
    if (maskable && index === 0) return { ...rect, x: vx, y: vy, width: vw, height: vh, rx: 0 };
    if (!maskable) return rect;
    const cx = vx + vw / 2;
    const cy = vy + vh / 2;
    return {
      ...rect,
      x: cx + (rect.x - cx) * 0.8,
      y: cy + (rect.y - cy) * 0.8,
      width: rect.width * 0.8,
      height: rect.height * 0.8,
      rx: rect.rx * 0.8,
    };
  });
  // Flat numeric arrays keep the pixel loops monomorphic (and fast).
  const count = shapes.length;
  const X1 = new Float64Array(count);
  const Y1 = new Float64Array(count);
  const X2 = new Float64Array(count);
  const Y2 = new Float64Array(count);
  const R = new Float64Array(count);
  const RGB = new Uint8Array(count * 3);
  shapes.forEach((shape, i) => {
    X1[i] = shape.x;
    Y1[i] = shape.y;
    X2[i] = shape.x + shape.width;
    Y2[i] = shape.y + shape.height;
    R[i] = Math.max(0, Math.min(shape.rx, shape.width / 2, shape.height / 2));
    RGB.set(shape.rgb, i * 3);
  });
  const inside = (i, px, py) => {
    if (px < X1[i] || py < Y1[i] || px > X2[i] || py > Y2[i]) return false;
    const r = R[i];
    if (r <= 0) return true;
    const dx = Math.max(X1[i] + r - px, 0, px - (X2[i] - r));
    const dy = Math.max(Y1[i] + r - py, 0, py - (Y2[i] - r));
    return dx * dx + dy * dy <= r * r;
  };
  const touches = (i, left, top, right, bottom) => right > X1[i] && left < X2[i] && bottom > Y1[i] && top < Y2[i];
  const SAMPLES = 4;
  const step = vw / size;
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let row = 0; row < size; row += 1) {
    raw[row * rowBytes] = 0; // filter: none
    const top = vy + row * step;
    const bottom = top + step;
    for (let col = 0; col < size; col += 1) {
      const offset = row * rowBytes + 1 + col * 4;
      const left = vx + col * step;
      const right = left + step;
      // Fast path: the topmost shape reaching into the pixel covers all of it
      // (rounded rects are convex: four corners inside means the whole square).
      let topmost = -1;
      for (let i = count - 1; i >= 0; i -= 1) {
        if (touches(i, left, top, right, bottom)) {
          topmost = i;
          break;
        }
      }
      if (topmost < 0) continue; // transparent
      if (inside(topmost, left, top) && inside(topmost, right, top) && inside(topmost, left, bottom) && inside(topmost, right, bottom)) {
        raw[offset] = RGB[topmost * 3];
        raw[offset + 1] = RGB[topmost * 3 + 1];
        raw[offset + 2] = RGB[topmost * 3 + 2];
        raw[offset + 3] = 255;
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        const py = top + ((sy + 0.5) / SAMPLES) * step;
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const px = left + ((sx + 0.5) / SAMPLES) * step;
          for (let i = count - 1; i >= 0; i -= 1) {
            if (inside(i, px, py)) {
              r += RGB[i * 3];
              g += RGB[i * 3 + 1];
              b += RGB[i * 3 + 2];
              a += 1;
              break;
            }
          }
        }
      }
      if (a > 0) {
        raw[offset] = Math.round(r / a);
        raw[offset + 1] = Math.round(g / a);
        raw[offset + 2] = Math.round(b / a);
        raw[offset + 3] = Math.round((a * 255) / (SAMPLES * SAMPLES));
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
