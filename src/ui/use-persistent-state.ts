import { useCallback, useState } from 'react';

/** State kept in localStorage (settings such as the basemap); falls back to memory if refused. */
export function usePersistentState<T extends string>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      return (localStorage.getItem(key) as T | null) ?? initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // Storage refused: the setting lasts for this page only.
      }
    },
    [key],
  );
  return [value, set];
}
