// The unit registry's renames and merges, taken back, on both databases: a rename keeps the old
// name as an alias that later imports resolve, refuses blank, long and taken names the way
// validateUnitName does, and stale versions; undoing a merge gives the former unit back exactly
// what the merge took from it (assignments as printed, items by id, features, aliases), leaves
// what later edits moved on, and refuses with a reason where an exact undo is impossible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/data/backend';
import { importPlan } from '../../src/data/plans/plans';
import {
  cannotUnmergeOf,
  listUnits,
  mergeUnits,
  renameRefusalOf,
  renameUnit,
  undoMerge,
} from '../../src/data/units/units';
import type { UnitEntry } from '../../src/domain/ledger/ledger-types';
import { MAX_UNIT_NAME_LENGTH, validateUnitName } from '../../src/domain/ledger/unit-name';
import { CLAIMS, type Actor } from './actors';
import { refusal, smallPlan, unitTask } from './plans';
import { openTarget, targetNames, type DbTarget } from './targets';

const HUIJI = '410108';
let clients = 0;
/** A fresh client id for each submission. */
const clientId = () => `00000000-0000-4000-b000-${String(++clients).padStart(12, '0')}`;

describe.each(targetNames())('unit registry on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  const as = (actor: Actor) => ({ call: (fn, args) => db.call(fn, args, CLAIMS[actor]) }) as Backend;
  const planner = as('planner');
  const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
  const unit = async (id: string): Promise<UnitEntry | undefined> =>
    (await listUnits(planner, HUIJI)).find((u) => u.id === id);
  /** Everything of the given units that a merge moves, as the tables hold it (item versions aside: moving one is a change). */
  const holdings = async (ids: string[]) => ({
    units: await rows('select * from public.units where id = any ($1) order by id', [ids]),
    aliases: await rows(
      'select alias_name, unit_id from public.unit_aliases where unit_id = any ($1) order by alias_key',
      [ids],
    ),
    assignments: await rows(
      `select task_id, unit_id, role, scope, name_as_printed, sort_order from public.task_units
       where unit_id = any ($1) order by task_id, unit_id, role, scope`,
      [ids],
    ),
    items: await rows(
      `select id, task_id, district_code, township_code, unit_id, feature_id, status, deadline, last_note
       from public.work_items where unit_id = any ($1) order by id`,
      [ids],
    ),
    features: await rows('select id, unit_id from public.features where unit_id = any ($1) order by id', [
      ids,
    ]),
  });
  const printedUnits = async (planId: string) =>
    rows<{ number: string; unit_id: string; name_as_printed: string }>(
      `select t.number, tu.unit_id, tu.name_as_printed from public.task_units tu
       join public.tasks t on t.id = tu.task_id where t.plan_id = $1 order by t.number, tu.role, tu.unit_id`,
      [planId],
    );

  describe('rename_unit', () => {
    it('renames a unit, keeps the old name as an alias that imports resolve, and keeps printed names', async () => {
      const before = (await unit('unit-410108-003'))!;
      expect(before).toMatchObject({ name: '区环保局', version: 1, aliases: [] });
      const renamed = await renameUnit(planner, before, '  郑州市生态环境局惠济分局\u3000', clientId());
      expect(renamed).toMatchObject({
        id: before.id,
        name: '郑州市生态环境局惠济分局',
        version: 2,
        aliases: ['区环保局'],
        usage: before.usage,
      });
      // Assignments keep the name the plan printed; items show the unit's name.
      const seedTask = (await db.call('ledger_tasks', { q: '强化高污染燃料禁燃区建设' })).tasks[0]!;
      expect(seedTask.units.lead).toEqual([{ id: before.id, name: '区环保局' }]);
      const items = (await db.call('work_items_list', { task_id: seedTask.id })).items;
      const itemUnits = items.filter((i) => i.unit?.id === before.id).map((i) => i.unit!.name);
      expect(itemUnits.length).toBeGreaterThan(0);
      expect(new Set(itemUnits)).toEqual(new Set(['郑州市生态环境局惠济分局']));
      // An old plan printing the old name, imported again, resolves to the renamed unit.
      const later = await importPlan(planner, {
        plan: smallPlan('更名〔2026〕1号', ['区 环保局']),
        district_code: HUIJI,
      });
      expect(later.units_created).toBe(0);
      expect(await printedUnits(later.plan_id)).toEqual([
        { number: '1', unit_id: before.id, name_as_printed: '区 环保局' },
      ]);
      // The history says who changed what.
      const history = await rows<{ table_name: string; op: string; old_name: string; new_name: string }>(
        `select table_name, op, old_row ->> 'name' as old_name,
           coalesce(new_row ->> 'name', new_row ->> 'alias_name') as new_name
         from public.history where actor = $1 and (
           (table_name = 'units' and row_key = $2) or (table_name = 'unit_aliases' and new_row ->> 'unit_id' = $2))
         order by id`,
        [CLAIMS.planner.sub, before.id],
      );
      expect(history).toEqual([
        { table_name: 'units', op: 'update', old_name: '区环保局', new_name: '郑州市生态环境局惠济分局' },
        { table_name: 'unit_aliases', op: 'insert', old_name: null, new_name: '区环保局' },
      ]);

      // Based on the version before the rename: refused, with the unit as it now stands.
      const stale = await refusal(renameUnit(planner, before, '区生态环境分局', clientId()));
      expect(stale).toMatchObject({
        code: 'stale_version',
        detail: { id: before.id, name: '郑州市生态环境局惠济分局', version: 2 },
      });

      // The same name again changes nothing; taking the old name back makes it the name again.
      expect(await renameUnit(planner, renamed, '郑州市生态环境局惠济分局', clientId())).toMatchObject({
        name: '郑州市生态环境局惠济分局',
        version: 2,
        aliases: ['区环保局'],
      });
      const back = await renameUnit(planner, renamed, '区环保局', clientId());
      expect(back).toMatchObject({ name: '区环保局', version: 3, aliases: ['郑州市生态环境局惠济分局'] });
    });

    it("refuses another unit's name or alias, in any width or spacing, naming that unit", async () => {
      const transport = (await unit('unit-410108-009'))!;
      for (const taken of ['区城管执法局', ' 区 城管执法局 ', '区城管执法局'.replace('区', '区\u3000')]) {
        const error = await refusal(renameUnit(planner, transport, taken, clientId()));
        expect(error.code).toBe('already_exists');
        expect(renameRefusalOf(error)).toEqual({
          reason: 'already_exists',
          holder: { id: 'unit-410108-006', name: '区城管执法局' },
        });
      }
      // 郑州市生态环境局惠济分局 is an alias of 区环保局 since the test above.
      const alias = await refusal(renameUnit(planner, transport, '郑州市生态环境局惠济分局', clientId()));
      expect(renameRefusalOf(alias)).toEqual({
        reason: 'already_exists',
        holder: { id: 'unit-410108-003', name: '区环保局' },
      });
      // A unit of another district may have the name.
      const weidong = (await listUnits(planner, '410403')).find((u) => u.id === 'unit-410403-005')!;
      const elsewhere = await renameUnit(planner, weidong, '区城管执法局', clientId());
      expect(elsewhere.name).toBe('区城管执法局');
      expect((await unit('unit-410108-009'))!).toEqual(transport);
    });

    it.each([
      ['a blank name', ' \u3000\t', 'required'],
      ['no name', '', 'required'],
      ['a name over the limit', '局'.repeat(MAX_UNIT_NAME_LENGTH + 1), 'too_long'],
    ])('refuses %s with invalid_unit_name', async (_, newName, reason) => {
      const error = await refusal(renameUnit(planner, (await unit('unit-410108-009'))!, newName, clientId()));
      expect(error.code).toBe('invalid_unit_name');
      expect(renameRefusalOf(error)).toEqual({ reason, holder: null });
    });

    it('answers a repeated submission once, and refuses every role but planners', async () => {
      const agency = (await unit('unit-410108-022'))!;
      const id = clientId();
      const first = await renameUnit(planner, agency, '区应急管理局', id);
      expect(await renameUnit(planner, agency, '区应急局', id)).toEqual(first);
      expect((await unit(agency.id))!.name).toBe('区应急管理局');
      for (const actor of ['townshipA', 'command', 'viewer'] as const) {
        const error = await refusal(renameUnit(as(actor), first, '区应急局', clientId()));
        expect(error.code).toBe('permission_denied');
      }
      expect((await unit(agency.id))!).toEqual(first);
      expect(
        (await refusal(renameUnit(planner, { id: 'unit-410108-nope', version: 1 }, 'X', clientId()))).code,
      ).toBe('not_found');
    });

    it('judges names exactly as validateUnitName does', async () => {
      const subject = (await unit('unit-410108-017'))!;
      const others = (await listUnits(planner, HUIJI)).filter((u) => u.id !== subject.id);
      const taken = others.flatMap((u) => [u.name, ...u.aliases]);
      const names = [
        '',
        '   ',
        '\u3000\ufeff',
        subject.name,
        ` ${subject.name} `,
        '区城管执法局',
        '区 城管执法局',
        '区城管执法局\u00a0',
        '区环保局',
        '郑州市生态环境局惠济分局',
        '区林业和园林局',
        'ＡＢＣ局',
        '局'.repeat(MAX_UNIT_NAME_LENGTH),
        ` ${'局'.repeat(MAX_UNIT_NAME_LENGTH)}\t`,
        '局'.repeat(MAX_UNIT_NAME_LENGTH + 1),
        '𠀀'.repeat(MAX_UNIT_NAME_LENGTH),
        '区\u200b城管执法局',
      ];
      const sql = await rows<{ problem: string | null }>(
        `select private.unit_name_problem($1, $2, n) as problem
         from unnest($3::text[]) with ordinality u(n, i) order by i`,
        [HUIJI, subject.id, names],
      );
      const ts = names.map((n) => {
        const v = validateUnitName(n, taken);
        return v.ok ? null : v.reason;
      });
      expect(sql.map((r) => r.problem)).toEqual(ts);
      // Both judge: the list covers every verdict.
      expect(new Set(ts)).toEqual(new Set([null, 'required', 'too_long', 'already_exists']));
    });
  });

  describe('unmerge_unit', () => {
    const OLD = 'unit-410108-018'; // 区市政管理中心
    const KEPT = 'unit-410108-003'; // 区环保局

    it('splits a merged unit out again exactly as it was before the merge', async () => {
      // The old unit has a former name, shares a task with the kept unit (one assignment and one
      // item each, which the merge joins), and holds a task whose item was withdrawn (the merge
      // makes one for the kept unit).
      const old = (await unit(OLD))!;
      await renameUnit(planner, old, '区市政中心', clientId());
      const plan = await importPlan(planner, {
        plan: smallPlan(
          '撤销合并〔2026〕1号',
          [],
          [],
          [
            unitTask('1', ['区市政管理中心', '区环保局'], ['区市政管理中心']),
            unitTask('2', ['区市政管理中心']),
          ],
        ),
        district_code: HUIJI,
      });
      const [task1, task2] = (
        await rows<{ id: string }>('select id from public.tasks where plan_id = $1 order by number', [
          plan.plan_id,
        ])
      ).map((r) => r.id);
      await db.query('delete from public.work_items where task_id = $1 and unit_id = $2', [task2, OLD]);
      const before = await holdings([OLD, KEPT]);
      const oldBefore = (await unit(OLD))!;
      const keptBefore = (await unit(KEPT))!;

      const merged = await mergeUnits(planner, OLD, KEPT);
      expect(merged.merged).toEqual({ id: OLD, name: '区市政中心' });
      expect(merged.unit.aliases).toEqual(expect.arrayContaining(['区市政中心', '区市政管理中心']));
      expect(merged.unit.merges).toEqual([
        { id: merged.merge_id, name: '区市政中心', merged_at: expect.any(String), blocked: null },
      ]);
      // The two items of task 1 (and of any seeded task both units hold) became one; task 2 got
      // an item for the kept unit.
      const [journal] = await rows<{ dropped: { task_id: string; unit_id: string }[]; created: number }>(
        'select dropped_items as dropped, cardinality(created_items) as created from public.unit_merges where id = $1',
        [merged.merge_id],
      );
      expect(journal!.created).toBe(1);
      expect(journal!.dropped).toContainEqual(expect.objectContaining({ task_id: task1, unit_id: OLD }));
      expect(merged.unit.usage.items).toBe(
        oldBefore.usage.items + keptBefore.usage.items - journal!.dropped.length + journal!.created,
      );
      expect(await unit(OLD)).toBeUndefined();

      const id = clientId();
      const undone = await undoMerge(planner, merged.merge_id, id);
      expect(undone.restored).toEqual(oldBefore);
      expect(undone.unit).toEqual(keptBefore);
      const assignments = oldBefore.usage.lead + oldBefore.usage.cooperating + oldBefore.usage.responsible;
      expect(undone.returned).toEqual({
        assignments,
        items: oldBefore.usage.items,
        features: oldBefore.usage.features,
      });
      expect(undone.left).toEqual({ assignments: 0, items: 0, features: 0 });
      expect(await holdings([OLD, KEPT])).toEqual(before);
      // A repeated submission gets the first answer; without its id, the merge is no longer there.
      expect(await undoMerge(planner, merged.merge_id, id)).toEqual(undone);
      expect((await refusal(undoMerge(planner, merged.merge_id, clientId()))).code).toBe('not_found');

      // The undo is in the history, by the planner.
      const history = await rows<{ table_name: string; op: string }>(
        `select table_name, op from public.history
         where actor = $1 and ((table_name = 'units' and row_key = $2) or (table_name = 'unit_merges' and row_key = $3))
         order by id`,
        [CLAIMS.planner.sub, OLD, String(merged.merge_id)],
      );
      expect(history.slice(-4)).toEqual([
        { table_name: 'units', op: 'delete' },
        { table_name: 'unit_merges', op: 'insert' },
        { table_name: 'units', op: 'insert' },
        { table_name: 'unit_merges', op: 'update' },
      ]);

      // Both old names resolve to the unit again.
      const reimport = await importPlan(planner, {
        plan: smallPlan('撤销合并〔2026〕2号', ['区市政管理中心'], ['区 市政中心']),
        district_code: HUIJI,
      });
      expect(reimport.units_created).toBe(0);
      expect((await printedUnits(reimport.plan_id)).map((r) => r.unit_id)).toEqual([OLD, OLD]);
    });

    it('leaves what later edits moved on where they put it, and says how much', async () => {
      const old = (await unit(OLD))!;
      const merged = await mergeUnits(planner, OLD, KEPT);
      // An item whose task has none for unit-410108-006 at its place yet: ids are random, and
      // moving one that has would break work_items_once.
      const [item] = await rows<{ id: string; version: number }>(
        `select i.id, i.version from public.work_items i
         where i.id = any (select unnest(moved_items) from public.unit_merges where id = $1)
           and not exists (
             select 1 from public.work_items o
             where o.task_id = i.task_id and o.unit_id = 'unit-410108-006'
               and o.township_code is not distinct from i.township_code
               and o.feature_id is not distinct from i.feature_id)
         order by i.id limit 1`,
        [merged.merge_id],
      );
      await db.call('update_item', {
        item_id: item!.id,
        base_version: item!.version,
        changes: { unit_id: 'unit-410108-006' },
      });
      const [movedFeature] = await rows<{ id: string; version: number }>(
        `select f.id, f.version from public.features f
         where f.id = (select features[1] from public.unit_merges where id = $1)`,
        [merged.merge_id],
      );
      await db.call('update_feature', {
        feature_id: movedFeature!.id,
        base_version: movedFeature!.version,
        changes: { unit_id: 'unit-410108-006' },
      });

      const undone = await undoMerge(planner, merged.merge_id, clientId());
      expect(undone.left).toEqual({ assignments: 0, items: 1, features: 1 });
      expect(undone.returned).toEqual({
        assignments: old.usage.lead + old.usage.cooperating + old.usage.responsible,
        items: old.usage.items - 1,
        features: old.usage.features - 1,
      });
      expect(await rows('select unit_id from public.work_items where id = $1', [item!.id])).toEqual([
        { unit_id: 'unit-410108-006' },
      ]);
      expect(await rows('select unit_id from public.features where id = $1', [movedFeature!.id])).toEqual([
        { unit_id: 'unit-410108-006' },
      ]);
    });

    it('refuses to undo a merge that let go of an item with progress', async () => {
      const plan = await importPlan(planner, {
        plan: smallPlan('撤销合并〔2026〕3号', ['区规划分局', '区科工委']),
        district_code: HUIJI,
      });
      const items = await rows<{ id: string; version: number }>(
        'select i.id, i.version from public.work_items i join public.tasks t on t.id = i.task_id where t.plan_id = $1',
        [plan.plan_id],
      );
      expect(items).toHaveLength(2);
      for (const i of items) {
        await db.call('act_on_item', { item_id: i.id, action: 'start', base_version: i.version });
      }
      const merged = await mergeUnits(planner, 'unit-410108-002', 'unit-410108-007');
      expect(merged.unit.merges[0]).toMatchObject({ id: merged.merge_id, blocked: 'progress_lost' });
      const error = await refusal(undoMerge(planner, merged.merge_id, clientId()));
      expect(error.code).toBe('cannot_unmerge');
      expect(cannotUnmergeOf(error)).toEqual({
        reason: 'progress_lost',
        name: '区规划分局',
        into: '区科工委',
      });
      expect(await unit('unit-410108-002')).toBeUndefined();
    });

    it('undoes merges into one unit, and chains of merges, last first', async () => {
      const first = await mergeUnits(planner, 'unit-410108-008', 'unit-410108-010');
      const second = await mergeUnits(planner, 'unit-410108-021', 'unit-410108-010');
      expect((await unit('unit-410108-010'))!.merges.map((m) => [m.id, m.blocked])).toEqual([
        [second.merge_id, null],
        [first.merge_id, 'later_merge'],
      ]);
      expect(cannotUnmergeOf(await refusal(undoMerge(planner, first.merge_id, clientId())))).toEqual({
        reason: 'later_merge',
        name: '区社管办',
        into: '市交警五大队',
      });
      await undoMerge(planner, second.merge_id, clientId());
      await undoMerge(planner, first.merge_id, clientId());
      expect((await unit('unit-410108-010'))!.merges).toEqual([]);
      expect((await unit('unit-410108-008'))!.name).toBe('区社管办');

      // 区安监局 into 区重污染天气应急指挥部办公室, which then goes into 区督考办.
      const inner = await mergeUnits(planner, 'unit-410108-022', 'unit-410108-026');
      const outer = await mergeUnits(planner, 'unit-410108-026', 'unit-410108-028');
      const innerError = cannotUnmergeOf(await refusal(undoMerge(planner, inner.merge_id, clientId())));
      expect(innerError).toMatchObject({ reason: 'later_merge', into: null });
      await undoMerge(planner, outer.merge_id, clientId());
      expect((await unit('unit-410108-026'))!.merges).toMatchObject([{ id: inner.merge_id, blocked: null }]);
      await undoMerge(planner, inner.merge_id, clientId());
      expect(await unit('unit-410108-022')).toBeDefined();
    });

    it('refuses when a unit goes by the merged name again, and refuses every role but planners', async () => {
      const merged = await mergeUnits(planner, 'unit-410108-012', 'unit-410108-013');
      for (const actor of ['townshipA', 'command', 'viewer'] as const) {
        expect((await refusal(undoMerge(as(actor), merged.merge_id, clientId()))).code).toBe(
          'permission_denied',
        );
      }
      const kept = (await unit('unit-410108-013'))!;
      // Taking the merged name as its own is allowed: it was the kept unit's alias.
      const renamed = await renameUnit(planner, kept, '区财政局', clientId());
      expect(renamed).toMatchObject({ aliases: ['区商务局'], merges: [{ blocked: 'name_taken' }] });
      expect(cannotUnmergeOf(await refusal(undoMerge(planner, merged.merge_id, clientId())))).toEqual({
        reason: 'name_taken',
        name: '区财政局',
        into: '区财政局',
      });
    });
  });
});
