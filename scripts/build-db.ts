// Builds the prebuilt embedded database: bootstrap + migrations + seed applied in PGlite, dumped
// as a gzipped data directory that the app's first start loads (≈2 s instead of ≈10 s of
// `create extension postgis` and seeding). Skips the work when its inputs have not changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { bootstrapSql, migrate, migrations } from '../src/data/schema';
import { pgliteExtensions } from '../src/data/embedded/pglite-options';

const root = fileURLToPath(new URL('..', import.meta.url));
export const prebuiltDir = `${root}public/db`;
export const prebuiltPath = `${prebuiltDir}/tuzhang.tar.gz`;
const manifestPath = `${prebuiltDir}/tuzhang.json`;

function inputsHash(seed: string): string {
  const pkg = JSON.parse(readFileSync(`${root}node_modules/@electric-sql/pglite/package.json`, 'utf8')) as {
    version: string;
  };
  const h = createHash('sha256').update(pkg.version).update(bootstrapSql).update(seed);
  for (const m of migrations) h.update(m.version).update(m.sql);
  return h.digest('hex').slice(0, 16);
}

export async function buildPrebuiltDatabase(): Promise<{ path: string; built: boolean }> {
  const seed = readFileSync(`${root}supabase/seed.sql`, 'utf8');
  const hash = inputsHash(seed);
  if (existsSync(prebuiltPath) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { hash: string };
    if (manifest.hash === hash) return { path: prebuiltPath, built: false };
  }
  const started = Date.now();
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  try {
    await migrate(pg);
    await pg.exec(seed);
    await pg.exec('vacuum analyze');
    const dump = await pg.dumpDataDir('gzip');
    mkdirSync(prebuiltDir, { recursive: true });
    writeFileSync(prebuiltPath, Buffer.from(await dump.arrayBuffer()));
    writeFileSync(
      manifestPath,
      JSON.stringify({ hash, migrations: migrations.map((m) => m.version), bytes: dump.size }, null, 2),
    );
    console.log(
      `prebuilt database: ${(dump.size / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await pg.close();
  }
  return { path: prebuiltPath, built: true };
}
