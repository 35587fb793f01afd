// The ledger's filters, kept per user for the browser session: 在地图上显示 and 地图选取 leave the
// ledger for the map, and the user comes back to the list they were working through.
import { useCallback, useEffect, useState } from 'react';
import { NO_FILTERS, parseFilterState, type FilterState } from './ledger-rows';

function read(key: string): FilterState {
  try {
    return parseFilterState(sessionStorage.getItem(key));
  } catch {
    return NO_FILTERS;
  }
}

export function useLedgerFilters(userId: string) {
  const key = `tuzhang.ledger.filters.${userId}`;
  const [state, setState] = useState<FilterState>(() => read(key));
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(state));
    } catch {
      // Storage refused: the filters last while the ledger is open.
    }
  }, [key, state]);
  const update = useCallback((patch: Partial<FilterState>) => setState((s) => ({ ...s, ...patch })), []);
  const reset = useCallback(() => setState(NO_FILTERS), []);
  return { state, update, reset };
}

/** `value`, once it has stayed the same for `ms` (typing in the search field). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
