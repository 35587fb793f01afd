// The API the client may call: SQL function names, their arguments and what they return. Both
// adapters take exactly this list, so no query is written twice and no other name is callable.
import type { FeatureKind } from '../domain/feature/kinds';
import type { ItemAction, ItemStatus } from '../domain/ledger/item-status';
import type {
  FeatureLink,
  ImportPlanResult,
  LedgerTaskList,
  MergeUnitsResult,
  PlanImport,
  PlanListEntry,
  UnitEntry,
  UnmergeUnitResult,
} from '../domain/ledger/ledger-types';
import type {
  ControlZoneSources,
  DistrictEntry,
  EvidenceFile,
  EvidenceUpload,
  FeatureDetail,
  FeaturesInView,
  FeatureValues,
  HistoryEntry,
  Membership,
  SearchResult,
  TaskFeatures,
  TaskStatus,
  TaskSummary,
  UnitRole,
  WorkItem,
  WorkItemDetail,
  WorkItemList,
} from '../domain/ledger/types';

/** Every write takes an optional client-generated id: a repeated submission is stored once. */
interface Submission {
  client_id?: string | null;
}

export interface RpcContract {
  features_in_view: {
    args: {
      min_lon: number;
      min_lat: number;
      max_lon: number;
      max_lat: number;
      kinds?: FeatureKind[] | null;
    };
    returns: FeaturesInView;
  };
  feature_detail: { args: { feature_id: string }; returns: FeatureDetail | null };
  task_features: { args: { task_id: string }; returns: TaskFeatures | null };
  search_features: { args: { q: string }; returns: SearchResult };
  sources_in_control_zone: {
    args: { station_id: string; radius_m?: number };
    returns: ControlZoneSources | null;
  };
  whoami: { args: Record<string, never>; returns: Membership | null };
  work_items_list: {
    args: {
      statuses?: ItemStatus[] | null;
      township_code?: string | null;
      task_id?: string | null;
      feature_id?: string | null;
      overdue_only?: boolean;
      assignments_only?: boolean;
      limit_n?: number;
      offset_n?: number;
    };
    returns: WorkItemList;
  };
  item_detail: { args: { item_id: string }; returns: WorkItemDetail | null };
  evidence_file: { args: { evidence_id: string }; returns: EvidenceFile | null };
  act_on_item: {
    args: Submission & {
      item_id: string;
      action: ItemAction;
      base_version: number;
      note?: string | null;
      evidence?: EvidenceUpload[];
    };
    returns: WorkItem;
  };
  dispatch_item: {
    args: Submission & {
      task_id: string;
      township_code?: string | null;
      unit_id?: string | null;
      feature_id?: string | null;
      deadline?: string | null;
    };
    returns: WorkItem;
  };
  update_item: {
    args: Submission & {
      item_id: string;
      base_version: number;
      changes: { township_code?: string | null; unit_id?: string | null; deadline?: string | null };
    };
    returns: WorkItem;
  };
  update_feature: {
    args: Submission & {
      feature_id: string;
      base_version: number;
      changes: Partial<Pick<FeatureValues, 'name' | 'township_code' | 'unit_id' | 'properties' | 'geometry'>>;
    };
    returns: FeatureValues;
  };
  update_task: {
    args: Submission & {
      task_id: string;
      base_version: number;
      changes: { number?: string; title?: string; section?: string | null; deadlines?: string[] };
    };
    returns: TaskSummary;
  };
  districts_list: { args: Record<string, never>; returns: DistrictEntry[] };
  history_of: {
    args: { task_id?: string | null; feature_id?: string | null; item_id?: string | null };
    returns: HistoryEntry[];
  };
  import_plan: {
    args: Submission & {
      plan: PlanImport;
      district_code: string;
      township_code?: string | null;
      source_text?: string | null;
      replace_existing?: boolean;
    };
    returns: ImportPlanResult;
  };
  plans_list: { args: Record<string, never>; returns: PlanListEntry[] };
  units_list: { args: { district_code?: string | null }; returns: UnitEntry[] };
  merge_units: { args: { from_unit_id: string; into_unit_id: string }; returns: MergeUnitsResult };
  rename_unit: {
    args: Submission & { unit_id: string; new_name: string; base_version?: number | null };
    returns: UnitEntry;
  };
  unmerge_unit: { args: Submission & { merge_id: number }; returns: UnmergeUnitResult };
  ledger_tasks: {
    args: {
      plan_id?: string | null;
      unit_id?: string | null;
      unit_role?: UnitRole | null;
      township_code?: string | null;
      statuses?: TaskStatus[] | null;
      overdue_only?: boolean;
      due_within_days?: number | null;
      q?: string | null;
      limit_n?: number;
      offset_n?: number;
    };
    returns: LedgerTaskList;
  };
  link_feature_to_task: {
    args: { feature_id: string; task_id: string; note?: string | null };
    returns: FeatureLink;
  };
  unlink_feature_from_task: { args: { feature_id: string; task_id: string }; returns: FeatureLink };
}

export type RpcName = keyof RpcContract;
export type RpcArgs<N extends RpcName> = RpcContract[N]['args'];
export type RpcResult<N extends RpcName> = RpcContract[N]['returns'];

// Every function of the contract, and only those (the type makes the list complete).
const CALLABLE: Record<RpcName, true> = {
  features_in_view: true,
  feature_detail: true,
  task_features: true,
  search_features: true,
  sources_in_control_zone: true,
  whoami: true,
  work_items_list: true,
  item_detail: true,
  evidence_file: true,
  act_on_item: true,
  dispatch_item: true,
  update_item: true,
  update_feature: true,
  update_task: true,
  history_of: true,
  import_plan: true,
  plans_list: true,
  units_list: true,
  merge_units: true,
  rename_unit: true,
  unmerge_unit: true,
  ledger_tasks: true,
  link_feature_to_task: true,
  unlink_feature_from_task: true,
  districts_list: true,
};
export const RPC_NAMES = Object.keys(CALLABLE) as readonly RpcName[];

type ArgValue = string | number | boolean | null | undefined | readonly string[] | object;

/** Arguments declared jsonb in SQL; every other array argument is a text[]. */
const JSON_ARGS: ReadonlySet<string> = new Set(['evidence', 'changes', 'plan']);

function paramText(key: string, raw: ArgValue): string | null {
  if (raw === null || raw === undefined) return null;
  if (JSON_ARGS.has(key)) return JSON.stringify(raw);
  if (Array.isArray(raw)) return arrayLiteral(raw as string[]);
  if (typeof raw === 'object') throw new Error(`argument ${key} must be declared in JSON_ARGS`);
  return String(raw);
}

/** A PostgreSQL array literal: {"a","b"} with quotes and backslashes escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * The statement that calls an API function with named arguments, as PostgREST does: every value
 * travels as an untyped text parameter, so PostgreSQL resolves it against the function's own
 * signature. Omitted (undefined) arguments take the function's defaults.
 */
export function rpcStatement(name: RpcName, args: object): { sql: string; params: (string | null)[] } {
  if (!RPC_NAMES.includes(name)) throw new Error(`unknown API function ${String(name)}`);
  const params: (string | null)[] = [];
  const named: string[] = [];
  for (const [key, raw] of Object.entries(args as Record<string, ArgValue>)) {
    if (raw === undefined) continue;
    if (!/^[a-z_][a-z0-9_]*$/.test(key)) throw new Error(`bad argument name ${key}`);
    params.push(paramText(key, raw));
    named.push(`${key} => $${params.length}`);
  }
  return { sql: `select public.${name}(${named.join(', ')}) as result`, params };
}
