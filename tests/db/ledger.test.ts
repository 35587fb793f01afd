// The ledger (台账) on both databases: every filter of ledger_tasks against the same question asked
// of the tables directly, the due flags against src/domain/ledger/deadline.ts, what each role
// sees, and linking tasks to features (planners only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { townshipUserId } from '../../data/generator/members';
import { isDueSoon, isOverdue } from '../../src/domain/ledger/deadline';
import type { LedgerTaskList } from '../../src/domain/ledger/ledger-types';
import { CLAIMS, TOWNSHIP_A } from './actors';
import { openTarget, targetNames, type DbTarget } from './targets';

const ALL = { limit_n: 2000 };
const ids = (list: LedgerTaskList) => list.tasks.map((t) => t.id);
const sorted = (list: LedgerTaskList) => ids(list).sort();

describe.each(targetNames())('ledger on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  const idsOf = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ id: string }>(sql, params)).rows.map((r) => r.id).sort();
  const heldBy = (township: string) =>
    idsOf('select distinct task_id as id from public.work_items where township_code = $1', [township]);

  it('lists every task, newest plan first and in plan order, each with its due date, flags and progress', async () => {
    const all = await db.call('ledger_tasks', ALL);
    const expected = (
      await db.query<{ id: string }>(
        `select t.id from public.tasks t join public.plans p on p.id = t.plan_id
         order by p.issued_on desc nulls last, t.plan_id, t.sort_order, t.id`,
      )
    ).rows.map((r) => r.id);
    expect(ids(all)).toEqual(expected);
    expect(all.total).toBe(expected.length);
    // The 60-day campaign's tasks are due when the campaign ends.
    expect(all.tasks[0]).toMatchObject({
      id: 'task-weidong-2021-60day-1',
      plan: { id: 'plan-weidong-2021-60day', doc_number: '平卫攻坚办〔2021〕8号' },
      deadline: null,
      due: '2021-06-05',
      overdue: true,
      due_soon: false,
      progress: null,
    });
    const few = await db.call('ledger_tasks', { limit_n: 5 });
    expect(few).toMatchObject({ total: all.total, overdue: all.overdue });
    expect(few.tasks).toHaveLength(5);
  });

  it('filters by plan', async () => {
    const list = await db.call('ledger_tasks', { plan_id: 'plan-songbiao-2019-air' });
    expect(list.total).toBe(34);
    expect(list.tasks.every((t) => t.plan.id === 'plan-songbiao-2019-air')).toBe(true);
  });

  it('filters by unit, in any role or in one', async () => {
    for (const role of [null, 'lead', 'cooperating', 'responsible'] as const) {
      const list = await db.call('ledger_tasks', { ...ALL, unit_id: 'unit-410108-003', unit_role: role });
      const expected = await idsOf(
        `select distinct task_id as id from public.task_units
         where unit_id = 'unit-410108-003' and ($1::text is null or role = $1)`,
        [role],
      );
      expect(sorted(list), String(role)).toEqual(expected);
      if (role !== 'cooperating') expect(list.total, String(role)).toBeGreaterThan(0);
    }
  });

  it('filters by township: the tasks it holds items of, which is what that township itself sees', async () => {
    const filtered = await db.call('ledger_tasks', { ...ALL, township_code: TOWNSHIP_A });
    expect(sorted(filtered)).toEqual(await heldBy(TOWNSHIP_A));
    const own = await db.call('ledger_tasks', ALL, CLAIMS.townshipA);
    expect(sorted(own)).toEqual(sorted(filtered));
    // Its counts are of its own items only.
    const t = own.tasks[0]!;
    const mine = await db.query<{ n: number }>(
      'select count(*)::int as n from public.work_items where task_id = $1 and township_code = $2',
      [t.id, TOWNSHIP_A],
    );
    expect(t.items.total).toBe(mine.rows[0]!.n);
  });

  it("shows 送表矿区 its own plan's tasks and a limited viewer its district's", async () => {
    const mining = await db.call('ledger_tasks', ALL, {
      sub: townshipUserId('410185400'),
      role: 'authenticated',
    });
    expect(sorted(mining)).toEqual(await heldBy('410185400'));
    expect(mining.tasks.every((t) => t.plan.id === 'plan-songbiao-2019-air')).toBe(true);
    const viewer = await db.call('ledger_tasks', ALL, CLAIMS.viewer);
    expect(sorted(viewer)).toEqual(
      await idsOf(
        "select t.id from public.tasks t join public.plans p on p.id = t.plan_id where p.district_code = '410108'",
      ),
    );
  });

  it('filters by derived status and shows the newest progress note the caller may read', async () => {
    const item = (
      await db.call('work_items_list', { statuses: ['not_started'], limit_n: 1 }, CLAIMS.townshipA)
    ).items[0]!;
    await db.call(
      'act_on_item',
      { item_id: item.id, action: 'report', base_version: item.version, note: '已排查12家' },
      CLAIMS.townshipA,
    );
    const all = await db.call('ledger_tasks', ALL);
    let listed = 0;
    for (const status of ['not_started', 'in_progress', 'done', 'closed'] as const) {
      const list = await db.call('ledger_tasks', { ...ALL, statuses: [status] });
      expect(list.tasks.every((t) => t.status === status)).toBe(true);
      listed += list.total;
    }
    expect(listed).toBe(all.total);
    const task = (await db.call('ledger_tasks', { ...ALL, statuses: ['in_progress'] })).tasks.find(
      (t) => t.id === item.task.id,
    )!;
    expect(task.progress).toMatchObject({
      note: '已排查12家',
      actor_name: '古荥镇',
      township_name: '古荥镇',
    });
    const other = (await db.call('ledger_tasks', ALL, CLAIMS.townshipB)).tasks.find(
      (t) => t.id === item.task.id,
    );
    if (other) expect(other.progress).toBeNull();
  });

  it('flags overdue and due-soon tasks by the China date, as isOverdue and isDueSoon do, and filters by them', async () => {
    const { rows } = await db.query<{ d: string }>(
      "select to_char(private.china_today(), 'YYYY-MM-DD') as d",
    );
    const today = rows[0]!.d;
    const plus = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const huiji = (await db.call('ledger_tasks', { plan_id: 'plan-huiji-2017-air' })).tasks;
    const [dueToday, dueSoon, dueLater] = ['1', '4', '7'].map((n) => huiji.find((t) => t.number === n)!);
    for (const [task, due] of [
      [dueToday!, today],
      [dueSoon!, plus(6)],
      [dueLater!, plus(10)],
    ] as const) {
      await db.call('update_task', {
        task_id: task.id,
        base_version: task.version,
        changes: { deadlines: [due] },
      });
    }

    const now = new Date();
    const all = await db.call('ledger_tasks', ALL);
    for (const t of all.tasks) {
      expect(t.overdue, t.id).toBe(isOverdue(t.due, t.status, now));
      expect(t.due_soon, t.id).toBe(isDueSoon(t.due, t.status, now));
    }
    expect(all.due_soon).toBe(2);
    expect(all.overdue).toBe(all.tasks.filter((t) => t.overdue).length);

    expect(sorted(await db.call('ledger_tasks', { due_within_days: 7 }))).toEqual(
      [dueToday!.id, dueSoon!.id].sort(),
    );
    expect(sorted(await db.call('ledger_tasks', { due_within_days: 14 }))).toEqual(
      [dueToday!.id, dueSoon!.id, dueLater!.id].sort(),
    );
    const overdue = await db.call('ledger_tasks', { ...ALL, overdue_only: true });
    expect(overdue.total).toBe(all.overdue);
    expect(overdue.tasks.every((t) => t.overdue)).toBe(true);
  });

  it('finds tasks by text in number, title, section, plan, 文号 or a printed unit name', async () => {
    expect(ids(await db.call('ledger_tasks', { q: '区督考办' }))).toEqual(['task-huiji-2017-air-31']);
    expect((await db.call('ledger_tasks', { q: '平卫攻坚办〔2021〕8号' })).total).toBe(22);
    expect((await db.call('ledger_tasks', { q: '禁燃区' })).tasks.map((t) => t.title)).toContain(
      '强化高污染燃料禁燃区建设、管理',
    );
    expect((await db.call('ledger_tasks', { q: '  ' })).total).toBe(
      (await db.call('ledger_tasks', {})).total,
    );
  });

  it('refuses unknown filters with invalid_filter', async () => {
    for (const args of [{ unit_role: 'boss' }, { statuses: ['open'] }, { due_within_days: -1 }]) {
      await expect(db.call('ledger_tasks', args as never)).rejects.toMatchObject({ code: 'invalid_filter' });
    }
  });

  it("lets planners link and unlink features, answering with the task's feature count", async () => {
    const task = 'task-huiji-2017-air-5';
    const [feature] = await idsOf(
      `select f.id from public.features f
       where f.township_code = $1 and not exists (
         select 1 from public.feature_tasks ft where ft.feature_id = f.id and ft.task_id = $2)
       order by f.id limit 1`,
      [TOWNSHIP_A, task],
    );
    const before = (await db.call('task_features', { task_id: task }))!.features.length;
    const linked = { task_id: task, feature_id: feature!, linked: true, feature_count: before + 1 };
    expect(
      await db.call('link_feature_to_task', { feature_id: feature!, task_id: task, note: '现场核查' }),
    ).toEqual(linked);
    expect(await db.call('link_feature_to_task', { feature_id: feature!, task_id: task })).toEqual(linked);
    const row = (await db.call('ledger_tasks', { q: '开展重点行业深度治理' })).tasks.find(
      (t) => t.id === task,
    )!;
    expect(row.feature_count).toBe(before + 1);
    // The feature's item reaches the township it lies in.
    const itemOf = async () =>
      (await db.call('work_items_list', { task_id: task, feature_id: feature! }, CLAIMS.townshipA)).items;
    expect(await itemOf()).toHaveLength(1);

    const unlinked = { ...linked, linked: false, feature_count: before };
    expect(await db.call('unlink_feature_from_task', { feature_id: feature!, task_id: task })).toEqual(
      unlinked,
    );
    expect(await itemOf()).toEqual([]);
    expect(await db.call('unlink_feature_from_task', { feature_id: feature!, task_id: task })).toEqual(
      unlinked,
    );

    // An item someone has acted on stays on record when its feature is unlinked.
    await db.call('link_feature_to_task', { feature_id: feature!, task_id: task });
    const [item] = await itemOf();
    await db.call(
      'act_on_item',
      { item_id: item!.id, action: 'start', base_version: item!.version },
      CLAIMS.townshipA,
    );
    await db.call('unlink_feature_from_task', { feature_id: feature!, task_id: task });
    expect(await itemOf()).toMatchObject([{ id: item!.id, status: 'in_progress' }]);

    await expect(
      db.call('link_feature_to_task', { feature_id: 'enterprise-NOPE', task_id: task }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      db.call('link_feature_to_task', { feature_id: feature!, task_id: 'task-nope' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("refuses to link a feature that lies outside the plan's district, naming both districts", async () => {
    const task = 'task-huiji-2017-air-5';
    const linkedTo = async (feature: string) =>
      (
        await db.query('select 1 from public.feature_tasks where feature_id = $1 and task_id = $2', [
          feature,
          task,
        ])
      ).rows.length;
    const [mine] = await idsOf("select id from public.features where kind = 'mine' order by id limit 1");
    const { rows: mineRows } = await db.query<{ name: string }>(
      'select name from public.features where id = $1',
      [mine],
    );
    await expect(db.call('link_feature_to_task', { feature_id: mine!, task_id: task })).rejects.toMatchObject(
      {
        code: 'outside_plan_district',
        detail: {
          feature: { id: mine, name: mineRows[0]!.name },
          feature_district: { code: '410185', name: '登封市' },
          plan_district: { code: '410108', name: '惠济区' },
        },
      },
    );
    expect(await linkedTo(mine!)).toBe(0);

    // Where the feature lies is read from its geometry, not from its recorded district.
    await db.exec(`insert into public.features (id, kind, name, geom, district_code)
      values ('enterprise-FAR1', 'enterprise', '区外企业',
              extensions.st_setsrid(extensions.st_makepoint(120.1, 30.2), 4326), '410108')`);
    await expect(
      db.call('link_feature_to_task', { feature_id: 'enterprise-FAR1', task_id: task }),
    ).rejects.toMatchObject({
      code: 'outside_plan_district',
      detail: { feature_district: null, plan_district: { code: '410108' } },
    });
    expect(await linkedTo('enterprise-FAR1')).toBe(0);

    // A zone that crosses the boundary lies in the district too.
    await db.exec(`insert into public.features (id, kind, name, geom, district_code)
      select 'coal_ban_zone-EDGE1', 'coal_ban_zone', '跨界禁燃区',
        extensions.st_buffer(extensions.st_startpoint(extensions.st_exteriorring(d.geom))::extensions.geography, 200)::extensions.geometry,
        '410108'
      from (select (extensions.st_dump(geom)).geom from public.districts where code = '410108' limit 1) d`);
    const { rows: edge } = await db.query<{ inside: boolean; covered: boolean }>(
      `select extensions.st_intersects(d.geom, f.geom) as inside, extensions.st_coveredby(f.geom, d.geom) as covered
       from public.features f, public.districts d where f.id = 'coal_ban_zone-EDGE1' and d.code = '410108'`,
    );
    expect(edge).toEqual([{ inside: true, covered: false }]);
    expect(
      await db.call('link_feature_to_task', { feature_id: 'coal_ban_zone-EDGE1', task_id: task }),
    ).toMatchObject({
      linked: true,
    });

    // A plan that names no district takes any feature.
    await db.exec(`insert into public.plans (id, title) values ('plan-no-district', '无区县方案');
      insert into public.tasks (id, plan_id, number, title) values ('task-no-district-1', 'plan-no-district', '1', '任务')`);
    expect(
      await db.call('link_feature_to_task', { feature_id: mine!, task_id: 'task-no-district-1' }),
    ).toMatchObject({ linked: true, feature_count: 1 });
  });

  it('refuses linking and unlinking to everyone but planners', async () => {
    const { rows } = await db.query<{ feature_id: string; task_id: string }>(
      `select ft.feature_id, ft.task_id from public.feature_tasks ft
       join public.work_items i on i.task_id = ft.task_id and i.township_code = $1
       order by 1, 2 limit 1`,
      [TOWNSHIP_A],
    );
    const link = rows[0]!;
    for (const actor of ['townshipA', 'command', 'viewer'] as const) {
      await expect(db.call('unlink_feature_from_task', link, CLAIMS[actor])).rejects.toMatchObject({
        code: 'permission_denied',
      });
      await expect(db.call('link_feature_to_task', link, CLAIMS[actor])).rejects.toMatchObject({
        code: 'permission_denied',
      });
    }
    const still = await db.query(
      'select 1 from public.feature_tasks where feature_id = $1 and task_id = $2',
      [link.feature_id, link.task_id],
    );
    expect(still.rows).toHaveLength(1);
  });
});
