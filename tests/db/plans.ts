// Small plans for the database tests of import and the unit registry, and a way to catch a refusal.
import type { BackendError } from '../../src/data/backend';
import type { Plan, Task } from '../../src/domain/plan/types';

/** A task numbered `number` whose lead and responsible units are the given printed names. */
export function unitTask(number: string, lead: string[], responsible: string[] = []): Task {
  return {
    number,
    title: `测试任务 ${number}`,
    section: null,
    deadlines: [],
    assignments: [
      { scope: null, lead_units: lead, cooperating_units: [], responsible_units: responsible, note: null },
    ],
  };
}

/** A plan of 惠济区 with the given tasks (by default one, with the given lead and responsible units). */
export function smallPlan(
  docNumber: string,
  lead: string[],
  responsible: string[] = [],
  tasks: Task[] = [unitTask('1', lead, responsible)],
): Plan {
  return {
    title: `测试方案 ${docNumber}`,
    doc_number: docNumber,
    issuer: null,
    issued_on: '2026-01-05',
    region: '惠济区',
    year: 2026,
    period: null,
    targets: [],
    tasks,
  };
}

export async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    return error as BackendError;
  }
  throw new Error('expected a refusal');
}
