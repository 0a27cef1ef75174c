// The service worker: after one visit the app works offline, from a sub-path,
// and a new deployment replaces the old one whole (one cache, new files, the
// "new version" flag on the open page).
//
// The "second deployment" is made without Trunk: a copy of dist/ whose ECharts
// file gains a statement while its name stays the same (what wasm-opt alone does to
// the wasm: trap 4 in TOOLCHAIN.md), with index.html's integrity attribute
// updated, then scripts/post-build.mjs run again on the copy. The server's
// root is a symlink switched from the first copy to the second.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launchPersistent, screenshotPath, startSite, waitForChart, watchErrors } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MOUNT = '/some/sub/path/';
const MARKER = '__swTestBuild';

// Whether the app calls crate::service_worker::register itself (the lead wires
// it into the App component); until then the test registers the worker.
const WIRED = sourceFiles(join(ROOT, 'src')).some((file) => /service_worker::register\b/.test(readFileSync(file, 'utf8')));

let work;
let site;
let context;
let page;
let errors;
let v1;
let v2;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'gap-offline-'));
  // Copies, so a rebuild of dist/ during the run cannot change what is served.
  v1 = deployment('v1', DIST);
  v2 = makeSecondDeployment(v1.dir);
  pointLiveAt(v1.dir);
  site = await startSite({ root: join(work, 'live'), mount: MOUNT });
  context = await launchPersistent();
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await context?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a second deployment differs only in contents, not in file names', () => {
  assert.notEqual(v2.version, v1.version, 'post-build versions the contents');
  assert.deepEqual(readdirSync(v2.dir).sort(), readdirSync(v1.dir).sort(), 'same file names');
  assert.ok(v1.precache.includes('./') && v1.precache.includes('./index.html'), 'precaches the index');
  for (const url of v1.precache) assert.ok(url.startsWith('./'), `relative precache URL: ${url}`);
});

test('after one visit from a sub-path, the app loads and draws offline', async () => {
  await page.goto(site.url);
  await waitForChart(page, 'gap');
  await ensureControlled();

  const registration = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { scope: reg.scope, script: reg.active.scriptURL };
  });
  assert.equal(registration.scope, site.url, 'scope is the sub-path');
  assert.equal(registration.script, `${site.url}sw.js`);
  assert.equal(await workerVersion(), v1.version);
  assert.deepEqual(await ourCaches(), [cacheName(v1.version)]);

  // Chromium's own verdict: the manifest parses and the app can be installed.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(manifest.url, `${site.url}manifest.webmanifest`);
  assert.deepEqual(manifest.errors, []);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  await cdp.detach();

  await context.setOffline(true);
  try {
    await page.reload();
    await waitForChart(page, 'gap');
    // A navigation with state in the query string gets the cached index too.
    await page.goto(`${site.url}?lang=de`);
    await waitForChart(page, 'gap');
    assert.equal(await page.evaluate(() => document.readyState), 'complete');
    await page.screenshot({ path: screenshotPath('offline'), fullPage: true });
  } finally {
    await context.setOffline(false);
  }
});

test('a new deployment takes over whole: new worker, one cache, new files, update flag', async (t) => {
  const before = await deploymentMarker();
  assert.equal(before, '', 'the first deployment has no marker');
  pointLiveAt(v2.dir);

  // The reload's navigation is network-first: it gets v2's index.html, which
  // differs from v1's cached one, so that page must get v2's ECharts file too (its
  // integrity attribute would reject v1's cached file of the same name).
  await page.reload();
  await waitForChart(page, 'gap');
  assert.equal(await deploymentMarker(), 'v2', 'the reloaded page runs the new file, not the cached old one of the same name');

  await waitFor(async () => (await workerVersion()) === v2.version, 'the new worker controls the page');
  await waitFor(async () => JSON.stringify(await ourCaches()) === JSON.stringify([cacheName(v2.version)]), 'only the new cache is left');
  if (WIRED) {
    await page.waitForFunction(() => document.documentElement.dataset.updateReady === '1', null, { timeout: 10000 });
  } else {
    t.diagnostic('crate::service_worker::register is not wired into the app yet: data-update-ready not checked');
  }

  // Offline again: everything now comes from the new cache.
  await context.setOffline(true);
  try {
    await page.reload();
    await waitForChart(page, 'gap');
    assert.equal(await deploymentMarker(), 'v2');
    assert.equal(await workerVersion(), v2.version);
  } finally {
    await context.setOffline(false);
  }
  const unexpected = errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error));
  assert.deepEqual(unexpected, [], 'no page or console errors');
});

