import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger, PLAN_SOURCES, taskId, type GoldPlan, type Ledger } from './ledger';

const plansDir = fileURLToPath(new URL('../plans', import.meta.url));
const migrationSql = readFileSync(
  fileURLToPath(
    new URL('../../supabase/migrations/20261123000200_create_ledger_tables.sql', import.meta.url),
  ),
  'utf8',
);

/** The gold annotations, read here independently of ledger.ts. */
const gold = PLAN_SOURCES.map((source) => ({
  ...source,
  plans: (JSON.parse(readFileSync(`${plansDir}/${source.file}.gold.json`, 'utf8')) as { plans: GoldPlan[] })
    .plans,
}));
const ROLE_FIELDS = {
  lead: 'lead_units',
  cooperating: 'cooperating_units',
  responsible: 'responsible_units',
} as const;
const sameUnit = (name: string) => name.replace(/（/g, '(').replace(/）/g, ')');

/** The id check of a table, as written in the migration (so the test follows the schema). */
function idPattern(table: string): RegExp {
  const match = new RegExp(
    `create table public\\.${table} \\(\\s*id text primary key check \\(id ~ '([^']+)'\\)`,
  ).exec(migrationSql);
  if (!match) throw new Error(`no id check for ${table} in the migration`);
  return new RegExp(match[1]!);
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('buildLedger', () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = buildLedger(plansDir);
  });

  it('has one plan per annotated plan and its tasks in order', () => {
    expect(ledger.plans).toHaveLength(gold.reduce((n, g) => n + g.plans.length, 0));
    expect(ledger.tasks).toHaveLength(
      gold.reduce((n, g) => n + g.plans.reduce((m, p) => m + p.tasks.length, 0), 0),
    );
    for (const g of gold) {
      g.plans.forEach((plan, i) => {
        const id = g.plans.length > 1 ? `plan-${g.slug}-${i + 1}` : `plan-${g.slug}`;
        const row = ledger.plans.find((p) => p.id === id);
        expect(row, id).toBeDefined();
        expect(row).toMatchObject({
          title: plan.title,
          doc_number: plan.doc_number,
          district_code: g.district,
          year: plan.year,
        });
        const tasks = ledger.tasks.filter((t) => t.plan_id === id);
        expect(tasks.map((t) => t.number)).toEqual(plan.tasks.map((t) => t.number));
        expect(tasks.map((t) => t.sort_order)).toEqual(plan.tasks.map((_, j) => j));
        expect(tasks.map((t) => t.title)).toEqual(plan.tasks.map((t) => t.title));
      });
    }
  });

  it('holds the three plan documents with their known sizes', () => {
    // Pinned so that a silently dropped plan or task shows up here.
    expect(ledger.plans.map((p) => p.id)).toEqual([
      'plan-huiji-2017-air',
      'plan-songbiao-2019-air',
      'plan-weidong-2021-60day',
    ]);
    expect(ledger.plans.map((p) => ledger.tasks.filter((t) => t.plan_id === p.id).length)).toEqual([
      39, 34, 22,
    ]);
  });

  it('has one unit per distinct name in each district', () => {
    const expected = new Set<string>();
    for (const g of gold)
      for (const plan of g.plans)
        for (const task of plan.tasks)
          for (const a of task.assignments)
            for (const field of Object.values(ROLE_FIELDS))
              for (const name of a[field]) expected.add(`${g.district}|${sameUnit(name)}`);
    expect(ledger.units).toHaveLength(expected.size);
    expect(new Set(ledger.units.map((u) => `${u.district_code}|${sameUnit(u.name)}`))).toEqual(expected);
  });

  it('has one assignment per task, role, scope and unit, keeping the name as printed', () => {
    const expected = new Map<string, string>();
    for (const g of gold)
      g.plans.forEach((plan, i) => {
        const slug = g.plans.length > 1 ? `${g.slug}-${i + 1}` : g.slug;
        for (const task of plan.tasks)
          for (const a of task.assignments)
            for (const [role, field] of Object.entries(ROLE_FIELDS))
              for (const name of a[field]) {
                const key = `${taskId(slug, task.number)}|${role}|${a.scope ?? ''}|${sameUnit(name)}`;
                if (!expected.has(key)) expected.set(key, name);
              }
      });
    expect(ledger.taskUnits).toHaveLength(expected.size);
    const unitName = new Map(ledger.units.map((u) => [u.id, u.name]));
    for (const tu of ledger.taskUnits) {
      const key = `${tu.task_id}|${tu.role}|${tu.scope}|${sameUnit(unitName.get(tu.unit_id)!)}`;
      expect(expected.get(key), key).toBe(tu.name_as_printed);
    }
  });

  it('gives ids that are unique and pass the check constraints of the migration', () => {
    const tables = [
      ['plans', ledger.plans.map((p) => p.id)],
      ['tasks', ledger.tasks.map((t) => t.id)],
      ['units', ledger.units.map((u) => u.id)],
    ] as const;
    for (const [table, ids] of tables) {
      const pattern = idPattern(table);
      expect(duplicates([...ids]), table).toEqual([]);
      expect(
        ids.filter((id) => !pattern.test(id)),
        `${table} ids not matching ${pattern}`,
      ).toEqual([]);
    }
    // The patterns read from the migration are the ones the schema is known to use.
    expect(idPattern('tasks').source).toBe('^task-[a-z0-9-]+$');
    expect(idPattern('units').source).toBe('^unit-[a-z0-9-]+$');
    expect(idPattern('plans').source).toBe('^plan-[a-z0-9-]+$');
  });

  it('respects the unique and foreign keys of the schema', () => {
    const planIds = new Set(ledger.plans.map((p) => p.id));
    const taskIds = new Set(ledger.tasks.map((t) => t.id));
    const unitIds = new Set(ledger.units.map((u) => u.id));
    expect(ledger.tasks.filter((t) => !planIds.has(t.plan_id))).toEqual([]);
    expect(duplicates(ledger.tasks.map((t) => `${t.plan_id}|${t.number}`))).toEqual([]);
    expect(duplicates(ledger.units.map((u) => `${u.district_code}|${u.name}`))).toEqual([]);
    expect(duplicates(ledger.plans.flatMap((p) => (p.doc_number ? [p.doc_number] : [])))).toEqual([]);
    expect(ledger.taskUnits.filter((a) => !taskIds.has(a.task_id) || !unitIds.has(a.unit_id))).toEqual([]);
    expect(duplicates(ledger.taskUnits.map((a) => `${a.task_id}|${a.role}|${a.scope}|${a.unit_id}`))).toEqual(
      [],
    );
    for (const p of ledger.plans) {
      expect(p.year).toBeGreaterThanOrEqual(1990);
      expect(p.year).toBeLessThanOrEqual(2100);
      if (p.period_start && p.period_end) expect(p.period_end >= p.period_start, p.id).toBe(true);
    }
  });

  it('stores deadlines as sorted, distinct ISO dates', () => {
    for (const t of ledger.tasks) {
      expect(
        t.deadlines.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))),
        t.id,
      ).toBe(true);
      expect(t.deadlines, t.id).toEqual([...new Set(t.deadlines)].sort());
    }
    expect(ledger.tasks.some((t) => t.deadlines.length > 0)).toBe(true);
  });

  describe('各镇（街道） printed with full- and half-width parentheses', () => {
    const huijiNames = () =>
      gold[0]!.plans.flatMap((p) =>
        p.tasks.flatMap((t) =>
          t.assignments.flatMap((a) => [...a.lead_units, ...a.cooperating_units, ...a.responsible_units]),
        ),
      );

    it('occurs in both spellings in the 惠济 annotations (the premise of the next tests)', () => {
      expect(huijiNames()).toContain('各镇（街道）');
      expect(huijiNames()).toContain('各镇(街道)');
    });

    it('is one unit', () => {
      const units = ledger.units.filter(
        (u) => u.district_code === '410108' && /^各镇[（(]街道[）)]$/.test(u.name),
      );
      expect(units).toHaveLength(1);
      expect(units[0]!.kind).toBe('group');
    });

    it('keeps each spelling in name_as_printed', () => {
      const unit = ledger.units.find(
        (u) => u.district_code === '410108' && sameUnit(u.name) === '各镇(街道)',
      )!;
      const printed = new Set(
        ledger.taskUnits.filter((a) => a.unit_id === unit.id).map((a) => a.name_as_printed),
      );
      expect(printed).toEqual(new Set(['各镇（街道）', '各镇(街道)']));
    });
  });

  it('sorts units into kinds by their names', () => {
    const kindOf = (name: string) => ledger.units.find((u) => u.name === name)?.kind;
    expect(kindOf('区环保局')).toBe('department');
    expect(kindOf('各街道办事处')).toBe('group');
    expect(kindOf('区大气污染防治工作领导小组各成员单位')).toBe('group');
    expect(kindOf('登封市宏昌水泥有限公司')).toBe('enterprise');
    expect(kindOf('东送表村')).toBe('village');
  });

  it('keeps units of different districts apart even when their names are the same', () => {
    const byName = new Map<string, Set<string>>();
    for (const u of ledger.units) byName.set(u.name, (byName.get(u.name) ?? new Set()).add(u.district_code));
    const shared = [...byName].filter(([, districts]) => districts.size > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [name] of shared) {
      const ids = ledger.units.filter((u) => u.name === name).map((u) => u.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });
});

describe('taskId', () => {
  it('lower-cases the number and turns other characters into dashes', () => {
    expect(taskId('huiji-2017-air', '12')).toBe('task-huiji-2017-air-12');
    expect(taskId('p', '3A')).toBe('task-p-3a');
    expect(taskId('p', '1.2')).toBe('task-p-1-2');
  });

  it('keeps numbers written in Chinese apart', () => {
    expect(taskId('p', '（一）')).not.toBe(taskId('p', '（二）'));
    expect(taskId('p', '（一）')).toMatch(/^task-[a-z0-9-]+$/);
  });
});
