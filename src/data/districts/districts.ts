// The districts and their townships: reference data for choosing, filtering and dispatching.
import type { DistrictEntry } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function listDistricts(backend: Backend): Promise<DistrictEntry[]> {
  return backend.call('districts_list', {});
}

export function useDistricts(enabled: boolean) {
  const backend = useBackend();
  return useQuery(enabled ? 'districts' : null, () => listDistricts(backend));
}
