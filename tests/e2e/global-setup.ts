// Serves dist/ for the end-to-end tests on a free local port.
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html') || !existsSync('dist/db/tuzhang.tar.gz')) {
    throw new Error('dist/ is missing or incomplete: run `npm run build` first');
  }
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report its URL');
  project.provide('baseUrl', address);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
