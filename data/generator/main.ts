// The whole seed, generated from data/.
import { fileURLToPath } from 'node:url';
import { buildLedger } from './ledger';
import { buildSampleData } from './features';
import { buildMembers } from './members';
import { seedSql } from './to-sql';

const dataDir = fileURLToPath(new URL('..', import.meta.url));
export const seedPath = fileURLToPath(new URL('../../supabase/seed.sql', import.meta.url));

export function generateSeed(): string {
  const ledger = buildLedger(`${dataDir}/plans`);
  const sample = buildSampleData(dataDir, ledger);
  return seedSql(ledger, sample, buildMembers(sample.townships));
}
