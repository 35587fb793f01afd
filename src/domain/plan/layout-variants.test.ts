// Every annotated plan, laid out as other copies of it arrive (a PDF's lines at several widths, a web
// page's blank lines, Windows line ends, the other width of punctuation), must give the same ledger
// as its gold annotation: the parser reads words, not one file's layout.
import { describe, expect, it } from 'vitest';
import { differences, goldDocuments, KNOWN_GAPS } from '../../../tests/fixtures/gold-plans';
import { foldPunctuation, LAYOUTS } from '../../../tests/fixtures/plan-layouts';
import { physicalLines } from './normalize-text';
import { withoutChunkNumbers } from './run-together';
import { parsePlan } from './plan-parser';
import { withTextTables } from './text-tables';

/** A copy that flattened its line breaks into spaces (read back where a numbering marker follows a
 *  space) is a layout of its own: wrapped again, a break falls where no space is left to find it.
 *  So is a sharing site's copy in numbered chunks: wrapped again, its chunks are lines like any. */
function flattened(text: string): boolean {
  const lines = physicalLines(text);
  return new Set(lines.map((l) => l.start)).size < lines.length || withoutChunkNumbers(lines) !== lines;
}

// What each document is, worked out once for all the layouts.
const documents = goldDocuments
  .filter((d) => !KNOWN_GAPS[d.name])
  .map((d) => ({
    ...d,
    // A table in text (Markdown, tab- or space-separated) holds one row a line.
    hasTable: withTextTables(d.text) !== d.text,
    flattened: flattened(d.text),
    chrome: physicalLines(d.text).some((l) => l.chrome),
  }));

describe.each(LAYOUTS)('a plan laid out with $name', ({ apply, breaksTables, printed, rewraps }) => {
  for (const { name, text, gold, hasTable, flattened: flat, chrome } of documents) {
    if ((breaksTables && hasTable) || (rewraps && flat)) continue;
    const metadata = !printed || !chrome;
    it(`${name} reads as its gold annotation${metadata ? '' : ' (tasks)'}`, () => {
      const parsed = parsePlan(withTextTables(apply(text)), name);
      expect(differences(foldPunctuation(parsed), foldPunctuation(gold), metadata)).toEqual([]);
    });
  }
});
