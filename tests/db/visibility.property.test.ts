// A property test of township visibility: for random features (located in some township or in
// none), random links between features and tasks, and random dispatches of tasks (optionally for
// one feature) to townships, what each township user reads through RLS equals what a small
// oracle in TypeScript says it should.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAs } from './actors';
import { openTarget, targetNames, type DbTarget } from './targets';
import { townshipUserId } from '../../data/generator/members';

const TOWNSHIPS = ['410108105', '410108106', '410108011'] as const;
type Township = (typeof TOWNSHIPS)[number];

interface Scenario {
  features: (Township | null)[];
  tasks: number;
  links: [feature: number, task: number][];
  dispatches: { task: number; township: Township; feature: number | null }[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    features: fc.array(fc.option(fc.constantFrom(...TOWNSHIPS), { nil: null }), {
      minLength: 1,
      maxLength: 8,
    }),
    tasks: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ features, tasks }) =>
    fc.record({
      features: fc.constant(features),
      tasks: fc.constant(tasks),
      links: fc.uniqueArray(fc.tuple(fc.nat(features.length - 1), fc.nat(tasks - 1)), {
        selector: ([f, t]) => `${f}/${t}`,
        maxLength: 10,
      }),
      dispatches: fc.array(
        fc.record({
          task: fc.nat(tasks - 1),
          township: fc.constantFrom(...TOWNSHIPS),
          feature: fc.option(fc.nat(features.length - 1), { nil: null }),
        }),
        { maxLength: 6 },
      ),
    }),
  );

const featureId = (i: number) => `enterprise-PBT${i}`;
const taskId = (i: number) => `task-pbt-${i}`;

/** The rule of the issue, written independently of the SQL: what township `t` may read. */
function oracle(s: Scenario, t: Township): { features: string[]; tasks: string[] } {
  // Items: one per link in the feature's township, one per dispatch.
  const items = [
    ...s.links.map(([f, task]) => ({ task, feature: f as number | null, township: s.features[f] })),
    ...s.dispatches.map((d) => ({
      task: d.task,
      feature: d.feature,
      township: d.township as Township | null,
    })),
  ];
  const features = s.features
    .map((home, i) => ({ home, i }))
    .filter(({ home, i }) => home === t || items.some((it) => it.feature === i && it.township === t))
    .map(({ i }) => featureId(i));
  const tasks = [...Array(s.tasks).keys()]
    .filter((task) => items.some((it) => it.task === task && it.township === t))
    .map(taskId);
  return { features: features.sort(), tasks: tasks.sort() };
}

const sqlText = (v: string | null) => (v === null ? 'null' : `'${v}'`);

function fixture(s: Scenario): string {
  return [
    "insert into public.plans (id, title, district_code, year) values ('plan-pbt', '性质测试方案', '410108', 2026);",
    ...s.features.map(
      (home, i) => `insert into public.features (id, kind, name, geom, district_code, township_code)
        values ('${featureId(i)}', 'enterprise', '测试${i}',
          extensions.st_setsrid(extensions.st_makepoint(113.6, 34.8), 4326), '410108', ${sqlText(home)});`,
    ),
    ...[...Array(s.tasks).keys()].map(
      (i) =>
        `insert into public.tasks (id, plan_id, number, title) values ('${taskId(i)}', 'plan-pbt', '${i}', '任务${i}');`,
    ),
    ...s.links.map(
      ([f, t]) =>
        `insert into public.feature_tasks (feature_id, task_id) values ('${featureId(f)}', '${taskId(t)}');`,
    ),
    ...s.dispatches.map(
      (d) => `insert into public.work_items (task_id, township_code, feature_id)
        values ('${taskId(d.task)}', '${d.township}', ${sqlText(d.feature === null ? null : featureId(d.feature))})
        on conflict do nothing;`,
    ),
  ].join('\n');
}

describe.each(targetNames())('township visibility on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('matches the oracle for random assignments', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        for (const t of TOWNSHIPS) {
          const seen = await runAs<{ features: string[] | null; tasks: string[] | null }>(
            db,
            { sub: townshipUserId(t), role: 'authenticated' },
            `select
               (select array_agg(id order by id) from public.features where id like 'enterprise-PBT%') as features,
               (select array_agg(id order by id) from public.tasks where id like 'task-pbt-%') as tasks`,
            fixture(s),
          );
          expect(seen.ok, seen.ok ? '' : seen.message).toBe(true);
          if (!seen.ok) return;
          const row = seen.rows[0]!;
          expect({ features: row.features ?? [], tasks: row.tasks ?? [] }, t).toEqual(oracle(s, t));
        }
      }),
      { numRuns: 30 },
    );
  });
});
