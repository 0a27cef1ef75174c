// AI Gap Explorer service worker: the app keeps working offline after its
// first load.
//
// This is a TEMPLATE. scripts/post-build.mjs (Trunk's post_build hook) writes
// dist/sw.js from it, replacing the two lines marked @version and @precache
// with the build's content hash and the list of files it ships.
//
// - install: fetch every file of this version (bypassing the HTTP cache) into
//   a cache named after the version, then take over at once (skipWaiting).
// - activate: delete this app's caches of other versions, claim open pages
//   (the page shows "A new version is available — reload" on controllerchange).
// - navigations: network first; when the network fails, this version's copy
//   of the page (index.html for any URL it does not know), whatever the query
//   string. If the network's page differs from this version's, a new deployment
//   is live: that page gets all of its files from the network, so it never
//   runs new HTML against old cached files.
// - the precached files (Trunk hashes their names): cache first.
// - everything else: not touched.
'use strict';

const VERSION = 'development'; // @version
const PRECACHE = ['./', './index.html']; // @precache

const BASE = new URL('./', self.location.href).href;
// Several deployments may share an origin (one per sub-path): only touch ours.
const PREFIX = `ai-gap-explorer:${new URL(BASE).pathname}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./index.html', BASE).href;
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, BASE).href));
// How long a navigation waits for the network before the cached page is used.
const NAVIGATION_TIMEOUT_MS = 6000;

// Pages whose HTML came from a newer deployment than this worker's cache.
const networkOnlyClients = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...PRECACHED].map(async (url) => {
      // Revalidate rather than reload: the page has just fetched these files,
      // and a host with ETags answers 304 instead of sending them again; a
      // stale HTTP-cache copy (Trunk keeps a name when only wasm-opt changed
      // the bytes) is still never taken unchecked.
      const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
      await cache.put(url, await withoutRedirect(response));
    }),
  );
}

// A redirected response cannot answer a navigation; hosts that redirect
// /index.html to / would otherwise break the offline page.
async function withoutRedirect(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const port = event.ports && event.ports[0];
  if (port && event.data && event.data.type === 'GET_VERSION') {
    port.postMessage({ version: VERSION, cache: CACHE });
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (PRECACHED.has(url.href) && !networkOnlyClients.has(event.clientId)) {
    event.respondWith(cacheFirst(request));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  return cached || fetch(request);
}

async function navigate(event) {
  // This version's copy of the page (any query string: the app keeps its state
  // there), else its index.html.
  const page = new URL(event.request.url);
  page.search = '';
  const cached =
    (PRECACHED.has(page.href) && (await caches.match(page.href, { cacheName: CACHE }))) ||
    (await caches.match(INDEX, { cacheName: CACHE }));
  let network;
  try {
    network = await withTimeout(fetch(event.request), cached ? NAVIGATION_TIMEOUT_MS : 0);
  } catch {
    // Offline, or the network is too slow: this version's own page.
    return cached || Response.error();
  }
  if (!cached) return network;
  if (network.status >= 500) return cached;
  if (network.ok && event.resultingClientId && isHtml(network)) {
    const [fresh, mine] = await Promise.all([network.clone().text(), cached.clone().text()]);
    if (fresh !== mine) {
      if (networkOnlyClients.size > 100) networkOnlyClients.clear();
      networkOnlyClients.add(event.resultingClientId);
    }
  }
  return network;
}

function isHtml(response) {
  return (response.headers.get('content-type') || '').includes('text/html');
}

function withTimeout(promise, ms) {
  if (!ms) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
