// Startup state of the backend for the progress indicator and the root's data-state.
import { useCallback, useEffect, useState } from 'react';
import { toBackendError, type BackendError, type StartupProgress } from './backend';
import { useBackend } from './backend-context';

export type BackendStatus =
  | { state: 'loading'; progress: StartupProgress }
  | { state: 'ready' }
  | { state: 'error'; error: BackendError };

export function useBackendStatus() {
  const backend = useBackend();
  const [status, setStatus] = useState<BackendStatus>({ state: 'loading', progress: { step: 'engine' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const off = backend.onProgress((progress) => current && setStatus({ state: 'loading', progress }));
    backend.ready().then(
      () => current && setStatus({ state: 'ready' }),
      (error: unknown) => current && setStatus({ state: 'error', error: toBackendError(error) }),
    );
    return () => {
      current = false;
      off();
    };
  }, [backend, attempt]);
  const retry = useCallback(() => {
    setStatus({ state: 'loading', progress: { step: 'engine' } });
    setAttempt((n) => n + 1);
  }, []);
  const reset = useCallback(async () => {
    await backend.reset?.();
    retry();
  }, [backend, retry]);
  return { status, retry, reset: backend.reset ? reset : null };
}
