import type { FeatureDetail } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function getFeatureDetail(backend: Backend, featureId: string): Promise<FeatureDetail | null> {
  return backend.call('feature_detail', { feature_id: featureId });
}

export function useFeatureDetail(featureId: string | null, enabled: boolean) {
  const backend = useBackend();
  return useQuery(enabled ? featureId : null, () => getFeatureDetail(backend, featureId!));
}
