// The databases the benchmark measures: PGlite + PostGIS in Node (opened from the prebuilt data
// directory, as the app's first start does) and PostgreSQL 15 + PostGIS (a fresh database built
// by migrate() + supabase/seed.sql, as tests/db/global-setup.ts builds its template). Plus the
// generator of extra pollution sources and the cases timed at every size.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildPrebuiltDatabase, prebuiltPath } from '../build-db';
import { migrate, type SqlSession } from '../../src/data/schema';
import { pgliteExtensions } from '../../src/data/embedded/pglite-options';
import { callAsRole, type JwtClaims } from '../../src/data/embedded/rpc-session';
import type { RpcArgs, RpcName, RpcResult } from '../../src/data/rpc';
import { emit, log, ms, summarize, timeCalls, type Json, type TimingPlan } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** The embedded app's first user, the demo planner (DEFAULT_DEMO_USER in src/data/embedded/embedded-backend.ts). */
export const CLAIMS: JwtClaims = { sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' };

export type DbName = 'pglite' | 'pg15';

export interface BenchDb {
  name: DbName;
  session: SqlSession;
  close(): Promise<void>;
}

/** Calls an API function exactly as the app does: a transaction, the caller's role and claims. */
export function call<N extends RpcName>(db: BenchDb, name: N, args: RpcArgs<N>): Promise<RpcResult<N>> {
  return callAsRole(db.session, CLAIMS, name, args);
}

export async function openPglite(): Promise<BenchDb> {
  const { built } = await buildPrebuiltDatabase();
  if (built) log(`built the prebuilt database ${prebuiltPath}`);
  const t0 = performance.now();
  const db = await PGlite.create({
    extensions: pgliteExtensions,
    loadDataDir: new Blob([readFileSync(prebuiltPath)]),
  });
  log(`PGlite opened from the prebuilt data directory in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    name: 'pglite',
    session: { exec: (sql) => db.exec(sql), query: (sql, params) => db.query(sql, params) },
    close: () => db.close(),
  };
}

/** Per process, so that two benchmarks sharing a server do not drop each other's database. */
/**
 * A client whose lost connection (the server stopped under it) fails the query in progress
 * instead of crashing the process with an unhandled 'error' event.
 */
function connectable(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on('error', (error) => log(`PostgreSQL connection lost: ${error.message}`));
  return client;
}

export const BENCH_DATABASE = `tuzhang_bench_${process.pid}`;

/** A fresh database `tuzhang_bench_<pid>` on the server at `url`, dropped again by close(). */
export async function openPg(url: string): Promise<BenchDb> {
  const admin = connectable(url);
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DATABASE}`);
  await admin.query(`create database ${BENCH_DATABASE}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${BENCH_DATABASE}`;
  const client = connectable(dbUrl.toString());
  await client.connect();
  const session: SqlSession = {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await client.query(sql, params)).rows as T[],
    }),
  };
  const t0 = performance.now();
  await migrate(session);
  await client.query(readFileSync(`${root}supabase/seed.sql`, 'utf8'));
  log(
    `PostgreSQL: migrated and seeded ${BENCH_DATABASE} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return {
    name: 'pg15',
    session,
    close: async () => {
      await client.end();
      await admin.query(`drop database if exists ${BENCH_DATABASE}`);
      await admin.end();
    },
  };
}

const pg15Script = `${root}scripts/pg15.sh`;

/** The process id of the server scripts/pg15.sh runs, if any. */
function postmasterPid(): string | null {
  try {
    return readFileSync(`${root}.cache/pg15/data/postmaster.pid`, 'utf8').split('\n')[0]!.trim();
  } catch {
    return null;
  }
}

/** Whether a PostgreSQL server answers at `url`. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server to measure: TUZHANG_PG_URL when set; else one already answering on
 * scripts/pg15.sh's port (another session's tests may be using it, and `pg15.sh start` would
 * wipe it or fail on the port); both are left running. Otherwise one started by scripts/pg15.sh
 * and stopped by `stop`. Skipped, with the reason, when PostgreSQL 15 is not installed or does
 * not start.
 */
export async function startPg(): Promise<{ url: string; stop: () => Promise<void> } | { skipped: string }> {
  const given = process.env.TUZHANG_PG_URL;
  if (given) return { url: given, stop: async () => {} };
  if (!existsSync('/usr/lib/postgresql/15/bin/postgres')) {
    return { skipped: 'PostgreSQL 15 is not installed (apt-get install -y postgresql-15-postgis-3)' };
  }
  const running = `postgres://postgres@127.0.0.1:${process.env.TUZHANG_PG_PORT ?? '54315'}/postgres`;
  if (await answers(running)) {
    log(`using the PostgreSQL already running at ${running}; leaving it running`);
    return { url: running, stop: async () => {} };
  }
  try {
    const { stdout } = await run(pg15Script, ['start']);
    const url = /^TUZHANG_PG_URL=(.+)$/m.exec(stdout)?.[1]?.trim();
    if (!url) throw new Error(`scripts/pg15.sh start printed no TUZHANG_PG_URL: ${stdout}`);
    const pid = postmasterPid();
    log(`started PostgreSQL 15 (pid ${pid}): ${url}`);
    return {
      url,
      stop: async () => {
        // Another session's `pg15.sh start` may have replaced our server with its own meanwhile.
        if (postmasterPid() !== pid) return log('PostgreSQL 15 was restarted by someone else: left running');
        await run(pg15Script, ['stop']);
        log('stopped PostgreSQL 15');
      },
    };
  } catch (error) {
    let serverLog = '';
    try {
      serverLog = readFileSync(`${root}.cache/pg15/server.log`, 'utf8')
        .split('\n')
        .filter((l) => /FATAL|HINT/.test(l))
        .join(' ');
    } catch {
      // no log: initdb or pg_ctl failed before the server wrote one
    }
    return {
      skipped: `scripts/pg15.sh start failed: ${(error as Error).message.trim()} ${serverLog}`.trim(),
    };
  }
}

