// Debian's Chromium through playwright-core, for the browser tests and the
// measurement script: never a browser build of playwright's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const EXECUTABLE = '/usr/bin/chromium';
// Headless as root on a machine without a GPU, and with no network beyond
// 127.0.0.1: nothing in the background tries to reach anything.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser without a persistent profile; the caller closes it. */
export function launchBrowser() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

/** A context with its own fresh profile directory, for service-worker tests. */
export function launchPersistent() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gap-e2e-')), {
    executablePath: EXECUTABLE,
    headless: true,
    args: ARGS,
  });
}
