// The one hook behind every resource hook: runs an async read when its key changes, keeps the
// previous answer while the next one loads, and drops answers to keys no longer asked. Keys are
// scoped to the current user: another user's answers are never shown, not even while loading.
import { useEffect, useState } from 'react';
import { useQueryScope } from './auth/session';
import { toBackendError, type BackendError } from './backend';

export interface QueryState<T> {
  data: T | undefined;
  /** The key `data` answers (it lags behind the current key while loading). */
  dataKey: string | null;
  error: BackendError | null;
  loading: boolean;
}

interface Answer<T> {
  scope: string;
  key: string | null;
  revision: number;
  data: T | undefined;
  error: BackendError | null;
}

/**
 * `key` null means "nothing to ask". A new `revision` asks again for the same key (after an edit)
 * while the answer in hand stays shown.
 */
export function useQuery<T>(key: string | null, run: () => Promise<T>, revision = 0): QueryState<T> {
  const scope = useQueryScope();
  const [answer, setAnswer] = useState<Answer<T>>({
    scope,
    key: null,
    revision,
    data: undefined,
    error: null,
  });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    run().then(
      (data) => current && setAnswer({ scope, key, revision, data, error: null }),
      (error: unknown) =>
        current && setAnswer({ scope, key, revision, data: undefined, error: toBackendError(error) }),
    );
    return () => {
      current = false;
    };
    // `run` closes over the values that make up `key`; the key alone decides when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, scope, revision]);
  if (key === null) return { data: undefined, dataKey: null, error: null, loading: false };
  if (answer.scope !== scope) return { data: undefined, dataKey: null, error: null, loading: true };
  return {
    data: answer.data,
    dataKey: answer.error ? null : answer.key,
    error: answer.key === key ? answer.error : null,
    loading: answer.key !== key || answer.revision !== revision,
  };
}
