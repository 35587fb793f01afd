// Writes supabase/seed.sql from data/. `--check` exits non-zero if the committed seed differs
// from what the generator makes now (it is deterministic).
import { readFileSync, writeFileSync } from 'node:fs';
import { generateSeed, seedPath } from './main';

const sql = generateSeed();
if (process.argv.includes('--check')) {
  if (readFileSync(seedPath, 'utf8') !== sql) {
    console.error('supabase/seed.sql is out of date: run `npm run seed:generate`.');
    process.exit(1);
  }
} else {
  writeFileSync(seedPath, sql);
  console.log(`wrote ${seedPath} (${(sql.length / 1024).toFixed(0)} KiB)`);
}
