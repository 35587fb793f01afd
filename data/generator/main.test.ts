import { describe, expect, it } from 'vitest';
import { generateSeed } from './main';

describe('generateSeed', () => {
  it('gives identical output on every run', () => {
    const first = generateSeed();
    const second = generateSeed();
    expect(second.length).toBe(first.length);
    expect(second === first).toBe(true);
  });

  // The Supabase CLI and psql -1 wrap the seed in their own transaction; one of ours would end it.
  it('inserts into every ledger table without transaction statements of its own', () => {
    const sql = generateSeed();
    expect(sql.startsWith('-- seed:')).toBe(true);
    expect(sql).not.toMatch(/^(begin|commit|rollback);$/m);
    for (const table of [
      'districts',
      'townships',
      'units',
      'plans',
      'tasks',
      'task_units',
      'features',
      'feature_tasks',
    ]) {
      expect(sql, table).toContain(`insert into public.${table} (`);
    }
    expect(sql).toContain("'station-1324A', 'station', '岗李水库'");
  });
});
