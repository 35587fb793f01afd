// Parses one plan document and prints its JSON (data/plans/GOLD_SCHEMA.md) to stdout:
//
//   npm run --silent parse-plan -- <file.txt>
//
// stdout carries nothing but the JSON; errors go to stderr with a non-zero exit code (2 for a
// usage error, 1 for a file that cannot be read or is not text).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePlan } from '../src/domain/plan/plan-parser';
import { withTextTables } from '../src/domain/plan/text-tables';

function fail(message: string, code = 1): never {
  process.stderr.write(`parse-plan: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1) fail('usage: npm run --silent parse-plan -- <file.txt>', 2);
const path = args[0]!;

let bytes: Buffer;
try {
  if (!statSync(path).isFile()) fail(`${path} is not a file`);
  bytes = readFileSync(path);
} catch (error) {
  fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
if (bytes.includes(0)) fail(`${path} is binary, not a text file`);
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
} catch {
  fail(`${path} is not UTF-8 text`);
}
if (!text.trim()) fail(`${path} is empty`);

process.stdout.write(`${JSON.stringify(parsePlan(withTextTables(text), basename(path)), null, 2)}\n`);