// ---- helpers ------------------------------------------------------------------

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.rs') && entry.name !== 'service_worker.rs' ? [path] : [];
  });
}

function deployment(name, from) {
  const dir = join(work, name);
  cpSync(from, dir, { recursive: true });
  return { dir, ...readWorker(dir) };
}

function readWorker(dir) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const version = /const VERSION = "([0-9a-f]{16})"; \/\/ @version/.exec(sw)?.[1];
  const precache = JSON.parse(/const PRECACHE = (\[.*\]); \/\/ @precache/.exec(sw)?.[1] ?? 'null');
  assert.ok(version, `${dir}/sw.js has a content version (is the post_build hook registered?)`);
  return { version, precache };
}

// Appends a statement to the ECharts bundle (a hashed file), keeps the file
// name, fixes the integrity attribute the way a real build would, and re-runs
// the post_build hook on the copy. (The CSS is inlined into index.html.)
function makeSecondDeployment(fromDir) {
  const dir = join(work, 'v2');
  cpSync(fromDir, dir, { recursive: true });
  const script = readdirSync(dir).find((name) => name.startsWith('echarts-') && name.endsWith('.js'));
  assert.ok(script, 'the build ships a hashed ECharts file');
  const scriptPath = join(dir, script);
  writeFileSync(scriptPath, `${readFileSync(scriptPath, 'utf8')}\n;globalThis[${JSON.stringify(MARKER)}] = "v2";\n`);
  const indexPath = join(dir, 'index.html');
  const digest = (algorithm) => `${algorithm}-${createHash(algorithm).update(readFileSync(scriptPath)).digest('base64')}`;
  const index = readFileSync(indexPath, 'utf8').replace(/<(?:link|script)\b[^>]*>/g, (tag) =>
    tag.includes(script) ? tag.replace(/integrity="(sha\d+)-[^"]*"/, (_, algorithm) => `integrity="${digest(algorithm)}"`) : tag,
  );
  writeFileSync(indexPath, index);
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'post-build.mjs')], {
    cwd: ROOT,
    env: { ...process.env, TRUNK_STAGING_DIR: dir },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `post-build on the copy failed: ${run.stderr}`);
  return { dir, ...readWorker(dir) };
}

function pointLiveAt(dir) {
  const live = join(work, 'live');
  const next = join(work, 'live.next');
  rmSync(next, { force: true });
  symlinkSync(dir, next);
  renameSync(next, live); // atomic: the server sees one deployment or the other
}

async function ensureControlled() {
  const hasWorker = await page.evaluate(
    async ({ wired }) => {
      const timeout = (ms) => new Promise((resolve) => setTimeout(() => resolve(null), ms));
      if (!wired && !(await navigator.serviceWorker.getRegistration())) {
        await navigator.serviceWorker.register('./sw.js', { scope: './' });
      }
      return Boolean(await Promise.race([navigator.serviceWorker.ready, timeout(15000)]));
    },
    { wired: WIRED },
  );
  assert.ok(hasWorker, WIRED ? 'the app registered its service worker' : 'the worker installed');
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await waitForChart(page, 'gap');
  }
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker controls the page');
}

function workerVersion() {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const worker = navigator.serviceWorker.controller;
        if (!worker) return resolve(null);
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        worker.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
        setTimeout(() => resolve(null), 3000);
      }),
  );
}

function cacheName(version) {
  return `ai-gap-explorer:${MOUNT}:${version}`;
}

function ourCaches() {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('ai-gap-explorer:')).sort());
}

/** What the second deployment's ECharts file sets; '' before it. */
function deploymentMarker() {
  return page.evaluate((name) => globalThis[name] ?? '', MARKER);
}

async function waitFor(check, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
