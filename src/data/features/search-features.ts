import type { SearchResult } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function searchFeatures(backend: Backend, q: string): Promise<SearchResult> {
  return backend.call('search_features', { q });
}

export function useSearchFeatures(q: string, enabled: boolean) {
  const backend = useBackend();
  const trimmed = q.trim();
  return useQuery(enabled && trimmed ? trimmed : null, () => searchFeatures(backend, trimmed));
}
