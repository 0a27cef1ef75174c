// The first screen, rendered at build time by the real app: `post-build.mjs`
// serves the built site on 127.0.0.1, opens it in headless Chromium (English,
// light theme, no URL parameters: the default state), takes the page's markup
// as the app first renders it (before the Monte Carlo band arrives, so it is
// exactly what the app's own first render draws; chart containers emptied and
// the assumptions panel reduced to its heading),
// and puts it into index.html. A phone then paints the headline and the
// readouts from the HTML and the CSS alone, instead of after ~560 KB of wasm
// and ECharts; `src/main.rs` removes the copy in the same task that mounts the
// app, so no frame shows neither.
//
// The copy is hidden by the CSS unless an inline gate script, run before the
// first paint, shows it: only where it is what the app will show (no URL
// parameter, or only `v=4`, gap_url::MODEL_VERSION: a `v=2` or `v=3` link
// keeps the `direct` method of its day; a browser language (of locales/) the
// app would not switch away from English). Blocked scripts, no JavaScript or a failed start leave it
// hidden. The gate also sets the theme from `prefers-color-scheme` before
// the first paint, as the app will.
import { LANGUAGES } from './locales.mjs';
import { serve } from './static-server.mjs';

const BEGIN = '<!--prerender-->';
const END = '<!--/prerender-->';
const GATE_MARK = '/* prerender gate */';
const TIMEOUT_MS = 30_000;

// Runs before the body is parsed. Kept short: its sha256 goes into the CSP.
const GATE = `${GATE_MARK}
(function () {
  var root = document.documentElement;
  var query = location.search.replace(/^\\?/, '');
  var tag = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  var lang = tag.split(/[-_]/)[0].toLowerCase();
  var shown = (query === '' || query === 'v=4') && ${JSON.stringify(LANGUAGES.filter((code) => code !== 'en'))}.indexOf(lang) < 0;
  root.setAttribute('data-prerender', shown ? 'on' : 'off');
  // If the app cannot start (its wasm fails to load), a copy of default numbers must not stay.
  addEventListener('unhandledrejection', function () { root.setAttribute('data-prerender', 'off'); });
  if (!root.hasAttribute('data-theme')) root.setAttribute('data-theme', matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
})();`;

/** The link-preview picture's size: what Open Graph and Twitter cards show. */
export const PREVIEW_SIZE = { width: 1200, height: 630 };

/**
 * The link preview: the embed view of the default state's gap chart (its
 * headline, the chart, the readouts below), drawn by the real app at
 * 1200×630 and taken as a PNG once the chart is drawn.
 */
