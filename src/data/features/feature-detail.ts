import type { FeatureDetail, FeatureValues } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import type { RpcArgs } from '../rpc';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function getFeatureDetail(backend: Backend, featureId: string): Promise<FeatureDetail | null> {
  return backend.call('feature_detail', { feature_id: featureId });
}

/** `revision` asks again after an edit. */
export function useFeatureDetail(featureId: string | null, enabled: boolean, revision = 0) {
  const backend = useBackend();
  return useQuery(enabled ? featureId : null, () => getFeatureDetail(backend, featureId!), revision);
}

/** A planner's edit, based on the version the panel showed; stale_version carries the current values. */
export function updateFeature(backend: Backend, args: RpcArgs<'update_feature'>): Promise<FeatureValues> {
  return backend.call('update_feature', args);
}
