// Compares a parsed document with its gold annotation (data/plans/GOLD_SCHEMA.md).
// - Assignments: an assignment matches when plan index + task number + scope + the three unit
//   sets are equal (as multisets); precision, recall and F1 over all assignments.
// - Deadlines: a gold task counts as correct when the parsed task with the same plan index and
//   number has the same set of deadlines.
// - Targets: a gold target counts as correct when the same plan has a parsed target with equal
//   metric, op, value and unit (the label is free text and not compared); parsed targets left
//   over are extra. Accuracy = correct / (gold + extra).
// - Metadata: kind, and per plan title, doc_number, issuer, issued_on, region, year and period.
import type { Assignment, ParsedDocument, Plan, Target } from './types';

export interface Ratio {
  correct: number;
  total: number;
}

export interface DocumentScore {
  document: string;
  assignments: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  deadlines: Ratio;
  targets: Ratio & { extra: number };
  metadata: Ratio & { mismatched: string[] };
  /** Readable keys of gold assignments the parser missed and of parsed ones not in the gold. */
  missing: string[];
  extra: string[];
}

function sorted(names: string[]): string {
  return [...names].sort().join('、');
}

export function assignmentKey(planIndex: number, taskNumber: string, a: Assignment): string {
  return `plan ${planIndex} task ${taskNumber} scope ${a.scope ?? '-'} | lead ${sorted(a.lead_units)} | cooperating ${sorted(a.cooperating_units)} | responsible ${sorted(a.responsible_units)}`;
}

function assignmentKeys(doc: ParsedDocument): string[] {
  return doc.plans.flatMap((plan, p) =>
    plan.tasks.flatMap((task) => task.assignments.map((a) => assignmentKey(p, task.number, a))),
  );
}

/** Multiset difference: items of `a` not matched by an item of `b`. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

function targetKey(t: Target): string {
  return `${t.metric} ${t.op} ${t.value} ${t.unit ?? ''}`;
}

const METADATA_FIELDS = ['title', 'doc_number', 'issuer', 'issued_on', 'region', 'year', 'period'] as const;

function ratio(correct: number, total: number): number {
  return total === 0 ? 1 : correct / total;
}

export function scoreDocument(parsed: ParsedDocument, gold: ParsedDocument): DocumentScore {
  const parsedKeys = assignmentKeys(parsed);
  const goldKeys = assignmentKeys(gold);
  const missing = minus(goldKeys, parsedKeys);
  const extra = minus(parsedKeys, goldKeys);
  const tp = goldKeys.length - missing.length;
  const precision = ratio(tp, parsedKeys.length);
  const recall = ratio(tp, goldKeys.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const deadlines: Ratio = { correct: 0, total: 0 };
  const targets = { correct: 0, total: 0, extra: 0 };
  const metadata = { correct: 0, total: 1, mismatched: [] as string[] };
  if (parsed.kind === gold.kind) metadata.correct++;
  else metadata.mismatched.push('kind');

  gold.plans.forEach((goldPlan, p) => {
    const plan: Plan | undefined = parsed.plans[p];
    for (const task of goldPlan.tasks) {
      deadlines.total++;
      const found = plan?.tasks.find((t) => t.number === task.number);
      if (found && sorted(found.deadlines) === sorted(task.deadlines)) deadlines.correct++;
    }
    const goldTargets = goldPlan.targets.map(targetKey);
    const parsedTargets = (plan?.targets ?? []).map(targetKey);
    targets.total += goldTargets.length;
    targets.correct += goldTargets.length - minus(goldTargets, parsedTargets).length;
    targets.extra += minus(parsedTargets, goldTargets).length;
    for (const field of METADATA_FIELDS) {
      metadata.total++;
      if (JSON.stringify(plan?.[field] ?? null) === JSON.stringify(goldPlan[field])) metadata.correct++;
      else metadata.mismatched.push(`plan ${p} ${field}`);
    }
  });
  for (const plan of parsed.plans.slice(gold.plans.length)) targets.extra += plan.targets.length;

  return {
    document: gold.document,
    assignments: { tp, fp: extra.length, fn: missing.length, precision, recall, f1 },
    deadlines,
    targets,
    metadata,
    missing,
    extra,
  };
}

/** Accuracy of a ratio; 1 when there was nothing to get right. */
export function accuracy(r: Ratio & { extra?: number }): number {
  return ratio(r.correct, r.total + (r.extra ?? 0));
}

/** Micro-averaged totals over several documents. */
export function totalScore(scores: DocumentScore[]): Omit<DocumentScore, 'document' | 'missing' | 'extra'> {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.assignments.tp);
  const fp = sum((s) => s.assignments.fp);
  const fn = sum((s) => s.assignments.fn);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    assignments: {
      tp,
      fp,
      fn,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    },
    deadlines: { correct: sum((s) => s.deadlines.correct), total: sum((s) => s.deadlines.total) },
    targets: {
      correct: sum((s) => s.targets.correct),
      total: sum((s) => s.targets.total),
      extra: sum((s) => s.targets.extra),
    },
    metadata: {
      correct: sum((s) => s.metadata.correct),
      total: sum((s) => s.metadata.total),
      mismatched: scores.flatMap((s) => s.metadata.mismatched.map((m) => `${s.document}: ${m}`)),
    },
  };
}