export async function describeDb(db: BenchDb): Promise<{ version: string; postgis: string; jit: boolean }> {
  const { rows } = await db.session.query<{ version: string; postgis: string; jit: boolean }>(
    `select version() as version, extensions.postgis_lib_version() as postgis,
      current_setting('jit')::boolean and pg_jit_available() as jit`,
  );
  return rows[0]!;
}

// Sources placed by a hash of their number: deterministic, uniform over the bounding box of 惠济区
// (113.49–113.80 E, 34.80–34.97 N), kinds in turn. Numbers from..to, so sizes grow by appending.
const GENERATE_SOURCES = `
insert into public.features (id, kind, name, geom, district_code, is_sample)
select
  k.kind || '-B' || n.num,
  k.kind,
  k.label || n.num,
  extensions.st_setsrid(extensions.st_makepoint(
    round((113.49 + 0.31 * (('x' || substr(h.md5, 1, 8))::bit(32)::bigint / 4294967296.0))::numeric, 6)::float8,
    round((34.80 + 0.17 * (('x' || substr(h.md5, 9, 8))::bit(32)::bigint / 4294967296.0))::numeric, 6)::float8
  ), 4326),
  '410108',
  true
from generate_series($1::int, $2::int) g
cross join lateral (select lpad(g::text, greatest(6, length(g::text)), '0') as num) n
cross join lateral (select md5('tuzhang-bench:' || g) as md5) h
cross join lateral (
  select (array['enterprise', 'construction_site', 'restaurant'])[1 + (g - 1) % 3] as kind,
         (array['基准企业', '基准工地', '基准餐馆'])[1 + (g - 1) % 3] as label
) k`;

