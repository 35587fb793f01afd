// Saving an edit based on a version (update_feature, update_task): one client id per submission
// so a double click is stored once; a refusal keeps everything typed; a conflict keeps the values
// as they now stand, so the planner can overwrite them knowingly or drop the edit.
import { useState } from 'react';
import { toBackendError, type BackendError } from '../../data/backend';

export interface VersionedSave<C> {
  busy: boolean;
  error: BackendError | null;
  /** The record as it now stands, after someone else changed it. */
  conflict: C | null;
  /** Saves on top of `baseVersion`; resolves true when stored. */
  save: (baseVersion: number) => Promise<boolean>;
  clearError: () => void;
}

export function useVersionedSave<C extends { version: number }>(
  write: (baseVersion: number, clientId: string) => Promise<unknown>,
): VersionedSave<C> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BackendError | null>(null);
  const [conflict, setConflict] = useState<C | null>(null);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const save = async (baseVersion: number) => {
    setBusy(true);
    setError(null);
    try {
      await write(baseVersion, clientId);
      setConflict(null);
      setClientId(crypto.randomUUID());
      return true;
    } catch (err) {
      const e = toBackendError(err);
      setError(e);
      if (e.code === 'stale_version') {
        setConflict(e.detail as C);
        // The next try is another submission, not a repeat of the refused one.
        setClientId(crypto.randomUUID());
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, conflict, save, clearError: () => setError(null) };
}
