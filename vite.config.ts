import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// pdf.js reads the CMaps of non-embedded CJK fonts and the data of the standard fonts at run time.
// The app serves them itself at <base>pdfjs/ (no CDN): copied from node_modules into the build,
// served from there by the dev server.
const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_DIRS = ['cmaps', 'standard_fonts'];

function pdfjsAssets(): Plugin {
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use(`${server.config.base}pdfjs/`, (req, res, next) => {
        const [dir, name, ...rest] = decodeURIComponent((req.url ?? '').split('?')[0]!)
          .split('/')
          .slice(1);
        // Only the files pdf.js ships in those folders, never a path of the request's making.
        const known = dir && PDFJS_DIRS.includes(dir) && rest.length === 0;
        if (!known || !name || !readdirSync(path.join(PDFJS, dir)).includes(name)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(path.join(PDFJS, dir, name)).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS) {
        for (const name of readdirSync(path.join(PDFJS, dir))) {
          const source = readFileSync(path.join(PDFJS, dir, name));
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source });
        }
      }
    },
  };
}

// PGlite and its PostGIS extension load their own .wasm/.data files relative to their modules:
// pre-bundling would break those URLs, so both stay out of optimizeDeps.
export default defineConfig({
  plugins: [react(), pdfjsAssets()],
  optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Read by tests/e2e/bundle-size.e2e.ts to tell what the page loads at start from what it loads later.
    manifest: true,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
