import type { TaskFeatures, TaskSummary } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import type { RpcArgs } from '../rpc';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function getTaskFeatures(backend: Backend, taskId: string): Promise<TaskFeatures | null> {
  return backend.call('task_features', { task_id: taskId });
}

/** `revision` asks again after an edit. */
export function useTaskFeatures(taskId: string | null, enabled: boolean, revision = 0) {
  const backend = useBackend();
  return useQuery(enabled ? taskId : null, () => getTaskFeatures(backend, taskId!), revision);
}

/** A planner's edit of a task, based on the version the panel showed. */
export function updateTask(backend: Backend, args: RpcArgs<'update_task'>): Promise<TaskSummary> {
  return backend.call('update_task', args);
}
