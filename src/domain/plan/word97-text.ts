// The plan text of a Word 97–2003 file (.doc, and WPS's .wps, which is the same format), given its
// WordDocument and table streams: the main document's paragraphs, one per line, without headers,
// footers, footnotes, comments or text boxes. A field shows its result, not its code; pictures and
// objects are dropped. A task table (重点任务清单) becomes task lines as a .docx's does, merged cells
// expanded; any other table gives its cells' paragraphs, one per line.
import type { Bytes } from './word97-bytes';
import { readFib } from './word97-fib';
import { paragraphProps, type ParagraphProps } from './word97-paragraphs';
import { mainText } from './word97-pieces';
import { documentBody } from './word-tables';

export type Word97Text = { ok: true; text: string } | { ok: false; reason: 'encrypted' | 'unsupported' };

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

/** The main text's lines: paragraphs, and tables read as tables. */
function bodyLines(text: string, propsAt: (cp: number) => ParagraphProps): string[] {
  const body = documentBody();
  let paragraph = '';
  // Each open field: whether its result has begun (its code is not text).
  const fields: boolean[] = [];
  for (let cp = 0; cp < text.length; cp++) {
    const char = text[cp]!;
    if (char === FIELD_BEGIN) fields.push(false);
    else if (char === FIELD_SEPARATOR && fields.length) fields[fields.length - 1] = true;
    else if (char === FIELD_END) fields.pop();
    else if (char === CELL_END || char === PARAGRAPH_END) {
      const props = propsAt(cp);
      if (char === CELL_END && props.rowEnd) body.row(props.cells);
      else if (char === CELL_END) body.cell(paragraph);
      else body.paragraph(paragraph, props.inTable);
      paragraph = '';
    } else if (!fields.includes(false)) {
      paragraph += plain(char);
    }
  }
  return body.lines(paragraph);
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
  const text = bodyLines(main.text, (cp) => propsAt(main.fcOf(cp))).join('\n');
  return { ok: true, text };
}
