// The API matrix: every function in public × every kind of caller, on PGlite and PostgreSQL 15,
// called the way both backends call it (named arguments, the caller's role and JWT claims).
// Each cell says what the caller gets:
//   y  an answer that includes the fixture's row (or, for lists, something)
//   0  an answer without it (null, or an empty list): what the caller may not read is not there
//   x  refused with 42501 (no EXECUTE grant, a policy, or the function's own role check)
//   a reason code: refused with that code (e.g. role_not_allowed, not_found)
// A meta-test fails when a function of public lacks its row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBackendError } from '../../src/data/backend';
import { rpcStatement, type RpcArgs, type RpcName } from '../../src/data/rpc';
import { ACTORS, runAs, TOWNSHIP_B, type Actor } from './actors';
import { EVIDENCE, FIXTURE, ITEM, MERGE } from './fixture';
import { openTarget, targetNames, type DbTarget } from './targets';

type Cell = 'y' | '0' | 'x' | string;
interface FunctionCase<N extends RpcName> {
  args: RpcArgs<N>;
  /** Whether the answer holds what the fixture put there; by default: not null, not empty. */
  seen?: (result: unknown) => boolean;
  expect: Record<Actor, Cell>;
}
type Matrix = { [N in RpcName]: FunctionCase<N> };

const readers = (seenBy: Partial<Record<Actor, Cell>> = {}): Record<Actor, Cell> => ({
  anon: 'x',
  viewer: 'y',
  townshipA: 'y',
  townshipB: '0',
  command: 'y',
  planner: 'y',
  ...seenBy,
});
const everyMember = readers({ townshipB: 'y' });
const plannersOnly: Record<Actor, Cell> = {
  anon: 'x',
  viewer: 'x',
  townshipA: 'x',
  townshipB: 'x',
  command: 'x',
  planner: 'y',
};
const hasFeature = (id: string) => (r: unknown) =>
  ((r as { features?: { id: string }[] } | null)?.features ?? []).some((f) => f.id === id);

const MATRIX: Matrix = {
  features_in_view: {
    args: { min_lon: 113.599, min_lat: 34.849, max_lon: 113.601, max_lat: 34.851, kinds: ['enterprise'] },
    seen: hasFeature('enterprise-RLS1'),
    expect: readers(),
  },
  feature_detail: { args: { feature_id: 'enterprise-RLS1' }, expect: readers() },
  task_features: { args: { task_id: 'task-rls-1' }, expect: readers() },
  search_features: { args: { q: 'RLS测试企业' }, seen: hasFeature('enterprise-RLS1'), expect: readers() },
  sources_in_control_zone: { args: { station_id: 'station-RLS9' }, expect: readers() },
  whoami: { args: {}, expect: everyMember },
  work_items_list: {
    args: { task_id: 'task-rls-1' },
    seen: (r) => (r as { items: { id: string }[] }).items.some((i) => i.id === ITEM),
    expect: readers(),
  },
  item_detail: { args: { item_id: ITEM }, expect: readers() },
  evidence_file: { args: { evidence_id: EVIDENCE }, expect: readers() },
  act_on_item: {
    args: { item_id: ITEM, action: 'report', base_version: 2, note: '进展' },
    expect: { ...readers({ townshipB: 'x' }), viewer: 'role_not_allowed' },
  },
  dispatch_item: {
    args: { task_id: 'task-rls-1', township_code: TOWNSHIP_B },
    expect: { ...plannersOnly, command: 'y' },
  },
  update_item: {
    args: { item_id: ITEM, base_version: 2, changes: { deadline: '2030-01-01' } },
    expect: { ...plannersOnly, townshipB: 'not_found', command: 'y' },
  },
  update_feature: {
    args: { feature_id: 'enterprise-RLS1', base_version: 1, changes: { name: '改名企业' } },
    expect: { ...plannersOnly, townshipB: 'not_found' },
  },
  update_task: {
    args: { task_id: 'task-rls-1', base_version: 1, changes: { title: '改名任务' } },
    expect: { ...plannersOnly, townshipB: 'not_found' },
  },
  history_of: { args: { feature_id: 'enterprise-RLS1' }, expect: readers() },
  districts_list: { args: {}, expect: everyMember },
  import_plan: {
    args: {
      district_code: '410108',
      plan: {
        title: '矩阵测试方案',
        doc_number: '矩阵〔2026〕1号',
        issuer: null,
        issued_on: null,
        region: '惠济区',
        year: 2026,
        period: null,
        targets: [],
        tasks: [
          {
            number: '1',
            title: '测试任务',
            section: null,
            deadlines: [],
            assignments: [
              {
                scope: null,
                lead_units: ['区环保局'],
                cooperating_units: [],
                responsible_units: [],
                note: null,
              },
            ],
          },
        ],
      },
    },
    expect: plannersOnly,
  },
  plans_list: { args: {}, expect: everyMember },
  units_list: { args: { district_code: '410108' }, expect: everyMember },
  merge_units: {
    args: { from_unit_id: 'unit-410108-rls', into_unit_id: 'unit-410108-003' },
    expect: plannersOnly,
  },
  rename_unit: {
    args: { unit_id: 'unit-410108-rls', new_name: 'RLS新名', base_version: 1 },
    expect: plannersOnly,
  },
  unmerge_unit: { args: { merge_id: MERGE }, expect: plannersOnly },
  ledger_tasks: {
    args: { q: 'RLS测试任务' },
    seen: (r) => (r as { tasks: { id: string }[] }).tasks.some((t) => t.id === 'task-rls-1'),
    expect: readers(),
  },
  link_feature_to_task: {
    args: { feature_id: 'enterprise-RLS1', task_id: 'task-huiji-2017-air-3' },
    expect: plannersOnly,
  },
  unlink_feature_from_task: {
    args: { feature_id: 'enterprise-RLS1', task_id: 'task-rls-1' },
    expect: plannersOnly,
  },
};

function present(result: unknown): boolean {
  if (result === null || result === undefined) return false;
  if (Array.isArray(result)) return result.length > 0;
  const r = result as { features?: unknown[]; items?: unknown[]; tasks?: unknown[] };
  for (const list of [r.features, r.items, r.tasks]) if (Array.isArray(list)) return list.length > 0;
  return true;
}

describe.each(targetNames())('API matrix on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('covers every function of public, for every caller', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public'
         and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
       order by 1`,
    );
    expect(Object.keys(MATRIX).sort()).toEqual(rows.map((r) => r.name));
    for (const c of Object.values(MATRIX)) expect(Object.keys(c.expect).sort()).toEqual([...ACTORS].sort());
  });

  describe.each(Object.keys(MATRIX) as RpcName[])('%s', (fn) => {
    it.each([...ACTORS])('%s', async (actor) => {
      const c = MATRIX[fn] as FunctionCase<RpcName>;
      const { sql, params } = rpcStatement(fn, c.args);
      const got = await runAs<{ result: unknown }>(db, actor, sql, FIXTURE, params);
      let cell: Cell;
      if (got.ok) cell = (c.seen ?? present)(got.rows[0]!.result) ? 'y' : '0';
      else {
        const code = toBackendError(got).code;
        cell = code === 'permission_denied' ? 'x' : code === 'unknown' ? `${got.code}: ${got.message}` : code;
      }
      expect(cell).toBe(c.expect[actor]);
    });
  });
});
