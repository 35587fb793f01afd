// The API the client may call: SQL function names, their arguments and what they return. Both
// adapters take exactly this list, so no query is written twice and no other name is callable.
import type { FeatureKind } from '../domain/feature/kinds';
import type {
  ControlZoneSources,
  FeatureDetail,
  FeaturesInView,
  SearchResult,
  TaskFeatures,
} from '../domain/ledger/types';

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
}

export type RpcName = keyof RpcContract;
export type RpcArgs<N extends RpcName> = RpcContract[N]['args'];
export type RpcResult<N extends RpcName> = RpcContract[N]['returns'];

export const RPC_NAMES: readonly RpcName[] = [
  'features_in_view',
  'feature_detail',
  'task_features',
  'search_features',
  'sources_in_control_zone',
];

type ArgValue = string | number | boolean | null | undefined | readonly string[];

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
    params.push(raw === null ? null : Array.isArray(raw) ? arrayLiteral(raw) : String(raw));
    named.push(`${key} => $${params.length}`);
  }
  return { sql: `select public.${name}(${named.join(', ')}) as result`, params };
}
