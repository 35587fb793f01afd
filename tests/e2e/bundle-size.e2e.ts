// The initial JavaScript (everything but the lazily loaded database worker and its PGlite and
// PostGIS files) stays within 900 KB gzipped. Counted from the build; the map's own worker is
// included, though it loads beside the page rather than before it.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = 'dist/assets';
const LIMIT = 900 * 1024;

describe('the build', () => {
  it('keeps the initial JavaScript under 900 KB gzipped, the database in a lazy worker chunk', () => {
    const files = readdirSync(ASSETS);
    const adapter = files.find((f) => /^embedded-backend-.*\.js$/.test(f));
    expect(adapter, 'the embedded adapter is its own chunk').toBeDefined();
    const workerChunk = /worker-[\w-]+\.js/.exec(readFileSync(`${ASSETS}/${adapter}`, 'utf8'))?.[0];
    expect(workerChunk, 'the adapter starts the database worker from its own chunk').toBeDefined();
    expect(readFileSync(`${ASSETS}/${workerChunk}`, 'utf8')).toContain('pglite');
    const initial = files.filter((f) => /\.(m?js)$/.test(f) && f !== workerChunk);
    const gzipped = initial.reduce((sum, f) => sum + gzipSync(readFileSync(`${ASSETS}/${f}`)).length, 0);
    console.log(`initial JavaScript: ${(gzipped / 1024).toFixed(0)} KB gzipped in ${initial.length} files`);
    expect(gzipped).toBeLessThanOrEqual(LIMIT);
    // The main chunk must not carry PGlite itself.
    const main = files.find((f) => /^index-.*\.js$/.test(f))!;
    expect(readFileSync(`${ASSETS}/${main}`, 'utf8')).not.toMatch(/pglite\.wasm/);
  });
});
