// Every annotated plan, laid out as other copies of it arrive (a PDF's lines at several widths, a web
// page's blank lines, Windows line ends, the other width of punctuation), must give the same ledger
// as its gold annotation: the parser reads words, not one file's layout.
import { describe, expect, it } from 'vitest';
import { differences, goldDocuments, KNOWN_GAPS } from '../../../tests/fixtures/gold-plans';
import { foldPunctuation, LAYOUTS } from '../../../tests/fixtures/plan-layouts';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';
import { withTextTables } from './text-tables';

const documents = goldDocuments.filter((d) => !KNOWN_GAPS[d.name]);

/** A copy that flattened its line breaks into spaces (read back where a numbering marker follows a
 *  space) is a layout of its own: wrapped again, a break falls where no space is left to find it. */
function flattened(text: string): boolean {
  const lines = physicalLines(text);
  return new Set(lines.map((l) => l.start)).size < lines.length;
}

describe.each(LAYOUTS)('a plan laid out with $name', ({ apply, breaksTables, printed, rewraps }) => {
  for (const { name, text, gold } of documents) {
    // A table in text (Markdown, tab- or space-separated) holds one row a line.
    if (breaksTables && withTextTables(text) !== text) continue;
    if (rewraps && flattened(text)) continue;
    const metadata = !printed || !physicalLines(text).some((l) => l.chrome);
    it(`${name} reads as its gold annotation${metadata ? '' : ' (tasks)'}`, () => {
      const parsed = parsePlan(withTextTables(apply(text)), name);
      expect(differences(foldPunctuation(parsed), foldPunctuation(gold), metadata)).toEqual([]);
    });
  }
});
