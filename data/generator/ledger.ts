// Plans, tasks, units and task-unit assignments from the annotated plan documents in data/plans
// (*.gold.json, see GOLD_SCHEMA.md). A real parser is its own piece of work; until then the
// ledger is seeded from these annotations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldAssignment {
  scope: string | null;
  lead_units: string[];
  cooperating_units: string[];
  responsible_units: string[];
  note: string | null;
}
export interface GoldTask {
  number: string;
  title: string;
  section: string | null;
  deadlines: string[];
  assignments: GoldAssignment[];
}
export interface GoldPlan {
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  region: string;
  year: number;
  period: { start: string; end: string } | null;
  tasks: GoldTask[];
}

export interface PlanRow {
  id: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  region: string;
  district_code: string;
  /** Set for a township's own plan (送表矿区): its items belong to that township. */
  township_code: string | null;
  year: number;
  period_start: string | null;
  period_end: string | null;
}
export interface TaskRow {
  id: string;
  plan_id: string;
  number: string;
  title: string;
  section: string | null;
  deadlines: string[];
  sort_order: number;
}
export interface UnitRow {
  id: string;
  name: string;
  kind: 'department' | 'township' | 'group' | 'village' | 'enterprise' | 'other';
  district_code: string;
  /** Groups of townships: every township of the district (各镇（街道）) or the ones command picks (相关街道). */
  covers: 'all_townships' | 'chosen_townships' | null;
}
export interface TaskUnitRow {
  task_id: string;
  unit_id: string;
  role: 'lead' | 'cooperating' | 'responsible';
  scope: string;
  name_as_printed: string;
  sort_order: number;
}

export interface Ledger {
  plans: PlanRow[];
  tasks: TaskRow[];
  units: UnitRow[];
  taskUnits: TaskUnitRow[];
}

/** The plan documents we seed from, with the slug used in ids and the district they govern. */
export const PLAN_SOURCES = [
  { file: 'huiji-2017-air-plan', slug: 'huiji-2017-air', district: '410108' },
  { file: 'songbiao-2019-air-plan', slug: 'songbiao-2019-air', district: '410185', township: '410185400' },
  { file: 'weidong-2021-60day-plan', slug: 'weidong-2021-60day', district: '410403' },
] as const;

export function taskId(planSlug: string, number: string): string {
  const plain = number.trim().toLowerCase();
  // Numbers such as （一） spell out their code points, so that different numbers stay different.
  const slug = /^[\x20-\x7e]+$/.test(plain)
    ? plain.replace(/[^a-z0-9]+/g, '-')
    : `u${[...plain].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
  return `task-${planSlug}-${slug}`;
}

function unitCovers(name: string): UnitRow['covers'] {
  if (/^各(镇|乡|街道)/.test(name)) return 'all_townships';
  if (/^相关(镇|乡|街道)/.test(name)) return 'chosen_townships';
  return null;
}

function unitKind(name: string): UnitRow['kind'] {
  if (/^(各|相关)|成员单位$|^矿区各/.test(name)) return 'group';
  if (/有限公司$|厂$/.test(name)) return 'enterprise';
  if (/村$/.test(name)) return 'village';
  if (/(街道办事处|街道|镇|乡)$/.test(name)) return 'township';
  return 'department';
}

const ROLES = [
  ['lead', 'lead_units'],
  ['cooperating', 'cooperating_units'],
  ['responsible', 'responsible_units'],
] as const;

export function buildLedger(plansDir: string): Ledger {
  const ledger: Ledger = { plans: [], tasks: [], units: [], taskUnits: [] };
  const unitIds = new Map<string, string>();
  const unitFor = (district: string, name: string): string => {
    // Same unit whether printed with full- or half-width parentheses; each assignment still
    // keeps the name exactly as printed.
    const key = `${district}\u0000${name.replace(/（/g, '(').replace(/）/g, ')')}`;
    let id = unitIds.get(key);
    if (!id) {
      const n = ledger.units.filter((u) => u.district_code === district).length + 1;
      id = `unit-${district}-${String(n).padStart(3, '0')}`;
      unitIds.set(key, id);
      ledger.units.push({
        id,
        name,
        kind: unitKind(name),
        district_code: district,
        covers: unitCovers(name),
      });
    }
    return id;
  };

  for (const source of PLAN_SOURCES) {
    const doc = JSON.parse(readFileSync(join(plansDir, `${source.file}.gold.json`), 'utf8')) as {
      plans: GoldPlan[];
    };
    doc.plans.forEach((plan, planIndex) => {
      const slug = doc.plans.length > 1 ? `${source.slug}-${planIndex + 1}` : source.slug;
      const planId = `plan-${slug}`;
      ledger.plans.push({
        id: planId,
        title: plan.title,
        doc_number: plan.doc_number,
        issuer: plan.issuer,
        issued_on: plan.issued_on,
        region: plan.region,
        district_code: source.district,
        township_code: 'township' in source ? source.township : null,
        year: plan.year,
        period_start: plan.period?.start ?? null,
        period_end: plan.period?.end ?? null,
      });
      plan.tasks.forEach((task, taskIndex) => {
        const id = taskId(slug, task.number);
        ledger.tasks.push({
          id,
          plan_id: planId,
          number: task.number,
          title: task.title,
          section: task.section,
          deadlines: [...new Set(task.deadlines)].sort(),
          sort_order: taskIndex,
        });
        const seen = new Set<string>();
        for (const assignment of task.assignments) {
          const scope = assignment.scope ?? '';
          for (const [role, field] of ROLES) {
            assignment[field].forEach((name, i) => {
              const unitId = unitFor(source.district, name);
              const key = `${role}|${scope}|${unitId}`;
              if (seen.has(key)) return;
              seen.add(key);
              ledger.taskUnits.push({
                task_id: id,
                unit_id: unitId,
                role,
                scope,
                name_as_printed: name,
                sort_order: i,
              });
            });
          }
        }
      });
    });
  }
  return ledger;
}
