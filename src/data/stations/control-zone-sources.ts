import type { ControlZoneSources } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function getControlZoneSources(
  backend: Backend,
  stationId: string,
  radiusM = 1000,
): Promise<ControlZoneSources | null> {
  return backend.call('sources_in_control_zone', { station_id: stationId, radius_m: radiusM });
}

export function useControlZoneSources(stationId: string | null, enabled: boolean) {
  const backend = useBackend();
  return useQuery(enabled ? stationId : null, () => getControlZoneSources(backend, stationId!));
}
