// Work items (对账销号): lists, one item with its events, its evidence files, and the actions of
// the status loop. Writes carry a client id, so a repeated submission is stored once.
import type { ItemStatus } from '../../domain/ledger/item-status';
import type { EvidenceDraft, WorkItem, WorkItemDetail, WorkItemList } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { readPages } from '../paging';
import type { RpcArgs } from '../rpc';
import { useQuery } from '../use-query';
import { evidenceContent, withEvidence, type EvidenceContent } from './evidence';

export interface ItemFilters {
  statuses?: ItemStatus[] | null;
  township_code?: string | null;
  task_id?: string | null;
  feature_id?: string | null;
  overdue_only?: boolean;
  /** Items of township or unit assignments only, not of linked features. */
  assignments_only?: boolean;
}

/** The first `limit` matching items (Infinity: all of them, page by page) and the counts of all. */
export function listWorkItems(backend: Backend, filters: ItemFilters, limit = 200): Promise<WorkItemList> {
  return readPages('items', limit, (offset, n) =>
    backend.call('work_items_list', { ...filters, limit_n: n, offset_n: offset }),
  );
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

/** One photo or file with its bytes, from the database or from Storage; null if not in reach. */
export async function getEvidenceFile(backend: Backend, evidenceId: string): Promise<EvidenceContent | null> {
  const file = await backend.call('evidence_file', { evidence_id: evidenceId });
  return file && evidenceContent(backend, file);
}

export type ActOnItemArgs = Omit<RpcArgs<'act_on_item'>, 'evidence'> & { evidence?: EvidenceDraft[] };

/** One step of the status loop; the files go to the database or, on Supabase, to Storage first. */
export function actOnItem(backend: Backend, { evidence = [], ...args }: ActOnItemArgs): Promise<WorkItem> {
  return withEvidence(backend, args.item_id, evidence, (stored) =>
    backend.call('act_on_item', { ...args, evidence: stored }),
  );
}

export function dispatchItem(backend: Backend, args: RpcArgs<'dispatch_item'>): Promise<WorkItem> {
  return backend.call('dispatch_item', args);
}
