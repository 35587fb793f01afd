// Work items (对账销号): lists, one item with its events, its evidence files, and the actions of
// the status loop. Writes carry a client id, so a repeated submission is stored once.
import type { ItemStatus } from '../../domain/ledger/item-status';
import type { EvidenceFile, WorkItem, WorkItemDetail, WorkItemList } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import type { RpcArgs } from '../rpc';
import { useQuery } from '../use-query';

export interface ItemFilters {
  statuses?: ItemStatus[] | null;
  township_code?: string | null;
  task_id?: string | null;
  feature_id?: string | null;
  overdue_only?: boolean;
}

export function listWorkItems(backend: Backend, filters: ItemFilters, limit = 200): Promise<WorkItemList> {
  return backend.call('work_items_list', { ...filters, limit_n: limit });
}

/** `revision` changes after a write, so that the list is asked again; limit 0 asks only for counts. */
export function useWorkItems(filters: ItemFilters | null, revision: number, limit = 200) {
  const backend = useBackend();
  return useQuery(filters ? JSON.stringify([filters, revision, limit]) : null, () =>
    listWorkItems(backend, filters!, limit),
  );
}

export function getItemDetail(backend: Backend, itemId: string): Promise<WorkItemDetail | null> {
  return backend.call('item_detail', { item_id: itemId });
}

export function useItemDetail(itemId: string | null, revision: number) {
  const backend = useBackend();
  const query = useQuery(itemId ? `${itemId}#${revision}` : null, () => getItemDetail(backend, itemId!));
  return { ...query, dataKey: query.dataKey?.replace(/#\d+$/, '') ?? null };
}

export function getEvidenceFile(backend: Backend, evidenceId: string): Promise<EvidenceFile | null> {
  return backend.call('evidence_file', { evidence_id: evidenceId });
}

export function actOnItem(backend: Backend, args: RpcArgs<'act_on_item'>): Promise<WorkItem> {
  return backend.call('act_on_item', args);
}

export function dispatchItem(backend: Backend, args: RpcArgs<'dispatch_item'>): Promise<WorkItem> {
  return backend.call('dispatch_item', args);
}
