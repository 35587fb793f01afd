// The row-level security matrix: every table in public × every kind of caller × select, insert,
// update, delete, on PGlite and on PostgreSQL 15. Each cell says what PostgreSQL really does:
//   y  the operation reaches the row (select sees it, a write changes it)
//   0  zero rows: a USING policy hides the row, no error
//   x  an error 42501: no grant, or a WITH CHECK policy refusing the new row
// A meta-test fails when a table of public lacks RLS or lacks its row in the matrix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, runAs, TOWNSHIP_A, TOWNSHIP_B, type Actor } from './actors';
import { A_USER, EVENT, EVIDENCE, FIXTURE, ITEM, MERGE, NEW_USER, OTHER_USER } from './fixture';
import { openTarget, targetNames, type DbTarget } from './targets';

interface TableCase {
  /** Rows of the fixture the caller should or should not see. */
  select: string;
  insert: string;
  update: string;
  delete: string;
  expect: Record<Actor, string>;
}

const everyMember = (cells: string, anon = 'xxxx') => ({
  anon,
  viewer: cells,
  townshipA: cells,
  townshipB: cells,
  command: cells,
  planner: cells,
});

const MATRIX: Record<string, TableCase> = {
  districts: {
    select: "code = '410108'",
    insert: `insert into public.districts (code, name, geom) values ('410199', '测试区',
      extensions.st_multi(extensions.st_makeenvelope(113, 34, 113.1, 34.1, 4326)))`,
    update: "update public.districts set name = name where code = '410108'",
    delete: "delete from public.districts where code = '410108'",
    expect: everyMember('yxxx'),
  },
  townships: {
    select: `code = '${TOWNSHIP_A}'`,
    insert:
      "insert into public.townships (code, name, district_code) values ('410108999', '测试镇', '410108')",
    update: `update public.townships set name = name where code = '${TOWNSHIP_A}'`,
    delete: `delete from public.townships where code = '${TOWNSHIP_A}'`,
    expect: everyMember('yxxx'),
  },
  units: {
    select: "id = 'unit-410108-rls'",
    insert:
      "insert into public.units (id, name, district_code) values ('unit-410108-rls2', 'RLS单位二', '410108')",
    update: "update public.units set name = name where id = 'unit-410108-rls'",
    delete: "delete from public.units where id = 'unit-410108-rls'",
    expect: { ...everyMember('yx00'), planner: 'yyyy' },
  },
  unit_aliases: {
    select: "alias_name = 'RLS旧名'",
    insert:
      "insert into public.unit_aliases (district_code, alias_name, unit_id) values ('410108', 'RLS别名二', 'unit-410108-rls')",
    update: "update public.unit_aliases set alias_name = alias_name where alias_name = 'RLS旧名'",
    delete: "delete from public.unit_aliases where alias_name = 'RLS旧名'",
    expect: { ...everyMember('yx00'), planner: 'yyyy' },
  },
  features: {
    select: "id = 'enterprise-RLS1'",
    insert: `insert into public.features (id, kind, name, geom, district_code, township_code)
      values ('enterprise-RLS2', 'enterprise', '新企业',
              extensions.st_setsrid(extensions.st_makepoint(113.56, 34.86), 4326), '410108', '${TOWNSHIP_A}')`,
    update: "update public.features set name = name || '改' where id = 'enterprise-RLS1'",
    delete: "delete from public.features where id = 'enterprise-RLS1'",
    expect: { ...everyMember('yx00'), townshipB: '0x00', planner: 'yyyy' },
  },
  plans: {
    select: "id = 'plan-rls-test'",
    insert: "insert into public.plans (id, title, district_code) values ('plan-rls-2', '新方案', '410108')",
    update: "update public.plans set title = title || '改' where id = 'plan-rls-test'",
    delete: "delete from public.plans where id = 'plan-rls-test'",
    expect: { ...everyMember('yx00'), planner: 'yyyy' },
  },
  tasks: {
    select: "id = 'task-rls-1'",
    insert:
      "insert into public.tasks (id, plan_id, number, title) values ('task-rls-2', 'plan-rls-test', 'R2', '新任务')",
    update: "update public.tasks set title = title || '改' where id = 'task-rls-1'",
    delete: "delete from public.tasks where id = 'task-rls-1'",
    expect: { ...everyMember('yx00'), townshipB: '0x00', planner: 'yyyy' },
  },
  task_units: {
    select: "task_id = 'task-rls-1' and unit_id = 'unit-410108-003'",
    insert: `insert into public.task_units (task_id, unit_id, role, name_as_printed)
      values ('task-rls-1', 'unit-410108-001', 'cooperating', '区发改统计局')`,
    update: "update public.task_units set name_as_printed = name_as_printed where task_id = 'task-rls-1'",
    delete: "delete from public.task_units where task_id = 'task-rls-1'",
    expect: { ...everyMember('yx00'), townshipB: '0x00', planner: 'yyyy' },
  },
  feature_tasks: {
    select: "feature_id = 'enterprise-RLS1' and task_id = 'task-rls-1'",
    insert:
      "insert into public.feature_tasks (feature_id, task_id) values ('enterprise-RLS1', 'task-huiji-2017-air-3')",
    update: "update public.feature_tasks set note = 'n' where feature_id = 'enterprise-RLS1'",
    delete: "delete from public.feature_tasks where feature_id = 'enterprise-RLS1'",
    expect: { ...everyMember('yx00'), townshipB: '0x00', planner: 'yyyy' },
  },
  unit_merges: {
    select: `id = ${MERGE}`,
    insert: `insert into public.unit_merges (district_code, unit_id, unit_row, into_unit_id)
      values ('410108', 'unit-410108-rls3', '{"id": "unit-410108-rls3", "name": "RLS单位三"}', 'unit-410108-rls')`,
    update: `update public.unit_merges set undone_at = now() where id = ${MERGE}`,
    delete: `delete from public.unit_merges where id = ${MERGE}`,
    expect: { ...everyMember('yx0x'), planner: 'yyyx' },
  },
  memberships: {
    select: `user_id = '${OTHER_USER}'`,
    insert: `insert into public.memberships (user_id, role, display_name) values ('${NEW_USER}', 'viewer', '新用户')`,
    update: `update public.memberships set display_name = 'X' where user_id = '${OTHER_USER}'`,
    delete: `delete from public.memberships where user_id = '${OTHER_USER}'`,
    expect: { ...everyMember('0x00'), command: 'yx00', planner: 'yyyy' },
  },
  work_items: {
    select: `id = '${ITEM}'`,
    insert: `insert into public.work_items (task_id, township_code) values ('task-rls-1', '${TOWNSHIP_B}')`,
    update: `update public.work_items set deadline = date '2030-01-01' where id = '${ITEM}'`,
    delete: `delete from public.work_items where id = '${ITEM}'`,
    expect: { ...everyMember('yx00'), townshipB: '0x00', command: 'yyyy', planner: 'yyyy' },
  },
  work_item_events: {
    select: `id = '${EVENT}'`,
    insert: `insert into public.work_item_events (item_id, action, base_version, note) values ('${ITEM}', 'report', 2, '进展')`,
    update: `update public.work_item_events set note = 'x' where id = '${EVENT}'`,
    delete: `delete from public.work_item_events where id = '${EVENT}'`,
    expect: {
      anon: 'xxxx',
      viewer: 'yxxx',
      townshipA: 'yyxx',
      townshipB: '0xxx',
      command: 'yyxx',
      planner: 'yyxx',
    },
  },
  evidence: {
    select: `id = '${EVIDENCE}'`,
    insert: `insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, content)
      values ('${EVENT}', '${ITEM}', 'b.txt', 'text/plain', 1, 'y')`,
    update: `update public.evidence set file_name = 'c.txt' where id = '${EVIDENCE}'`,
    delete: `delete from public.evidence where id = '${EVIDENCE}'`,
    expect: { ...everyMember('yxxx'), townshipB: '0xxx', planner: 'yyxx' },
  },
  history: {
    select: "feature_id = 'enterprise-RLS1'",
    insert:
      "insert into public.history (table_name, op, row_key, new_row) values ('features', 'insert', 'x', '{}')",
    update: "update public.history set row_key = row_key where feature_id = 'enterprise-RLS1'",
    delete: "delete from public.history where feature_id = 'enterprise-RLS1'",
    expect: { ...everyMember('yxxx'), townshipB: '0xxx' },
  },
  client_submissions: {
    select: `user_id = '${A_USER}'`,
    insert: `insert into public.client_submissions (client_id, fn, result)
      values ('00000000-0000-4000-a000-0000000000c2', 'act_on_item', '{}')`,
    update: `update public.client_submissions set fn = fn where user_id = '${A_USER}'`,
    delete: `delete from public.client_submissions where user_id = '${A_USER}'`,
    expect: { ...everyMember('0yxx'), townshipA: 'yyxx' },
  },
};

