// The built app under its strict Content-Security-Policy (no 'unsafe-eval'),
// sent both as the <meta> tag post-build.mjs writes into index.html and as the
// header from dist/_headers, and inside an iframe sandboxed with
// allow-scripts only (an opaque origin, where navigator.serviceWorker and
// localStorage throw SecurityError).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, headersFromFile, launchBrowser, screenshotPath, startSite, waitForChart, watchErrors } from './harness.mjs';

const POLICY_SHAPE =
  /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'(?: 'sha256-[A-Za-z0-9+/]{43}=')+; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'$/;

// Runs in every frame before the page's own scripts.
function recordViolations() {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    true,
  );
}

let site;
let browser;
let html;
let metaPolicy;
before(async () => {
  html = readFileSync(join(DIST, 'index.html'), 'utf8');
  metaPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  site = await startSite({ headers: headersFromFile(DIST) });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('index.html carries the strict policy before any script, with every inline script hashed', () => {
  assert.ok(metaPolicy, 'a CSP <meta> in dist/index.html');
  assert.match(metaPolicy, POLICY_SHAPE);
  assert.doesNotMatch(metaPolicy, /'unsafe-eval'/);
  const head = /<head\b[^>]*>\s*(<[^>]*>)/i.exec(html);
  assert.match(head[1], /^<meta http-equiv="Content-Security-Policy"/, 'the policy is the first element of <head>');

  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes]) => !/\bsrc=/.test(attributes));
  assert.ok(inline.length >= 1, "Trunk's inline loader is there");
  for (const [, , text] of inline) {
    const hash = createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
    assert.ok(metaPolicy.includes(`'sha256-${hash}'`), `the policy allows the inline script ${text.slice(0, 60)}…`);
  }

  const header = headersFromFile(DIST)('/')['content-security-policy'];
  assert.equal(header, `${metaPolicy}; frame-ancestors *`, '_headers sends the same policy plus frame-ancestors');
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest"/);
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.type === 'image/png'));
});

test('the app runs under the policy (meta and header): no violation when drawing and moving a slider', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.addInitScript(recordViolations);
  const response = await page.goto(site.url);
  assert.equal(response.headers()['content-security-policy'], `${metaPolicy}; frame-ancestors *`, 'the header is really sent');
  await waitForChart(page, 'gap');
  assert.equal(
    await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'),
    metaPolicy,
    'the policy is in the live document',
  );

  const slider = page.locator('input[type=range]').first();
  const [min, max, value] = await Promise.all(['min', 'max', 'value'].map((name) => slider.evaluate((el, key) => el[key], name)));
  await slider.fill(String(Number(value) === Number(max) ? min : max));
  await page.waitForTimeout(1500); // the redraw and its animation

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in an iframe sandboxed with allow-scripts only, the app draws and registration fails silently', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.addInitScript(recordViolations);
  // Another site (another origin: another port on 127.0.0.1, since Chromium
  // blocks public pages from framing loopback ones) embeds the app.
  const embedder = await serveEmbedder(site.url);
  await page.goto(embedder.url);
  let frame;
  const deadline = Date.now() + 15000;
  while (!(frame = page.frames().find((candidate) => candidate.url().startsWith(site.url)))) {
    assert.ok(Date.now() < deadline, 'the iframe navigated to the app');
    await page.waitForTimeout(100);
  }
  await waitForChart(frame, 'gap');

  const probe = await frame.evaluate(() => {
    const attempt = (read) => {
      try {
        read();
        return 'ok';
      } catch (error) {
        return error.name;
      }
    };
    return {
      origin: window.origin,
      serviceWorker: attempt(() => navigator.serviceWorker),
      localStorage: attempt(() => window.localStorage),
    };
  });
  assert.equal(probe.origin, 'null', 'an opaque origin');
  assert.equal(probe.serviceWorker, 'SecurityError', 'navigator.serviceWorker throws there');
  assert.equal(probe.localStorage, 'SecurityError', 'localStorage throws there');

  await page.waitForTimeout(500);
  assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, [], 'no panic, no uncaught error, no console error');
  await page.screenshot({ path: screenshotPath('csp-sandboxed-iframe') });
  await page.close();
  await embedder.close();
});

function serveEmbedder(appUrl) {
  const body = `<!doctype html><meta charset="utf-8"><title>embedder</title><iframe sandbox="allow-scripts" src="${appUrl}" style="width:1200px;height:850px;border:0"></iframe>`;
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(done)),
      }),
    );
  });
}