async function renderPreview(browser, url) {
  const page = await browser.newPage({ viewport: PREVIEW_SIZE, locale: 'en-US', colorScheme: 'light', reducedMotion: 'reduce' });
  try {
    await page.addInitScript(() => {
      if (navigator.serviceWorker) Object.defineProperty(navigator, 'serviceWorker', { value: undefined });
    });
    await page.goto(`${url}?v=4&embed=1&chart=gap`, { timeout: TIMEOUT_MS });
    await page.waitForFunction(
      () => {
        const element = document.querySelector('[data-chart="gap"]');
        return element?.querySelector('canvas') && window.echarts?.getInstanceByDom(element)?.getOption()?.series?.length > 0;
      },
      null,
      { timeout: TIMEOUT_MS },
    );
    // The readouts' Monte Carlo band too, not "computing…".
    await page.waitForFunction(() => document.querySelector('[data-metric="gap_pv_p5"]')?.dataset.value, null, { timeout: TIMEOUT_MS });
    // Two frames: the drawn chart reaches the screen.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return await page.screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}

/**
 * The app's first render of the default state, as HTML (the body's content),
 * and the link preview picture (PNG bytes).
 */
export async function renderFirstScreen(siteDir) {
  const { launchBrowser } = await import('./chromium.mjs');
  // The browser first: if it cannot start, no server is left holding the
  // process open (the build would never end).
  const browser = await launchBrowser();
  let server;
  try {
    const served = await serve({ root: siteDir });
    server = served.server;
    const { url } = served;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', colorScheme: 'light' });
    // No service worker: this render must not install one anywhere. The
    // copy is taken in the mutation that brings the app's readouts, so it is
    // the app's first render exactly (the Monte Carlo band comes 250 ms
    // later); a copy already in the served index.html is not the app's.
    await page.addInitScript(() => {
      if (navigator.serviceWorker) Object.defineProperty(navigator, 'serviceWorker', { value: undefined });
      const capture = () => {
        const body = document.body.cloneNode(true);
        body.querySelectorAll('script, #fatal-error, noscript').forEach((element) => element.remove());
        // ECharts fills these after mount; the app creates its charts in them again.
        body.querySelectorAll('[data-chart]').forEach((element) => {
          element.replaceChildren();
          element.removeAttribute('_echarts_instance_');
          element.removeAttribute('style');
        });
        // The assumptions (19 controls with their sources) are two thirds of
        // the markup and none of the first phone screen: their panel stays,
        // empty but for its heading, so nothing around it moves when they come.
        body
          .querySelectorAll('section.assumptions > :not(.panel-head), section.assumptions .panel-head > :not(h2)')
          .forEach((element) => element.remove());
        // The model check is the reader's browser running the published
        // cases: a copy of the build machine's result would claim a check
        // that has not run yet (it is far below the first screen anyway).
        body.querySelectorAll('[data-selfcheck]').forEach((element) => element.remove());
        // The app's own anchors for its reactive parts mean nothing in a copy.
        return body.innerHTML.replace(/<!--[\s\S]*?-->/g, '').trim();
      };
      const rendered = () => !document.getElementById('prerender') && document.querySelector('[data-metric="gap"]');
      new MutationObserver((_, observer) => {
        if (window.__firstScreen === undefined && rendered()) {
          window.__firstScreen = capture();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url, { timeout: TIMEOUT_MS });
    await page.waitForFunction(() => typeof window.__firstScreen === 'string', null, { timeout: TIMEOUT_MS });
    const markup = await page.evaluate(() => window.__firstScreen);
    await page.close();
    return { markup, preview: await renderPreview(browser, url) };
  } finally {
    await browser.close();
    server?.close();
  }
}

/** `html` with `markup` as the prerendered first screen and the gate script; idempotent. */
export function withPrerender(html, markup) {
  let out = html.replace(new RegExp(`\\s*${BEGIN}[\\s\\S]*?${END}`), '');
  out = out.replace(/\s*<script>\/\* prerender gate \*\/[\s\S]*?<\/script>/, '');
  out = out.replace(/\s*<noscript data-prerender>[\s\S]*?<\/noscript>/, '');
  // After the title: early in <head> (before the first paint, after the
  // charset, which must stay in the first 1,024 bytes), and in the same place
  // on every run.
  const title = /<\/title\s*>/i.exec(out);
  if (!title) throw new Error('prerender: index.html has no <title>');
  const gateAt = title.index + title[0].length;
  out = `${out.slice(0, gateAt)}\n    <script>${GATE}</script>${out.slice(gateAt)}`;
  const bodyOpen = /<body\b[^>]*>/i.exec(out);
  if (!bodyOpen) throw new Error('prerender: index.html has no <body>');
  const at = bodyOpen.index + bodyOpen[0].length;
  // Without JavaScript the copy would show default numbers for any URL: say why nothing works instead.
  const noscript =
    '<noscript data-prerender><style>#prerender{display:none}</style><p class="noscript">AI Gap Explorer needs JavaScript and WebAssembly to run.</p></noscript>';
  return `${out.slice(0, at)}\n    ${noscript}\n    ${BEGIN}<div id="prerender" inert>${markup}</div>${END}${out.slice(at)}`;
}
