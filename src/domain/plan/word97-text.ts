// The plan text of a Word 97–2003 file (.doc, and WPS's .wps, which is the same format), given its
// WordDocument and table streams: the main document's paragraphs, one per line, without headers,
// footers, footnotes, comments or text boxes. A field shows its result, not its code; pictures and
// objects are dropped. A task table (重点任务清单) becomes task lines as a .docx's does, merged cells
// expanded; any other table gives its cells' paragraphs, one per line.
import { taskTableLines } from './task-table';
import type { Bytes } from './word97-bytes';
import { readFib } from './word97-fib';
import { paragraphProps, type ParagraphProps } from './word97-paragraphs';
import { mainText } from './word97-pieces';
import { tableGrid, type TableRow } from './word97-tables';

export type Word97Text = { ok: true; text: string } | { ok: false; reason: 'encrypted' | 'unsupported' };

type Block = { paragraph: string } | { rows: TableRow[] };

const FIELD_BEGIN = '\x13';
const FIELD_SEPARATOR = '\x14';
const FIELD_END = '\x15';
const PARAGRAPH_END = '\r';
const CELL_END = '\x07';

/** What a character of the text stands for ([MS-DOC] 2.8.25): breaks become line ends; anchors of
 *  pictures, objects, notes and comments, and optional hyphens, are nothing. */
function plain(char: string): string {
  switch (char) {
    case '\x0b': // line break
    case '\x0c': // page or section break
    case '\x0e': // column break
      return '\n';
    case '\x1e': // non-breaking hyphen
      return '-';
    case '\t':
      return char;
    default:
      return char < ' ' ? '' : char;
  }
}

/** The main text as paragraphs and tables, tables as rows of cells. */
function blocks(text: string, propsAt: (cp: number) => ParagraphProps): Block[] {
  const out: Block[] = [];
  let paragraph = '';
  let cell: string[] = [];
  let cells: string[] = [];
  let rows: TableRow[] = [];
  // Each open field: whether its result has begun (its code is not text).
  const fields: boolean[] = [];
  const endTable = () => {
    if (cells.length) rows.push({ cells, defs: [] });
    if (rows.length) out.push({ rows });
    [cell, cells, rows] = [[], [], []];
  };
  for (let cp = 0; cp < text.length; cp++) {
    const char = text[cp]!;
    if (char === FIELD_BEGIN) fields.push(false);
    else if (char === FIELD_SEPARATOR && fields.length) fields[fields.length - 1] = true;
    else if (char === FIELD_END) fields.pop();
    else if (char === CELL_END || char === PARAGRAPH_END) {
      const props = propsAt(cp);
      if (char === CELL_END && props.rowEnd) {
        rows.push({ cells, defs: props.cells });
        cells = [];
      } else if (char === CELL_END) {
        cells.push([...cell, paragraph].join('\n'));
        cell = [];
      } else if (props.inTable) {
        cell.push(paragraph);
      } else {
        endTable();
        out.push({ paragraph });
      }
      paragraph = '';
    } else if (!fields.includes(false)) {
      paragraph += plain(char);
    }
  }
  endTable();
  if (paragraph) out.push({ paragraph });
  return out;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim());
}

function blockLines(block: Block): string[] {
  if ('paragraph' in block) return lines(block.paragraph);
  return (
    taskTableLines(tableGrid(block.rows), { fillDown: false }) ??
    block.rows.flatMap((row) => row.cells.flatMap(lines))
  );
}

/** Throws a RangeError when the streams are damaged or cut short. */
export function word97Text(
  wordDocument: Bytes,
  stream: (name: '0Table' | '1Table' | 'Data') => Bytes | null,
): Word97Text {
  const read = readFib(wordDocument);
  if (!read.ok) return read;
  const { fib } = read;
  const table = stream(fib.tableStream);
  if (!table) throw new RangeError(`no ${fib.tableStream} stream`);
  const main = mainText(wordDocument, table, fib.clx, fib.ccpText);
  const propsAt = paragraphProps(wordDocument, table, stream('Data'), fib.plcfBtePapx);
  const text = blocks(main.text, (cp) => propsAt(main.fcOf(cp)))
    .flatMap(blockLines)
    .join('\n');
  return { ok: true, text };
}