/** Adds generated sources numbered from..to and analyzes; returns the milliseconds it took. */
export async function addSources(
  db: BenchDb,
  from: number,
  to: number,
  timeoutMs?: number,
): Promise<{ insertMs: number; analyzeMs: number }> {
  const t0 = performance.now();
  if (timeoutMs !== undefined) await db.session.exec(`set statement_timeout = ${Math.round(timeoutMs)}`);
  try {
    await db.session.query(GENERATE_SOURCES, [from, to]);
  } finally {
    if (timeoutMs !== undefined) await db.session.exec('reset statement_timeout');
  }
  const t1 = performance.now();
  await db.session.exec('analyze public.features');
  return { insertMs: t1 - t0, analyzeMs: performance.now() - t1 };
}

export interface View {
  view: string;
  bbox: [number, number, number, number];
}

/** Map views of three sizes; the district view exceeds max_features (5000) from 10k sources on. */
export const VIEWS: readonly View[] = [
  // A street around 岗李水库 (station-1324A) and its control zone: 0.02° × 0.02°.
  { view: 'street', bbox: [113.505, 34.901, 113.525, 34.921] },
  // A township around the district's middle: 0.1° × 0.1°.
  { view: 'township', bbox: [113.595, 34.835, 113.695, 34.935] },
  // The whole district: its bounding box.
  { view: 'district', bbox: [113.49, 34.8, 113.8, 34.97] },
];

const ZONE_STATION = 'station-1324A';
const SEARCH_QUERY = '新华旅馆';

/** Times every case at one size and prints a line each. */
export async function benchSize(db: BenchDb, sources: number, plan: TimingPlan): Promise<void> {
  const base = { db: db.name, sources };
  const report = (bench: string, samples: number[], extra: Record<string, Json>) => {
    const line = { bench, ...base, ...extra, ...summarize(samples) };
    emit(line);
    log(`  ${bench} ${extra.view ?? ''} p50 ${line.p50_ms} ms, p95 ${line.p95_ms} ms (n=${line.n})`);
  };

  for (const { view, bbox } of VIEWS) {
    const [min_lon, min_lat, max_lon, max_lat] = bbox;
    const { samples, last } = await timeCalls(
      () => call(db, 'features_in_view', { min_lon, min_lat, max_lon, max_lat }),
      plan,
    );
    report('features_in_view', samples, {
      view,
      bbox,
      in_view: Object.values(last.counts).reduce((a, b) => a + (b ?? 0), 0),
      returned: last.features.length,
      aggregated: last.aggregated,
    });
  }

  {
    const { samples, last } = await timeCalls(
      () => call(db, 'sources_in_control_zone', { station_id: ZONE_STATION }),
      plan,
    );
    report('sources_in_control_zone', samples, {
      station_id: ZONE_STATION,
      total: last?.total ?? null,
      truncated: last?.truncated ?? null,
    });
  }

  {
    const { samples, last } = await timeCalls(() => call(db, 'search_features', { q: SEARCH_QUERY }), plan);
    report('search_features', samples, {
      q: SEARCH_QUERY,
      hits: last.features.length,
      first: last.features[0]?.id ?? null,
    });
  }
}

/** Grows the generated sources to each size in turn and times the cases at each. */
export async function benchDatabase(
  db: BenchDb,
  sizes: readonly { sources: number; timeoutMs?: number }[],
  plan: TimingPlan,
): Promise<void> {
  let have = 0;
  for (const { sources, timeoutMs } of sizes) {
    log(`${db.name}: generating sources ${have + 1}..${sources}`);
    try {
      const { insertMs, analyzeMs } = await addSources(db, have + 1, sources, timeoutMs);
      emit({
        bench: 'generate_sources',
        db: db.name,
        sources,
        added: sources - have,
        insert_ms: ms(insertMs),
        analyze_ms: ms(analyzeMs),
      });
    } catch (error) {
      if ((error as { code?: string }).code !== '57014') throw error; // query_canceled
      const reason = `generating ${sources - have} sources exceeded the budget of ${timeoutMs} ms`;
      emit({ bench: 'generate_sources', db: db.name, sources, skipped: reason });
      log(`${db.name}: ${reason}; skipping ${sources}`);
      return;
    }
    have = sources;
    await benchSize(db, sources, plan);
  }
}
