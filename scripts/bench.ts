// The Tuzhang benchmark: `npm run bench [-- options]`. Results go to stdout as JSON lines, one
// object per line (every line has "bench"; a part that cannot run prints a line with "skipped" and
// the reason); human progress goes to stderr (console.log is redirected there too, so stdout
// carries nothing but results). Deterministic and offline; about 5–8 minutes on 2 cores.
//
// 1. Map API latency, on PGlite + PostGIS in Node (opened from the prebuilt data directory, as the
//    app's first start) and on PostgreSQL 15 + PostGIS: TUZHANG_PG_URL if set, else a server
//    already answering on scripts/pg15.sh's port (both left running: `pg15.sh start` would wipe
//    or collide with another session's), else one started with scripts/pg15.sh and stopped at the
//    end; a "skipped" line if PostgreSQL 15 is not installed or does not start. A fresh database
//    `tuzhang_bench_<pid>` (dropped at the end) is built by migrate() + supabase/seed.sql.
//    On top of the seed, 10 000, then 100 000 (and 1 000 000, see below) pollution sources are
//    generated in SQL: numbered g = 1, 2, …, ids enterprise-B000001 …, kinds enterprise /
//    construction_site / restaurant in turn, placed by md5('tuzhang-bench:' || g) uniformly over
//    the bounding box of 惠济区 (113.49–113.80 E, 34.80–34.97 N), is_sample, district 410108;
//    then `analyze`. At each size, every function is called as the app calls it (callAsRole with
//    the embedded user's claims: a transaction, role authenticated, request.jwt.claims) and timed
//    call by call, sequentially, after untimed warm-up calls:
//      features_in_view   street (0.02° around station-1324A), township (0.1°), district (whole
//                         bounding box; aggregated into a grid beyond 5 000 features)
//      sources_in_control_zone('station-1324A'), search_features('新华旅馆')
//    Lines: {"bench":"features_in_view","db":"pglite"|"pg15","sources":10000,"view":"district",
//    "p50_ms","p95_ms","min_ms","max_ms","mean_ms","n", plus what the call returned}, and
//    {"bench":"generate_sources",…,"insert_ms","analyze_ms"} per size. Percentiles are nearest-rank.
//    Timed calls per case: PGlite 30 (after 3 warm-up calls), PostgreSQL 100 (after 5); a case
//    stops early once it has taken 20 s (PGlite) or 10 s (PostgreSQL) and has at least 10 samples,
//    and warming up stops after 3 s — this keeps the slow 100k/1M cases inside the time budget.
//    "database" lines give each server's version, PostGIS version and whether JIT is on (it is by
//    default on PostgreSQL 15 and costs the small calls dearly at 100k+ sources; compare with
//    `PGOPTIONS='-c jit=off' npm run bench -- --only=pg15`).
//    1 000 000 sources: on PostgreSQL by default, within a budget — the 900 000-row insert runs
//    with statement_timeout 90 s and the case is skipped (a "skipped" line) if it does not finish;
//    --no-million leaves it out. On PGlite only with --million (several minutes of WASM).
// 2. Embedded cold start in headless Chromium (scripts/bench/cold-start.ts): dist/ (not built
//    here: run `npm run build` first, else a "skipped" line) served by vite preview, Debian's
//    /usr/bin/chromium via playwright-core, viewport 1024×700, requests leaving the preview server
//    blocked. Per fresh browser context: first visit (empty IndexedDB), then a reload (IndexedDB
//    filled). Times from navigation start until #root[data-map-painted="true"] (first map paint;
//    null if the app never sets it) and #root[data-state="ready"] (data ready), median of
//    --cold-runs runs (default 3): {"bench":"cold_start","visit":"first"|"second",
//    "first_map_paint_ms","data_ready_ms",…, "downloaded_prebuilt": runs that fetched the tarball}.
//
// Options: --only=pglite,pg15,cold-start (parts to run; default all), --million, --no-million,
// --cold-runs=N. A part that fails prints {"bench":…,"error":…}, the others still run, and the
// exit status is 1.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchColdStart } from './bench/cold-start';
import {
  benchDatabase,
  describeDb,
  openPg,
  openPglite,
  startPg,
  type BenchDb,
  type DbName,
} from './bench/databases';
import { emit, log, type TimingPlan } from './bench/report';

console.log = console.error;
console.info = console.error;

type Part = DbName | 'cold-start';
const PARTS: readonly Part[] = ['pglite', 'pg15', 'cold-start'];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
for (const a of args) {
  if (!/^--(million|no-million|only=.+|cold-runs=\d+)$/.test(a)) {
    console.error(`unknown option ${a}; see the header of scripts/bench.ts`);
    process.exit(64);
  }
}
const only = (option('only')?.split(',') ?? PARTS) as Part[];
for (const p of only) {
  if (!PARTS.includes(p)) {
    console.error(`--only takes ${PARTS.join(', ')}`);
    process.exit(64);
  }
}
const coldRuns = Number(option('cold-runs') ?? 3);

const PGLITE_PLAN: TimingPlan = { warmup: 3, warmupBudgetMs: 3_000, n: 30, budgetMs: 20_000, minN: 10 };
const PG_PLAN: TimingPlan = { warmup: 5, warmupBudgetMs: 3_000, n: 100, budgetMs: 10_000, minN: 10 };
const MILLION_BUDGET_MS = 90_000;

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      log(`clean-up failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function measure(open: () => Promise<BenchDb>, sizes: { sources: number; timeoutMs?: number }[]) {
  const db = await open();
  cleanups.push(() => db.close());
  const info = await describeDb(db);
  emit({ bench: 'database', db: db.name, ...info });
  await benchDatabase(db, sizes, db.name === 'pglite' ? PGLITE_PLAN : PG_PLAN);
}

async function benchPglite() {
  log('== PGlite + PostGIS (Node)');
  await measure(openPglite, [
    { sources: 10_000 },
    { sources: 100_000 },
    ...(flag('million') ? [{ sources: 1_000_000 }] : []),
  ]);
}

async function benchPg() {
  log('== PostgreSQL 15 + PostGIS');
  const server = await startPg();
  if ('skipped' in server) {
    log(`PostgreSQL skipped: ${server.skipped}`);
    emit({ bench: 'database', db: 'pg15', skipped: server.skipped });
    return;
  }
  cleanups.push(server.stop);
  await measure(
    () => openPg(server.url),
    [
      { sources: 10_000 },
      { sources: 100_000 },
      ...(flag('no-million') ? [] : [{ sources: 1_000_000, timeoutMs: MILLION_BUDGET_MS }]),
    ],
  );
}

async function benchBrowser() {
  log('== embedded cold start (Chromium)');
  await benchColdStart(coldRuns);
}

const started = performance.now();
emit({
  bench: 'environment',
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  // Other work on the machine skews every figure: the load average when the run began.
  loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  args: args.join(' '),
});
const parts: Record<Part, () => Promise<void>> = {
  pglite: benchPglite,
  pg15: benchPg,
  'cold-start': benchBrowser,
};
let failed = false;
// A part that fails prints an "error" line and the others still run; the exit status tells.
for (const part of PARTS.filter((p) => only.includes(p))) {
  try {
    await parts[part]();
  } catch (error) {
    failed = true;
    log(`${part} failed: ${(error as Error).stack ?? String(error)}`);
    const message = (error as Error).message ?? String(error);
    emit(
      part === 'cold-start'
        ? { bench: 'cold_start', error: message }
        : { bench: 'database', db: part, error: message },
    );
  } finally {
    await cleanUp();
  }
}
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed) process.exitCode = 1;
