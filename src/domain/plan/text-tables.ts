// Task tables carried in plain text, turned into the task lines the parser reads: tables drawn with
// box characters, tab-separated rows (copied from Word, WPS or Excel), "|" tables (Markdown, or
// flattened one cell per line) and
// tables a web page's text flattened to one row a line with spaces between cells, or to one cell a
// line.
// Whatever reads a plan's text goes through this first: the import view (which shows the result
// as the source), the parse-plan command and the scorer.
import { withBoxTables } from './box-tables';
import { withLineTables } from './line-tables';
import { withPipeTables } from './pipe-tables';
import { withSpaceTables } from './space-tables';
import { withTsvTables } from './tsv-tables';

export function withTextTables(text: string): string {
  return withLineTables(withSpaceTables(withPipeTables(withTsvTables(withBoxTables(text)))));
}
