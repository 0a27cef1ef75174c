// A small static file server for dist/, used by `scripts/serve.sh` and by the
// browser tests. It listens on 127.0.0.1 only, serves correct MIME types
// (application/wasm matters for streaming compilation), can mount the site
// under a sub-path, and can send extra headers.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server. `mount` is the URL prefix the site lives under ("/" or
 * "/some/sub/path/"); `headers(pathname)` returns extra response headers;
 * `gzip` compresses responses for clients that accept it, as a real host
 * does (for measuring what readers download). Resolves to { server, url }
 * once listening.
 */
export function serve({ root, port = 0, mount = '/', headers = () => ({}), gzip = false }) {
  const compressed = new Map(); // file → gzip body, built once per file
  const base = resolve(root);
  const prefix = mount.endsWith('/') ? mount : `${mount}/`;
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(base, pathname.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const encoding = {};
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        body = compressed.get(file);
        Object.assign(encoding, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...encoding,
        ...headers(pathname),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      done({ server, url: `http://127.0.0.1:${bound}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', mount = '/'] = process.argv.slice(2);
  const { url } = await serve({ root, port: Number(port), mount });
  console.log(`AI Gap Explorer: ${url}`);
}
