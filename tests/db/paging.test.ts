// Long lists on both databases: ledger_tasks and work_items_list answer a page a call (at most
// 2000 rows), and the pages read by src/data/paging.ts in turn are the whole list in its order —
// beyond 2000 tasks too, which the ledger view and its Excel export once cut off. A task's panel
// lists the items of its assignments, however many linked features have items of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/data/backend';
import { listLedgerTasks } from '../../src/data/ledger/ledger';
import { listWorkItems } from '../../src/data/work-items/work-items';
import { CLAIMS } from './actors';
import { smallPlan, unitTask } from './plans';
import { openTarget, targetNames, type DbTarget } from './targets';

describe.each(targetNames())('paged lists on %s', (name) => {
  let db: DbTarget;
  let backend: Backend;
  beforeAll(async () => {
    db = await openTarget(name);
    backend = { call: (fn, args) => db.call(fn, args) } as Backend;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads the ledger page by page in the order of one long call', async () => {
    const whole = await db.call('ledger_tasks', { limit_n: 2000 });
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await db.call('ledger_tasks', { limit_n: 7, offset_n: offset });
      expect(page.total).toBe(whole.total);
      pages.push(...page.tasks.map((t) => t.id));
    }
    expect(pages).toEqual(whole.tasks.map((t) => t.id));
    expect((await db.call('ledger_tasks', { limit_n: 7, offset_n: whole.total })).tasks).toEqual([]);
    expect((await db.call('ledger_tasks', { limit_n: 3, offset_n: -5 })).tasks.map((t) => t.id)).toEqual(
      whole.tasks.slice(0, 3).map((t) => t.id),
    );
  });

  it('reads work items page by page, and a task’s assignment items apart from its feature items', async () => {
    // The sample district already holds more items than one call answers.
    const first = await db.call('work_items_list', { limit_n: 2000 });
    const rest = await db.call('work_items_list', { limit_n: 2000, offset_n: 2000 });
    const { rows: count } = await db.query<{ n: number }>('select count(*)::int as n from public.work_items');
    expect(first.total).toBe(count[0]!.n);
    expect(first.total).toBeGreaterThan(2000);
    const whole = [...first.items, ...rest.items].map((i) => i.id);
    expect(whole).toHaveLength(first.total);
    // Pages of 500, as a server with a smaller cap would answer.
    const paged = await listWorkItems(
      { call: (fn, args) => db.call(fn, { ...args, limit_n: 500 } as never) } as Backend,
      {},
      Infinity,
    );
    expect(paged.items.map((i) => i.id)).toEqual(whole);

    const { rows } = await db.query<{ task_id: string }>(
      `select task_id from public.work_items group by task_id
       having count(*) filter (where feature_id is null) > 0 and count(*) filter (where feature_id is not null) > 0
       order by task_id limit 1`,
    );
    const task = rows[0]!.task_id;
    const mixed = await db.call('work_items_list', { task_id: task, limit_n: 2000 });
    const assignments = await db.call('work_items_list', {
      task_id: task,
      assignments_only: true,
      limit_n: 2000,
    });
    expect(assignments.items.map((i) => i.id)).toEqual(
      mixed.items.filter((i) => i.feature === null).map((i) => i.id),
    );
    expect(assignments.total).toBeLessThan(mixed.total);
  });

  it('lists and exports a ledger of more than 2000 tasks whole', async () => {
    const tasks = Array.from({ length: 2150 }, (_, i) => unitTask(String(i + 1), ['区环保局']));
    const plan = smallPlan('分页〔2026〕1号', ['区环保局'], [], tasks);
    const saved = await db.call(
      'import_plan',
      { plan, district_code: '410108', client_id: crypto.randomUUID() },
      CLAIMS.planner,
    );
    const one = await db.call('ledger_tasks', { plan_id: saved.plan_id, limit_n: 5000 });
    expect(one).toMatchObject({ total: 2150 });
    expect(one.tasks).toHaveLength(2000);

    const all = await listLedgerTasks(backend, { plan_id: saved.plan_id }, Infinity);
    expect(all.total).toBe(2150);
    expect(all.tasks.map((t) => t.number)).toEqual(tasks.map((t) => t.number));
    const first = await listLedgerTasks(backend, { plan_id: saved.plan_id }, 500);
    expect(first.tasks.map((t) => t.id)).toEqual(all.tasks.slice(0, 500).map((t) => t.id));
  });
});
