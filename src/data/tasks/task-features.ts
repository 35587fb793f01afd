import type { TaskFeatures } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function getTaskFeatures(backend: Backend, taskId: string): Promise<TaskFeatures | null> {
  return backend.call('task_features', { task_id: taskId });
}

export function useTaskFeatures(taskId: string | null, enabled: boolean) {
  const backend = useBackend();
  return useQuery(enabled ? taskId : null, () => getTaskFeatures(backend, taskId!));
}
