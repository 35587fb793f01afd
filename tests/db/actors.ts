// The six kinds of caller of the RLS tests, as the seeded demo users (data/generator/members.ts),
// and a way to run SQL as one of them the way PostgREST would: inside a transaction, with the
// request's role and JWT claims, after fixtures written by the database owner.
import { DEMO_COMMAND, DEMO_PLANNER, DEMO_VIEWER, townshipUserId } from '../../data/generator/members';
import type { JwtClaims } from '../../src/data/embedded/rpc-session';
import type { SqlSession } from '../../src/data/schema';

export type Actor = 'anon' | 'viewer' | 'townshipA' | 'townshipB' | 'command' | 'planner';
export const ACTORS: readonly Actor[] = ['anon', 'viewer', 'townshipA', 'townshipB', 'command', 'planner'];

/** 古荥镇 and 花园口镇, two townships of 惠济区; the viewer is limited to 惠济区. */
export const TOWNSHIP_A = '410108105';
export const TOWNSHIP_B = '410108106';

export const CLAIMS: Record<Actor, JwtClaims> = {
  anon: { sub: '', role: 'anon' },
  viewer: { sub: DEMO_VIEWER, role: 'authenticated' },
  townshipA: { sub: townshipUserId(TOWNSHIP_A), role: 'authenticated' },
  townshipB: { sub: townshipUserId(TOWNSHIP_B), role: 'authenticated' },
  command: { sub: DEMO_COMMAND, role: 'authenticated' },
  planner: { sub: DEMO_PLANNER, role: 'authenticated' },
};

export type Outcome<T> = { ok: true; rows: T[] } | { ok: false; code: string; message: string };

async function setClaims(db: SqlSession, claims: JwtClaims, role?: string): Promise<void> {
  await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
  if (role) await db.query("select set_config('role', $1, true)", [role]);
}

/**
 * Runs `sql` as `actor` (or any claims) after `fixture` (run by the owner with the planner's claims, so triggers
 * that ask for the caller's role work), in a transaction that is always rolled back.
 */
export async function runAs<T>(
  db: SqlSession,
  actor: Actor | JwtClaims,
  sql: string,
  fixture = '',
  params: unknown[] = [],
): Promise<Outcome<T>> {
  await db.exec('begin');
  try {
    if (fixture) {
      await setClaims(db, CLAIMS.planner);
      await db.exec(fixture);
    }
    const claims = typeof actor === 'string' ? CLAIMS[actor] : actor;
    await setClaims(db, claims, claims.role);
    const { rows } = await db.query<T>(sql, params);
    // Deferred constraints (evidence for 已完成) are part of what the database says.
    await db.exec('set constraints all immediate');
    return { ok: true, rows };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'unknown', message: e.message ?? String(error) };
  } finally {
    await db.exec('rollback');
  }
}
