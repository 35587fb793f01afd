// The JavaScript the page loads at start stays within 900 KB gzipped: the entry chunk and
// everything it imports statically (read from Vite's manifest), plus the map's own worker, which
// loads beside the page. Chunks loaded on demand (the database adapter and its PGlite worker, the
// Excel writer, mammoth, cfb, pdf.js and its worker) do not count, and the database must be one of
// them.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const LIMIT = 900 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

describe('the build', () => {
  it('keeps the initial JavaScript under 900 KB gzipped, the database in a lazy worker chunk', () => {
    const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const initial = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key]!;
      if (initial.has(chunk.file)) return;
      initial.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    visit('index.html');
    const mapWorker = Object.values(manifest).find((c) => /maplibre-gl-worker/.test(c.file));
    expect(mapWorker, 'the map worker is in the build').toBeDefined();
    initial.add(mapWorker!.file);

    const adapter = manifest['src/data/embedded/embedded-backend.ts'];
    expect(adapter, 'the embedded adapter is its own chunk').toBeDefined();
    expect(initial.has(adapter!.file), 'the embedded adapter loads on demand').toBe(false);
    const workerChunk = /worker-[\w-]+\.js/.exec(readFileSync(`${DIST}/${adapter!.file}`, 'utf8'))?.[0];
    expect(workerChunk, 'the adapter starts the database worker from its own chunk').toBeDefined();
    expect(readFileSync(`${DIST}/assets/${workerChunk}`, 'utf8')).toContain('pglite');

    const gzipped = [...initial].reduce((sum, f) => sum + gzipSync(readFileSync(`${DIST}/${f}`)).length, 0);
    console.log(`initial JavaScript: ${(gzipped / 1024).toFixed(0)} KB gzipped in ${initial.size} files`);
    expect(gzipped).toBeLessThanOrEqual(LIMIT);
    for (const f of initial) expect(readFileSync(`${DIST}/${f}`, 'utf8'), f).not.toMatch(/pglite\.wasm/);
  });
});
