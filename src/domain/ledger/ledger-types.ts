// Shapes of what the plan import, unit registry and ledger functions take and return
// (supabase/migrations/202611240010..12*.sql). Plain data; both backends return exactly these.
import type { DocumentKind, Plan, Target } from '../plan/types';
import type { UnitKind } from '../plan/units';
import type { TaskSummary } from './types';

/** A unit's kind in the registry: what classifyUnit says, or 'other'. */
export type RegistryUnitKind = UnitKind | 'other';
/** What a group stands for: every township of its district (各镇（街道）), or the ones command picks (相关街道). */
export type UnitCovers = 'all_townships' | 'chosen_townships';

/** What the client knows of a printed unit name; used only when the registry does not know the name. */
export interface UnitHint {
  kind: RegistryUnitKind;
  covers: UnitCovers | null;
}

/** import_plan's `plan`: one parsed plan, the document kind ('news' may have no tasks) and unit hints by printed name. */
export interface PlanImport extends Plan {
  kind?: DocumentKind;
  units?: Record<string, UnitHint>;
}

export interface ImportPlanResult {
  plan_id: string;
  /** false when an existing plan was updated in place (replace_existing). */
  created: boolean;
  tasks: number;
  assignments: number;
  units_created: number;
  tasks_added: number;
  tasks_removed: number;
}

/** The detail of a plan_exists refusal: the plan that has this 文号 (or title) already. */
export interface ExistingPlan {
  plan_id: string;
  title: string;
  doc_number: string | null;
  task_count: number;
}

/** The detail of an invalid_plan refusal: where (e.g. "tasks[3].deadlines[0]") and what. */
export interface PlanProblem {
  path: string;
  problem:
    | 'required'
    | 'unknown'
    | 'duplicate'
    | 'not_a_date'
    | 'not_a_string'
    | 'not_a_list'
    | 'not_an_object'
    | 'not_a_list_of_names'
    | 'unknown_kind'
    | 'out_of_range'
    | 'ends_before_start';
}

export interface PlanListEntry {
  id: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  region: string | null;
  year: number | null;
  period_start: string | null;
  period_end: string | null;
  district: { code: string; name: string } | null;
  /** Set for a township's own plan (送表矿区). */
  township: { code: string; name: string } | null;
  targets: Target[];
  version: number;
  /** Tasks of the plan the caller sees (a township: the ones it holds items of). */
  task_count: number;
}

export interface UnitEntry {
  id: string;
  name: string;
  kind: RegistryUnitKind;
  covers: UnitCovers | null;
  district_code: string | null;
  township_code: string | null;
  /** What a rename must be based on. */
  version: number;
  /** Other names of this unit: former names and the names of units merged into it. */
  aliases: string[];
  /** The merges into this unit that still stand, newest first. */
  merges: UnitMerge[];
  /** Assignments by role, items and features, as far as the caller sees. */
  usage: { lead: number; cooperating: number; responsible: number; items: number; features: number };
}

/**
 * Why a merge cannot be undone (unmerge_unit refuses with cannot_unmerge): an item with a record
 * of progress was let go where two became one; a later merge into the kept unit (or of it into
 * another) stands; a unit goes by the merged unit's name now.
 */
export type UnmergeBlock = 'progress_lost' | 'later_merge' | 'name_taken';

/** A merge of another unit into this one, which unmerge_unit can take back unless `blocked`. */
export interface UnitMerge {
  id: number;
  /** The merged unit's name, which comes back with it. */
  name: string;
  merged_at: string;
  blocked: UnmergeBlock | null;
}

export interface MergeUnitsResult {
  unit: UnitEntry;
  merged: { id: string; name: string };
  moved: { assignments: number; items: number; features: number };
  merge_id: number;
}

interface UnitHoldings {
  assignments: number;
  items: number;
  features: number;
}

export interface UnmergeUnitResult {
  /** The unit the merge kept, without what went back. */
  unit: UnitEntry;
  /** The merged unit, back under its id and name. */
  restored: UnitEntry;
  returned: UnitHoldings;
  /** What the merge moved that later edits moved on or removed: it stays as they left it. */
  left: UnitHoldings;
}

/** The detail of a cannot_unmerge refusal. */
export interface CannotUnmerge {
  reason: UnmergeBlock;
  /** The merged unit's name. */
  name: string;
  /** The kept unit's name, null when it has been merged away since. */
  into: string | null;
}

/** The detail of an already_exists refusal of a rename: the unit that goes by the name. */
export interface UnitNameTaken {
  name: string;
  unit: { id: string; name: string } | null;
}

/** The newest progress note among a task's items (进展情况). */
export interface LedgerProgress {
  note: string;
  at: string | null;
  actor_name: string | null;
  township_name: string | null;
  unit_name: string | null;
}

export interface LedgerTask extends TaskSummary {
  /** The earliest deadline, else the end of the plan's campaign period. */
  due: string | null;
  overdue: boolean;
  /** Open and due within 7 days (China date). */
  due_soon: boolean;
  progress: LedgerProgress | null;
}

export interface LedgerTaskList {
  total: number;
  overdue: number;
  due_soon: number;
  tasks: LedgerTask[];
}

export interface FeatureLink {
  task_id: string;
  feature_id: string;
  linked: boolean;
  feature_count: number;
}

/**
 * The detail of an outside_plan_district refusal: the feature, the district its geometry lies in
 * (null when none of the districts), and the district of the task's plan.
 */
export interface OutsidePlanDistrict {
  feature: { id: string; name: string };
  feature_district: { code: string; name: string } | null;
  plan_district: { code: string; name: string };
}
