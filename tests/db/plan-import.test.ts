// Plan documents become the ledger, on both databases: the three seeded plans' gold annotations
// imported again under new 文号, refused or replaced in place when the 文号 is known, refused for
// every role but planners, stored once per client id, checked for bad input; units resolved
// through the registry, merged, and resolved again through the alias; keys and task ids as the
// TypeScript twins compute them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskId } from '../../data/generator/ledger';
import type { Backend } from '../../src/data/backend';
import { existingPlanOf, importPlan, planProblemOf } from '../../src/data/plans/plans';
import { listUnits, mergeUnits } from '../../src/data/units/units';
import { linkFeature } from '../../src/data/ledger/ledger';
import type { Plan, ParsedDocument } from '../../src/domain/plan/types';
import { unitKey } from '../../src/domain/plan/units';
import { CLAIMS, type Actor } from './actors';
import { refusal, smallPlan } from './plans';
import { openTarget, targetNames, type DbTarget } from './targets';

const gold = (file: string): Plan =>
  (JSON.parse(readFileSync(`data/plans/${file}.gold.json`, 'utf8')) as ParsedDocument).plans[0]!;

const HUIJI = gold('huiji-2017-air-plan');
const SONGBIAO = gold('songbiao-2019-air-plan');
const WEIDONG = gold('weidong-2021-60day-plan');

