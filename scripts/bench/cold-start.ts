// Cold start of the embedded app in headless Chromium: dist/ served by `vite preview`, Debian's
// Chromium driven by playwright-core. Each run opens a fresh browser context (empty IndexedDB),
// visits the app (first visit: download and restore the prebuilt database), then reloads it
// (second visit: open the copy kept in IndexedDB). Times are read in the page, in milliseconds
// from the start of the navigation, when #root first carries data-map-painted="true" (first map
// paint) and data-state="ready" (data ready).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Request } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../chromium';
import { preview } from 'vite';
import { emit, log, ms } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const VIEWPORT = { width: 1024, height: 700 };
/** How long to wait for data ready (or error) on one visit. */
const READY_TIMEOUT_MS = 120_000;
/** How long to keep waiting for the first map paint once the data is ready. */
const MAP_PAINT_GRACE_MS = 15_000;

interface Marks {
  ready?: number;
  error?: number;
  mapPainted?: number;
}

interface Visit {
  dataReadyMs: number | null;
  firstMapPaintMs: number | null;
  domContentLoadedMs: number | null;
  error: boolean;
  /** Whether the visit fetched the prebuilt database (it should on the first visit only). */
  downloaded: boolean;
}

/** Runs in the page before its own scripts: notes when #root's state attributes change. */
function watchRoot(): void {
  const marks: Marks = {};
  (window as unknown as { __tuzhangBench: Marks }).__tuzhangBench = marks;
  const check = () => {
    const el = document.getElementById('root');
    if (!el) return;
    const now = performance.now();
    if (marks.ready === undefined && el.dataset.state === 'ready') marks.ready = now;
    if (marks.error === undefined && el.dataset.state === 'error') marks.error = now;
    if (marks.mapPainted === undefined && el.dataset.mapPainted === 'true') marks.mapPainted = now;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state', 'data-map-painted'],
  });
}

const readMarks = (page: Page) =>
  page.evaluate(() => {
    const marks = (window as unknown as { __tuzhangBench?: Marks }).__tuzhangBench ?? {};
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...marks, domContentLoaded: nav?.domContentLoadedEventEnd };
  });

async function measureVisit(page: Page, go: () => Promise<unknown>): Promise<Visit> {
  let downloaded = false;
  const onRequest = (request: Request) => {
    if (new URL(request.url()).pathname.endsWith('/db/tuzhang.tar.gz')) downloaded = true;
  };
  page.on('request', onRequest);
  await go();
  await page.waitForFunction(
    () => {
      const marks = (window as unknown as { __tuzhangBench?: Marks }).__tuzhangBench;
      return marks?.ready !== undefined || marks?.error !== undefined;
    },
    undefined,
    { timeout: READY_TIMEOUT_MS, polling: 50 },
  );
  await page
    .waitForFunction(
      () => (window as unknown as { __tuzhangBench?: Marks }).__tuzhangBench?.mapPainted !== undefined,
      undefined,
      { timeout: MAP_PAINT_GRACE_MS, polling: 50 },
    )
    .catch(() => undefined);
  const marks = await readMarks(page);
  page.off('request', onRequest);
  return {
    downloaded,
    dataReadyMs: marks.ready === undefined ? null : ms(marks.ready),
    firstMapPaintMs: marks.mapPainted === undefined ? null : ms(marks.mapPainted),
    domContentLoadedMs: marks.domContentLoaded ? ms(marks.domContentLoaded) : null,
    error: marks.error !== undefined,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const median = (values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0 || known.length < values.length) return null;
  const mid = Math.floor(known.length / 2);
  return ms(known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2);
};

/** One fresh context: first visit, then a reload. */
async function oneRun(browser: Browser, url: string, blocked: Set<string>): Promise<[Visit, Visit]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    // No network beyond the preview server: anything else (tiles, fonts) fails fast.
    const origin = new URL(url).origin;
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (target.startsWith(origin)) return route.continue();
      blocked.add(new URL(target).host || target.slice(0, 40));
      return route.abort('blockedbyclient');
    });
    await context.addInitScript(watchRoot);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    const first = await measureVisit(page, () => page.goto(url, { waitUntil: 'commit' }));
    const stored = await page.evaluate(async () => (await indexedDB.databases()).length);
    if (!first.error && stored === 0) log('  warning: IndexedDB is still empty after the first visit');
    const second = await measureVisit(page, () => page.reload({ waitUntil: 'commit' }));
    return [first, second];
  } finally {
    await context.close();
  }
}

export async function benchColdStart(runs: number): Promise<void> {
  const skip = (reason: string) => {
    log(`cold start skipped: ${reason}`);
    emit({ bench: 'cold_start', skipped: reason });
  };
  if (!existsSync(`${root}dist/index.html`)) {
    return skip('dist/ is missing: run `npm run build` first');
  }
  if (!existsSync(`${root}dist/db/tuzhang.tar.gz`)) {
    return skip('dist/db/tuzhang.tar.gz is missing: run `npm run build` (it builds the database first)');
  }
  if (!existsSync(CHROMIUM_PATH)) return skip(`${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);

  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${port}/`;
  const browser = await launchChromium();
  const blocked = new Set<string>();
  try {
    log(`cold start: ${runs} run(s) of ${url} in ${browser.version()}`);
    const visits: [Visit, Visit][] = [];
    for (let i = 0; i < runs; i++) {
      const [first, second] = await oneRun(browser, url, blocked);
      log(
        `  run ${i + 1}: first visit ready ${first.dataReadyMs} ms, map ${first.firstMapPaintMs} ms; ` +
          `second visit ready ${second.dataReadyMs} ms, map ${second.firstMapPaintMs} ms`,
      );
      visits.push([first, second]);
    }
    for (const visit of ['first', 'second'] as const) {
      const all = visits.map(([first, second]) => (visit === 'first' ? first : second));
      const painted = all.map((v) => v.firstMapPaintMs);
      if (painted.every((p) => p === null)) {
        log(`  ${visit} visit: #root never carried data-map-painted="true"; first_map_paint_ms is null`);
      }
      emit({
        bench: 'cold_start',
        visit,
        first_map_paint_ms: median(painted),
        data_ready_ms: median(all.map((v) => v.dataReadyMs)),
        dom_content_loaded_ms: median(all.map((v) => v.domContentLoadedMs)),
        errors: all.filter((v) => v.error).length,
        downloaded_prebuilt: all.filter((v) => v.downloaded).length,
        runs,
        first_map_paint_samples_ms: painted,
        data_ready_samples_ms: all.map((v) => v.dataReadyMs),
        chromium: browser.version(),
      });
    }
    if (blocked.size > 0) log(`  blocked requests to: ${[...blocked].sort().join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
