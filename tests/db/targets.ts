// The databases every database test runs against: PGlite + PostGIS (always) and PostgreSQL 15 +
// PostGIS 3.3 when TUZHANG_PG_URL is set (scripts/pg15.sh start). Each test file gets a fresh
// database: PGlite from the prebuilt data directory, PostgreSQL from a template built once (or,
// with a prelude, built anew: the prelude, then the migrations and the seed).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteExtensions } from '../../src/data/embedded/pglite-options';
import { callAsRole, type JwtClaims } from '../../src/data/embedded/rpc-session';
import type { RpcArgs, RpcName, RpcResult } from '../../src/data/rpc';
import { migrate, type SqlSession } from '../../src/data/schema';
import { prebuiltPath } from '../../scripts/build-db';
import { DEMO_PLANNER, townshipUserId } from '../../data/generator/members';

export type TargetName = 'pglite' | 'pg15';
export const PG_TEMPLATE = 'tuzhang_template';

export function targetNames(): TargetName[] {
  return process.env.TUZHANG_PG_URL ? ['pglite', 'pg15'] : ['pglite'];
}

export interface DbTarget extends SqlSession {
  name: TargetName;
  /** PostgreSQL 15 only: this test file's own database, for opening more connections to it. */
  database?: string;
  /** Calls an API function as a signed-in user, the way both backends do. */
  call<N extends RpcName>(name: N, args: RpcArgs<N>, claims?: JwtClaims): Promise<RpcResult<N>>;
  /** Server notices collected since the last call of takeNotices (auto_explain plans). */
  takeNotices(): string[];
  close(): Promise<void>;
}

/** The seeded demo users (data/generator/members.ts): the planner reads everything. */
export const signedIn: JwtClaims = { sub: DEMO_PLANNER, role: 'authenticated' };
/** 古荥镇's township user: reads only what lies in or is dispatched to 古荥镇. */
export const townshipUser: JwtClaims = { sub: townshipUserId('410108105'), role: 'authenticated' };
export const anonymous: JwtClaims = { sub: '', role: 'anon' };

export function pgSession(client: pg.Client): SqlSession {
  return {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await client.query(sql, params)).rows as T[],
    }),
  };
}

/** The bootstrap, every migration and the seed, as every test database has them. */
export async function migrateAndSeed(client: pg.Client): Promise<void> {
  await migrate(pgSession(client));
  await client.query(readFileSync(new URL('../../supabase/seed.sql', import.meta.url), 'utf8'));
}

/**
 * Opens a fresh database of the target. `prelude` (PostgreSQL 15 only) is SQL run on an empty
 * database before the migrations, e.g. the parts of Supabase that plain PostgreSQL lacks.
 */
export async function openTarget(name: TargetName, prelude?: string): Promise<DbTarget> {
  const notices: string[] = [];
  let session: SqlSession;
  let close: () => Promise<void>;
  let database: string | undefined;
  if (name === 'pglite') {
    if (prelude) throw new Error('a prelude needs a database built anew: PostgreSQL 15 only');
    const { auto_explain } = await import('@electric-sql/pglite/contrib/auto_explain');
    const db = await PGlite.create({
      extensions: { ...pgliteExtensions, auto_explain },
      loadDataDir: new Blob([readFileSync(prebuiltPath)]),
    });
    session = {
      exec: (sql) => db.exec(sql),
      query: <T>(sql: string, params?: unknown[]) =>
        db.query<T>(sql, params, { onNotice: (n) => notices.push(n.message ?? '') }),
    };
    close = () => db.close();
  } else {
    const url = new URL(process.env.TUZHANG_PG_URL!);
    const dbName = `tz_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    database = dbName;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create database ${dbName}${prelude ? '' : ` template ${PG_TEMPLATE}`}`);
    url.pathname = `/${dbName}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    if (prelude) {
      await client.query(prelude);
      await migrateAndSeed(client);
    }
    client.on('notice', (n) => notices.push(n.message ?? ''));
    session = pgSession(client);
    close = async () => {
      await client.end();
      await admin.query(`drop database if exists ${dbName}`);
      await admin.end();
    };
  }
  return {
    name,
    database,
    ...session,
    call: (fn, args, claims = signedIn) => callAsRole(session, claims, fn, args),
    takeNotices: () => notices.splice(0),
    close,
  };
}
