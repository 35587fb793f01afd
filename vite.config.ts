import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// PGlite and its PostGIS extension load their own .wasm/.data files relative to their modules:
// pre-bundling would break those URLs, so both stay out of optimizeDeps.
export default defineConfig({
  plugins: [react()],
  optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
