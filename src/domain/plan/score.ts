// Compares a parsed document with its gold annotation (data/plans/GOLD_SCHEMA.md).
// Tasks are paired by their number as printed (GOLD_SCHEMA.md); numbering may restart under each
// section (1–6 under （八）, 1–5 under （九）), so the n-th task numbered "1" pairs with the n-th gold
// task numbered "1" (taskKeys).
// - Assignments: an assignment matches when plan index + task key + scope + the three unit
//   sets are equal (as multisets); precision, recall and F1 over all assignments.
// - Deadlines: a gold task counts as correct when the parsed task with the same plan index and
//   task key has the same set of deadlines.
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

/** A set of names as one key; joined by a mark no name holds, so that a name printed with 、 inside
 *  ("欧阳、曲阳街道") is not read as two. */
function sorted(names: string[]): string {
  return [...names].sort().join(' + ');
}

/** One key per task, in order: its number, and for the n-th repeat of a number (n ≥ 2) "1#n".
 *  Parsed and gold tasks with the same key are the ones compared. */
export function taskKeys(tasks: { number: string }[]): string[] {
  const seen = new Map<string, number>();
  return tasks.map(({ number }) => {
    const n = (seen.get(number) ?? 0) + 1;
    seen.set(number, n);
    return n === 1 ? number : `${number}#${n}`;
  });
}

/** Each gold task with its key (see taskKeys) and the parsed task of the same key, or undefined. */
export function pairTasks<T extends { number: string }>(
  parsed: T[],
  gold: T[],
): [key: string, gold: T, parsed: T | undefined][] {
  const byKey = new Map(taskKeys(parsed).map((k, i) => [k, parsed[i]!] as const));
  return taskKeys(gold).map((key, i) => [key, gold[i]!, byKey.get(key)]);
}

export function assignmentKey(planIndex: number, taskKey: string, a: Assignment): string {
  return `plan ${planIndex} task ${taskKey} scope ${a.scope ?? '-'} | lead ${sorted(a.lead_units)} | cooperating ${sorted(a.cooperating_units)} | responsible ${sorted(a.responsible_units)}`;
}

function assignmentKeys(doc: ParsedDocument): string[] {
  return doc.plans.flatMap((plan, p) => {
    const keys = taskKeys(plan.tasks);
    return plan.tasks.flatMap((task, t) => task.assignments.map((a) => assignmentKey(p, keys[t]!, a)));
  });
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
    for (const [, task, found] of pairTasks(plan?.tasks ?? [], goldPlan.tasks)) {
      deadlines.total++;
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
