// The history of a task, a feature or a work item: who changed what, when.
import type { HistoryEntry } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export type HistorySubject = { task_id: string } | { feature_id: string } | { item_id: string };

export function getHistory(backend: Backend, subject: HistorySubject): Promise<HistoryEntry[]> {
  return backend.call('history_of', subject);
}

export function useHistory(subject: HistorySubject | null, revision = 0) {
  const backend = useBackend();
  return useQuery(subject ? JSON.stringify([subject, revision]) : null, () => getHistory(backend, subject!));
}
