import { describe, expect, it } from 'vitest';
import { accuracy, pairTasks, scoreDocument, taskKeys, totalScore } from './score';
import type { Assignment, ParsedDocument, Task } from './types';

const assignment = (scope: string | null, lead: string[], responsible: string[]): Assignment => ({
  scope,
  lead_units: lead,
  cooperating_units: [],
  responsible_units: responsible,
  note: null,
});

function doc(assignments: Assignment[], deadlines: string[] = [], value = 117): ParsedDocument {
  return {
    document: 'x.txt',
    kind: 'plan',
    plans: [
      {
        title: 'T',
        doc_number: null,
        issuer: null,
        issued_on: null,
        region: null,
        year: 2017,
        period: null,
        targets: [{ metric: 'PM10', label: 'PM10', op: '<=', value, unit: 'μg/m³' }],
        tasks: [{ number: '1', title: 't', section: null, deadlines, assignments }],
      },
    ],
  };
}

describe('scoreDocument', () => {
  const gold = doc(
    [assignment(null, ['区环保局'], ['各镇（街道）']), assignment('(2)', ['区住建局'], [])],
    ['2017-08-31'],
  );

  it('is perfect on the gold itself, whatever the order of names', () => {
    const parsed = doc(
      [assignment(null, ['区环保局'], ['各镇（街道）']), assignment('(2)', ['区住建局'], [])],
      ['2017-08-31'],
    );
    parsed.plans[0]!.tasks[0]!.assignments[0]!.note = 'a note is not compared';
    const s = scoreDocument(parsed, gold);
    expect(s.assignments).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(s.deadlines).toEqual({ correct: 1, total: 1 });
    expect(s.targets).toEqual({ correct: 1, total: 1, extra: 0 });
    expect(s.metadata.correct).toBe(s.metadata.total);
  });

  it('counts an assignment with another scope or unit set as both missing and extra', () => {
    const parsed = doc(
      [assignment(null, ['区环保局'], ['各镇（街道）']), assignment(null, ['区住建局'], [])],
      [],
      120,
    );
    const s = scoreDocument(parsed, gold);
    expect(s.assignments).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(s.missing).toEqual(['plan 0 task 1 scope (2) | lead 区住建局 | cooperating  | responsible ']);
    expect(s.deadlines).toEqual({ correct: 0, total: 1 });
    expect(s.targets).toEqual({ correct: 0, total: 1, extra: 1 });
    expect(accuracy(s.targets)).toBe(0);
    expect(totalScore([s, s]).assignments.f1).toBe(0.5);
  });
});

describe('tasks with repeated numbers (numbering restarted under each section)', () => {
  const task = (number: string, deadline: string, unit: string): Task => ({
    number,
    title: 't',
    section: null,
    deadlines: [deadline],
    assignments: [assignment(null, [], [unit])],
  });
  const withTasks = (tasks: Task[]): ParsedDocument => {
    const d = doc([]);
    d.plans[0]!.tasks = tasks;
    return d;
  };
  const gold = withTasks([
    task('1', '2009-09-30', '市林业局'),
    task('2', '2009-05-10', '市水利局'),
    task('1', '2009-05-30', '市建委'),
  ]);

  it('keys the n-th repeat of a number as "number#n"', () => {
    expect(taskKeys([{ number: '1' }, { number: '2' }, { number: '1' }, { number: '1' }])).toEqual([
      '1',
      '2',
      '1#2',
      '1#3',
    ]);
  });

  it('pairs the n-th task of a number with the n-th gold task of that number', () => {
    const parsed = withTasks([task('1', 'a', 'x'), task('1', 'b', 'y')]);
    expect(
      pairTasks(parsed.plans[0]!.tasks, gold.plans[0]!.tasks).map(([, g, p]) => [g.number, p?.deadlines[0]]),
    ).toEqual([
      ['1', 'a'],
      ['2', undefined],
      ['1', 'b'],
    ]);
  });

  it('scores the second task 1 against the second gold task 1, not the first', () => {
    const s = scoreDocument(gold, gold);
    expect(s.deadlines).toEqual({ correct: 3, total: 3 });
    expect(s.assignments).toMatchObject({ tp: 3, fp: 0, fn: 0 });
    // The units and deadlines of the two tasks numbered 1 swapped: both wrong.
    const swapped = withTasks([
      task('1', '2009-05-30', '市建委'),
      task('2', '2009-05-10', '市水利局'),
      task('1', '2009-09-30', '市林业局'),
    ]);
    const t = scoreDocument(swapped, gold);
    expect(t.deadlines).toEqual({ correct: 1, total: 3 });
    expect(t.assignments).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(t.missing).toContain('plan 0 task 1#2 scope - | lead  | cooperating  | responsible 市建委');
  });
});