const OPS = ['select', 'insert', 'update', 'delete'] as const;

function statement(table: string, op: (typeof OPS)[number]): string {
  const c = MATRIX[table]!;
  if (op === 'select') return `select count(*)::int as n from public.${table} where ${c.select}`;
  return `with changed as (${c[op]} returning 1) select count(*)::int as n from changed`;
}

describe.each(targetNames())('row-level security matrix on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('covers every table of public, each with RLS on and a cell for every caller and operation', async () => {
    const { rows } = await db.query<{ name: string; rls: boolean }>(
      `select c.relname as name, c.relrowsecurity as rls from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    expect(rows.filter((r) => !r.rls)).toEqual([]);
    expect(Object.keys(MATRIX).sort()).toEqual(rows.map((r) => r.name));
    for (const c of Object.values(MATRIX)) {
      expect(Object.keys(c.expect).sort()).toEqual([...ACTORS].sort());
      for (const cells of Object.values(c.expect)) expect(cells).toMatch(/^[y0x]{4}$/);
    }
  });

  it('sets up the fixture it relies on', async () => {
    const seen = await runAs<{ n: number }>(
      db,
      'planner',
      'select count(*)::int as n from public.work_items',
      FIXTURE,
    );
    expect(seen).toMatchObject({ ok: true });
  });

  describe.each(Object.keys(MATRIX))('%s', (table) => {
    it.each(ACTORS.flatMap((actor) => OPS.map((op, i) => [actor, op, i] as const)))(
      '%s %s',
      async (actor, op, i) => {
        const want = MATRIX[table]!.expect[actor][i];
        const got = await runAs<{ n: number }>(db, actor, statement(table, op), FIXTURE);
        const cell = got.ok
          ? got.rows[0]!.n > 0
            ? 'y'
            : '0'
          : got.code === '42501'
            ? 'x'
            : `error ${got.code}`;
        expect(cell, got.ok ? '' : got.message).toBe(want);
      },
    );
  });
});
