// The ledger (台账): every task the user may read, filtered, with its status, due flags and latest
// progress; and the links between tasks and map features that planners make from it.
import type { FeatureLink, LedgerTaskList, OutsidePlanDistrict } from '../../domain/ledger/ledger-types';
import type { Backend, BackendError } from '../backend';
import { useBackend } from '../backend-context';
import { readPages } from '../paging';
import type { RpcArgs } from '../rpc';
import { useQuery } from '../use-query';

export type LedgerFilters = Omit<RpcArgs<'ledger_tasks'>, 'limit_n' | 'offset_n'>;

/** The first `limit` matching tasks (Infinity: all of them, page by page) and the counts of all. */
export function listLedgerTasks(
  backend: Backend,
  filters: LedgerFilters,
  limit = 500,
): Promise<LedgerTaskList> {
  return readPages('tasks', limit, (offset, n) =>
    backend.call('ledger_tasks', { ...filters, limit_n: n, offset_n: offset }),
  );
}

/** `revision` changes after a write (a link, an import), so that the list is asked again. */
export function useLedgerTasks(filters: LedgerFilters | null, revision: number, limit = 500) {
  const backend = useBackend();
  return useQuery(filters ? JSON.stringify([filters, revision, limit]) : null, () =>
    listLedgerTasks(backend, filters!, limit),
  );
}

/**
 * Links a feature to a task (linking twice changes nothing); answers with the task's feature count.
 * Refused with outside_plan_district (detail: outsidePlanDistrictOf) when the feature lies outside
 * the district of the task's plan.
 */
export function linkFeature(
  backend: Backend,
  featureId: string,
  taskId: string,
  note: string | null = null,
): Promise<FeatureLink> {
  return backend.call('link_feature_to_task', { feature_id: featureId, task_id: taskId, note });
}

export function unlinkFeature(backend: Backend, featureId: string, taskId: string): Promise<FeatureLink> {
  return backend.call('unlink_feature_from_task', { feature_id: featureId, task_id: taskId });
}

/** The feature and districts that an outside_plan_district refusal names. */
export function outsidePlanDistrictOf(error: BackendError): OutsidePlanDistrict | null {
  return error.code === 'outside_plan_district' ? (error.detail as OutsidePlanDistrict) : null;
}
