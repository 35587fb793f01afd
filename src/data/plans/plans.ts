// Plans: saving a reviewed plan (import) and the plans the ledger filters by (the units are in
// data/units). An import sends, with the parsed plan, what the
// client knows of each printed unit name (classifyUnit, expandGroup); the database uses that only
// for names its registry does not know.
import type {
  ExistingPlan,
  ImportPlanResult,
  PlanListEntry,
  PlanProblem,
  UnitHint,
} from '../../domain/ledger/ledger-types';
import type { DocumentKind, Plan } from '../../domain/plan/types';
import { classifyUnit, expandGroup } from '../../domain/plan/units';
import type { Backend, BackendError } from '../backend';
import { useBackend } from '../backend-context';
import type { RpcArgs } from '../rpc';
import { useQuery } from '../use-query';

const COVERS = { all: 'all_townships', pick: 'chosen_townships', none: null } as const;

/** Kind and coverage of every unit name the plan prints, keyed by the name as printed. */
export function unitHints(plan: Plan): Record<string, UnitHint> {
  const hints: Record<string, UnitHint> = {};
  for (const task of plan.tasks) {
    for (const a of task.assignments) {
      for (const name of [...a.lead_units, ...a.cooperating_units, ...a.responsible_units]) {
        // Whether a group covers all townships does not depend on which townships there are.
        hints[name] = { kind: classifyUnit(name), covers: COVERS[expandGroup(name, []).kind] };
      }
    }
  }
  return hints;
}

export type ImportPlanArgs = Omit<RpcArgs<'import_plan'>, 'plan'> & { plan: Plan; kind?: DocumentKind };

/**
 * Saves a reviewed plan. Refused with plan_exists (detail: existingPlanOf) when its 文号 is in the
 * ledger already: ask the user, then call again with replace_existing to update that plan.
 */
export function importPlan(
  backend: Backend,
  { plan, kind, ...args }: ImportPlanArgs,
): Promise<ImportPlanResult> {
  return backend.call('import_plan', { ...args, plan: { ...plan, kind, units: unitHints(plan) } });
}

/** The plan that a plan_exists refusal names. */
export function existingPlanOf(error: BackendError): ExistingPlan | null {
  return error.code === 'plan_exists' ? (error.detail as ExistingPlan) : null;
}

/** Where and what an invalid_plan refusal found wrong. */
export function planProblemOf(error: BackendError): PlanProblem | null {
  return error.code === 'invalid_plan' ? (error.detail as PlanProblem) : null;
}

export function listPlans(backend: Backend): Promise<PlanListEntry[]> {
  return backend.call('plans_list', {});
}

/** `revision` changes after a write (an import), so that the list is asked again. */
export function usePlans(revision: number) {
  const backend = useBackend();
  return useQuery(`plans#${revision}`, () => listPlans(backend));
}