describe.each(targetNames())('plan import on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The data layer's functions, run against this file's database as `actor`. */
  const as = (actor: Actor) => ({ call: (fn, args) => db.call(fn, args, CLAIMS[actor]) }) as Backend;
  const planner = as('planner');

  const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
  const tasksOf = async (planId: string) =>
    Object.fromEntries(
      (
        await rows<{ number: string; id: string }>(
          'select number, id from public.tasks where plan_id = $1 order by sort_order',
          [planId],
        )
      ).map((r) => [r.number, r.id]),
    );
  /** Each task's units by role, as the panel shows them, keyed by task number. */
  const unitsByNumber = async (planId: string) =>
    Object.fromEntries(
      (await db.call('ledger_tasks', { plan_id: planId })).tasks.map((t) => [t.number, t.units]),
    );
  const townshipsOf = async (district: string) =>
    (
      await rows<{ code: string }>(
        'select code from public.townships where district_code = $1 order by code',
        [district],
      )
    ).map((r) => r.code);
  const itemTownships = async (taskId: string, unitId: string) =>
    (
      await rows<{ code: string | null }>(
        `select township_code as code from public.work_items
         where task_id = $1 and unit_id = $2 and feature_id is null order by 1`,
        [taskId, unitId],
      )
    ).map((r) => r.code);

  it('imports 惠济区 again under a new 文号: every task, every assignment as printed, the same units', async () => {
    const result = await importPlan(planner, {
      plan: { ...HUIJI, title: '惠济区2026年大气污染防治攻坚行动方案', doc_number: '惠政〔2026〕2号' },
      district_code: '410108',
    });
    const seeded = await rows<{ n: number }>(
      `select count(*)::int as n from public.task_units tu join public.tasks t on t.id = tu.task_id
       where t.plan_id = 'plan-huiji-2017-air'`,
    );
    expect(result).toMatchObject({
      created: true,
      tasks: 39,
      assignments: seeded[0]!.n,
      units_created: 0,
      tasks_added: 39,
      tasks_removed: 0,
    });
    expect(result.plan_id).toMatch(/^plan-410108-2017-[0-9a-f]{10}$/);
    const tasks = await tasksOf(result.plan_id);
    expect(tasks['1']).toBe(taskId(result.plan_id.slice('plan-'.length), '1'));
    // Names as printed (各镇(街道) in task 12 is half-width), each resolved to the seeded unit.
    expect(await unitsByNumber(result.plan_id)).toEqual(await unitsByNumber('plan-huiji-2017-air'));
    const units12 = (await unitsByNumber(result.plan_id))['12']!;
    expect(units12.responsible).toEqual([{ id: 'unit-410108-004', name: '各镇(街道)' }]);
    // 各镇（街道）: one item for each township of the district; a lead department: one item.
    expect(await itemTownships(tasks['1']!, 'unit-410108-004')).toEqual(await townshipsOf('410108'));
    expect(await itemTownships(tasks['1']!, 'unit-410108-001')).toEqual([null]);
  });

  it("imports 送表矿区 as a township's own plan: every item belongs to that township", async () => {
    const result = await importPlan(planner, {
      plan: { ...SONGBIAO, doc_number: '送管发〔2026〕18号' },
      district_code: '410185',
      township_code: '410185400',
      source_text: '登封市送表矿区……实施方案',
    });
    expect(result).toMatchObject({ created: true, tasks: 34, units_created: 0 });
    expect(await unitsByNumber(result.plan_id)).toEqual(await unitsByNumber('plan-songbiao-2019-air'));
    const townships = await rows<{ code: string | null }>(
      `select distinct i.township_code as code from public.work_items i
       join public.tasks t on t.id = i.task_id where t.plan_id = $1`,
      [result.plan_id],
    );
    expect(townships).toEqual([{ code: '410185400' }]);
    const plan = (await db.call('plans_list', {})).find((p) => p.id === result.plan_id)!;
    expect(plan).toMatchObject({
      doc_number: '送管发〔2026〕18号',
      township: { code: '410185400', name: '送表矿区' },
      task_count: 34,
      targets: SONGBIAO.targets,
    });
    const stored = await rows<{ source_text: string }>('select source_text from public.plans where id = $1', [
      result.plan_id,
    ]);
    expect(stored[0]!.source_text).toBe('登封市送表矿区……实施方案');
  });

  it('imports 卫东区 into another district: unknown names become units of the kind the client says', async () => {
    const printed = WEIDONG.tasks.flatMap((t) =>
      t.assignments.flatMap((a) => [...a.lead_units, ...a.cooperating_units, ...a.responsible_units]),
    );
    const unknown = await rows<{ n: number }>(
      `select count(distinct private.unit_key(n))::int as n from unnest($1::text[]) n
       where private.find_unit('410108', n) is null`,
      [printed],
    );
    const result = await importPlan(planner, {
      plan: { ...WEIDONG, doc_number: '平卫攻坚办〔2026〕8号' },
      district_code: '410108',
    });
    expect(result).toMatchObject({ created: true, tasks: 22, units_created: unknown[0]!.n });
    expect(result.units_created).toBeGreaterThan(0);
    const units = await listUnits(planner, '410108');
    const unit = (n: string) => units.find((u) => u.name === n)!;
    expect(unit('各街道办事处')).toMatchObject({
      kind: 'group',
      covers: 'all_townships',
      district_code: '410108',
    });
    expect(unit('相关街道办事处')).toMatchObject({ kind: 'group', covers: 'chosen_townships' });
    expect(unit('区控尘办')).toMatchObject({ kind: 'department', covers: null });
    const tasks = await tasksOf(result.plan_id);
    const byNumber = await unitsByNumber(result.plan_id);
    expect(byNumber['4']!.responsible[0]).toEqual({ id: 'unit-410108-016', name: '区住建局' });
    expect(await itemTownships(tasks['3']!, unit('各街道办事处').id)).toEqual(await townshipsOf('410108'));
    // 相关街道: command picks the townships later, so no item yet.
    expect(await itemTownships(tasks['18']!, unit('相关街道办事处').id)).toEqual([]);
  });

  it('refuses a known 文号 (or, without one, a known title in the district) with plan_exists and that plan', async () => {
    const plan = { ...HUIJI, title: '惠济区2026年大气污染防治攻坚行动方案', doc_number: '惠政〔2026〕2号' };
    const error = await refusal(importPlan(planner, { plan, district_code: '410108' }));
    expect(error.code).toBe('plan_exists');
    expect(existingPlanOf(error)).toEqual({
      plan_id: expect.stringMatching(/^plan-410108-/),
      title: plan.title,
      doc_number: plan.doc_number,
      task_count: 39,
    });

    const untitled = { ...smallPlan('x', ['区环保局']), doc_number: null, title: '无文号测试方案' };
    await importPlan(planner, { plan: untitled, district_code: '410108' });
    expect((await refusal(importPlan(planner, { plan: untitled, district_code: '410108' }))).code).toBe(
      'plan_exists',
    );
    expect(await importPlan(planner, { plan: untitled, district_code: '410403' })).toMatchObject({
      created: true,
    });
  });

  it('replaces in place: same plan and task ids, titles and units updated, vanished tasks gone, links and progress kept', async () => {
    const base = { ...WEIDONG, title: '卫东区替换测试方案', doc_number: '平卫攻坚办〔2026〕9号' };
    const first = await importPlan(planner, { plan: base, district_code: '410403' });
    const before = await tasksOf(first.plan_id);
    const feature = (
      await rows<{ id: string }>("select id from public.features where district_code = '410403' limit 2")
    ).map((r) => r.id);
    await linkFeature(planner, feature[0]!, before['3']!);
    await linkFeature(planner, feature[1]!, before['22']!);
    const items3 = await rows<{ id: string; version: number }>(
      'select id, version from public.work_items where task_id = $1 order by id',
      [before['3']],
    );
    const started = await db.call('act_on_item', {
      item_id: items3[0]!.id,
      action: 'start',
      base_version: items3[0]!.version,
    });

    const changed: Plan = structuredClone(base);
    changed.tasks = changed.tasks.filter((t) => t.number !== '22');
    const task = (n: string) => changed.tasks.find((t) => t.number === n)!;
    task('3').title = '严防“散乱污”死灰复燃（修订）';
    task('4').assignments[0]!.responsible_units = task('4').assignments[0]!.responsible_units.filter(
      (u) => u !== '区住建局',
    );
    task('5').deadlines = ['2021-05-20'];
    changed.tasks.push({ ...task('3'), number: '23', title: '新增：国控站点周边巡查' });

    const second = await importPlan(planner, {
      plan: changed,
      district_code: '410403',
      replace_existing: true,
    });
    expect(second).toEqual({
      plan_id: first.plan_id,
      created: false,
      tasks: 22,
      assignments: expect.any(Number),
      units_created: 0,
      tasks_added: 1,
      tasks_removed: 1,
    });
    const after = await tasksOf(first.plan_id);
    expect(Object.keys(after)).toEqual([...changed.tasks.map((t) => t.number)]);
    for (const n of Object.keys(after).filter((k) => k !== '23')) expect(after[n], n).toBe(before[n]);
    expect(
      await rows('select 1 from public.plans where doc_number = $1', ['平卫攻坚办〔2026〕9号']),
    ).toHaveLength(1);

    const ledger = await db.call('ledger_tasks', { plan_id: first.plan_id });
    const t3 = ledger.tasks.find((t) => t.number === '3')!;
    expect(t3).toMatchObject({
      title: '严防“散乱污”死灰复燃（修订）',
      feature_count: 1,
      status: 'in_progress',
    });
    const kept = await rows<{ id: string }>(
      'select id from public.work_items where task_id = $1 order by id',
      [before['3']],
    );
    expect(kept.map((r) => r.id)).toEqual(items3.map((r) => r.id));
    expect(await db.call('item_detail', { item_id: started.id })).toMatchObject({ status: 'in_progress' });

    // Task 22 went with its feature link and items.
    expect(await db.call('task_features', { task_id: before['22']! })).toBeNull();
    expect(await rows('select 1 from public.feature_tasks where task_id = $1', [before['22']])).toEqual([]);
    expect(await rows('select 1 from public.work_items where task_id = $1', [before['22']])).toEqual([]);

    // 区住建局 no longer answers for task 4: its untouched item is withdrawn.
    const t4 = ledger.tasks.find((t) => t.number === '4')!;
    expect(t4.units.responsible.map((u) => u.name)).not.toContain('区住建局');
    const housing = (await listUnits(planner, '410403')).find((u) => u.name === '区住建局')!;
    expect(await itemTownships(before['4']!, housing.id)).toEqual([]);
    // Task 5's items follow its new deadline (they followed the campaign's end before).
    const deadlines5 = await rows<{ d: string }>(
      "select distinct to_char(deadline, 'YYYY-MM-DD') as d from public.work_items where task_id = $1",
      [before['5']],
    );
    expect(deadlines5).toEqual([{ d: '2021-05-20' }]);

    // The same document again changes no task.
    const third = await importPlan(planner, {
      plan: changed,
      district_code: '410403',
      replace_existing: true,
    });
    expect(third).toMatchObject({
      created: false,
      tasks_added: 0,
      tasks_removed: 0,
      assignments: second.assignments,
    });
  });

  it.each(['anon', 'viewer', 'townshipA', 'command'] as const)(
    'refuses %s with permission_denied',
    async (actor) => {
      const plan = smallPlan(`拒绝〔2026〕${actor}`, ['区环保局']);
      expect((await refusal(importPlan(as(actor), { plan, district_code: '410108' }))).code).toBe(
        'permission_denied',
      );
      // Also where the plan exists already (the refusal must not depend on what is stored).
      const known = { ...HUIJI, doc_number: '惠政〔2017〕2号' };
      expect((await refusal(importPlan(as(actor), { plan: known, district_code: '410108' }))).code).toBe(
        'permission_denied',
      );
      expect((await refusal(mergeUnits(as(actor), 'unit-410108-011', 'unit-410108-012'))).code).toBe(
        'permission_denied',
      );
    },
  );

  it('stores a repeated import (same client id) once and answers it with the first answer', async () => {
    const args = {
      plan: smallPlan('重复〔2026〕1号', ['区环保局']),
      district_code: '410108',
      client_id: '3f1c9a52-7d44-4b8e-9c1a-5e2f6b7d8c90',
    };
    const first = await importPlan(planner, args);
    expect(await importPlan(planner, args)).toEqual(first);
    expect((await refusal(importPlan(planner, { ...args, client_id: null }))).code).toBe('plan_exists');
  });

  it.each<[string, (p: Plan) => unknown, string, string]>([
    ['no title', (p) => ({ ...p, title: ' ' }), 'title', 'required'],
    ['no tasks', (p) => ({ ...p, tasks: [] }), 'tasks', 'required'],
    [
      'an impossible date',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, deadlines: ['2026-02-30'] }] }),
      'tasks[0].deadlines[0]',
      'not_a_date',
    ],
    ['a date in another form', (p) => ({ ...p, issued_on: '2026年1月5日' }), 'issued_on', 'not_a_date'],
    [
      'a period ending before it starts',
      (p) => ({ ...p, period: { start: '2026-06-01', end: '2026-05-01' } }),
      'period',
      'ends_before_start',
    ],
    ['a year out of range', (p) => ({ ...p, year: 20261 }), 'year', 'out_of_range'],
    [
      'a task number twice',
      (p) => ({ ...p, tasks: [p.tasks[0]!, { ...p.tasks[0]!, number: ' 1 ' }] }),
      'tasks[1].number',
      'duplicate',
    ],
    [
      'a task without title',
      (p) => ({ ...p, tasks: [{ ...p.tasks[0]!, title: '' }] }),
      'tasks[0].title',
      'required',
    ],
    [
      'an empty unit name',
      (p) => ({
        ...p,
        tasks: [{ ...p.tasks[0]!, assignments: [{ ...p.tasks[0]!.assignments[0]!, lead_units: [''] }] }],
      }),
      'tasks[0].assignments[0].lead_units',
      'not_a_list_of_names',
    ],
    [
      'an unknown unit kind',
      (p) => ({ ...p, units: { 区环保局: { kind: 'bureau', covers: null } } }),
      'units.区环保局',
      'unknown_kind',
    ],
    ['not a plan at all', () => [], '', 'not_an_object'],
  ])('refuses %s with invalid_plan and where', async (_, mutate, path, problem) => {
    const plan = mutate(smallPlan('无效〔2026〕1号', ['区环保局'])) as Plan;
    const error = await refusal(db.call('import_plan', { plan, district_code: '410108' }));
    expect(error.code).toBe('invalid_plan');
    expect(planProblemOf(error)).toEqual({ path, problem });
  });

  it('refuses an unknown district or a township of another district, and takes a news item without tasks', async () => {
    const plan = smallPlan('无效〔2026〕2号', ['区环保局']);
    const unknownDistrict = await refusal(importPlan(planner, { plan, district_code: '999999' }));
    expect(planProblemOf(unknownDistrict)).toEqual({ path: 'district_code', problem: 'unknown' });
    const foreign = await refusal(
      importPlan(planner, { plan, district_code: '410108', township_code: '410403001' }),
    );
    expect(planProblemOf(foreign)).toEqual({ path: 'township_code', problem: 'unknown' });
    const news = await importPlan(planner, {
      plan: { ...plan, tasks: [] },
      kind: 'news',
      district_code: '410108',
    });
    expect(news).toMatchObject({ created: true, tasks: 0, assignments: 0 });
  });

  it('merges two units into one and resolves the old name to the kept unit on later imports', async () => {
    const renamed = '郑州市生态环境局惠济分局';
    const first = await importPlan(planner, {
      plan: smallPlan('合并〔2026〕1号', [renamed, '区环保局'], ['各镇（街道）']),
      district_code: '410108',
    });
    expect(first.units_created).toBe(1);
    const kept = (await listUnits(planner, '410108')).find((u) => u.name === renamed)!;
    const old = (await listUnits(planner, '410108')).find((u) => u.id === 'unit-410108-003')!;
    const firstTask = (await tasksOf(first.plan_id))['1']!;

    const merged = await mergeUnits(planner, old.id, kept.id);
    expect(merged.merged).toEqual({ id: old.id, name: '区环保局' });
    expect(merged.unit).toMatchObject({ id: kept.id, name: renamed, aliases: ['区环保局'] });
    // The test plan's task named both: one assignment and one item remain.
    expect(merged.moved.assignments).toBe(old.usage.lead + old.usage.cooperating + old.usage.responsible);
    expect(merged.unit.usage.lead).toBe(old.usage.lead);
    expect(merged.moved.features).toBe(old.usage.features);
    expect(merged.unit.usage.features).toBe(old.usage.features + kept.usage.features);
    expect(merged.unit.usage.items).toBe(old.usage.items + kept.usage.items - 1);
    expect((await listUnits(planner, '410108')).map((u) => u.id)).not.toContain(old.id);

    // Every assignment keeps its printed name.
    const seedTask = (await db.call('ledger_tasks', { q: '强化高污染燃料禁燃区建设' })).tasks[0]!;
    expect(seedTask.units.lead).toEqual([{ id: kept.id, name: '区环保局' }]);
    expect((await unitsByNumber(first.plan_id))['1']!.lead).toEqual([{ id: kept.id, name: renamed }]);
    expect(await itemTownships(firstTask, kept.id)).toEqual([null]);

    const later = await importPlan(planner, {
      plan: smallPlan('合并〔2026〕2号', ['区 环保局', '区环保局']),
      district_code: '410108',
    });
    expect(later.units_created).toBe(0);
    expect((await unitsByNumber(later.plan_id))['1']!.lead).toEqual([{ id: kept.id, name: '区 环保局' }]);

    expect((await refusal(mergeUnits(planner, kept.id, kept.id))).code).toBe('invalid_merge');
    expect((await refusal(mergeUnits(planner, 'unit-410108-011', 'unit-410403-001'))).code).toBe(
      'invalid_merge',
    );
    expect((await refusal(mergeUnits(planner, 'unit-410108-nope', kept.id))).code).toBe('not_found');
  });

  it('computes unit keys exactly as unitKey does', async () => {
    const names = [
      '各镇（街道）',
      '各镇(街道)',
      ' 区 环保局 ',
      '区\u3000环保局',
      '区\t环保局\n',
      '区环保局\u00a0',
      '\ufeff区环保局',
      '区\u2028环保局\u2029',
      '区\u200a环保局\u202f\u205f\u1680',
      '区\u200b环保局',
      '区\u0085环保局',
      'ＡＢＣ１２３',
      '﹙一﹚',
      '①号',
      'ｶﾞｽ',
      'Ⅻ',
      '㈱',
      'ﬁ',
      '',
    ];
    const sql = await rows<{ key: string }>(
      'select private.unit_key(n) as key from unnest($1::text[]) with ordinality u(n, i) order by i',
      [names],
    );
    expect(sql.map((r) => r.key)).toEqual(names.map((n) => unitKey(n)));
  });

  it('gives new tasks the ids the seed would give them', async () => {
    const numbers = ['1', '12', '（一）', '(1)', 'A.1', ' 3 ', '一', 'Ⅳ', '1.1', '第一条'];
    const sql = await rows<{ id: string }>(
      `select private.task_id_for('plan-huiji-2017-air', n) as id
       from unnest($1::text[]) with ordinality u(n, i) order by i`,
      [numbers],
    );
    expect(sql.map((r) => r.id)).toEqual(numbers.map((n) => taskId('huiji-2017-air', n)));
  });
});
