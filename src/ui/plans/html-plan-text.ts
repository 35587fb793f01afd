// The plan text of an HTML document: a Word file through mammoth's convertToHtml, or a table copied
// from Word, WPS or a web page (text/html on the clipboard). Paragraphs come out as mammoth's
// extractRawText gives them (each followed by a blank line, line breaks dropped, footnotes left
// out); a task table becomes task lines, any other table its cells' paragraphs, one per line.
import { taskTableLines } from '../../domain/plan/task-table';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'PRE', 'BLOCKQUOTE']);
const INLINE = new Set(
  'A SPAN B STRONG I EM U S SUB SUP FONT SMALL BIG MARK INS DEL CODE LABEL ABBR O:P BR'.split(' '),
);
// Comments (mammoth writes them as a <dl>) and the page's own styles are not text of the plan.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'DL', 'HEAD']);
/** Footnote, endnote and comment references and their notes: extractRawText leaves them out. */
const NOTE_REFERENCE = /^#(?:footnote|endnote|comment)-/;
const NOTE = /^(?:footnote|endnote|comment)-/;

interface Walk {
  lines: string[];
  /** What a <br> is: "\n" inside table cells, "" elsewhere. */
  br: string;
  /** Whether a task table was read. */
  taskTable: boolean;
}

/**
 * The text of a block without the blocks and tables nested in it and without note references.
 * Outside tables a line break is dropped, as extractRawText drops it; in a cell (Excel writes a
 * cell's lines with <br>) it separates paragraphs.
 */
function inlineText(node: Node, br: string): string {
  let text = '';
  for (const child of node.childNodes) {
    // Line ends in the HTML source are spaces (Word wraps the source of its clipboard HTML).
    if (child.nodeType === Node.TEXT_NODE) text += (child.textContent ?? '').replace(/[\r\n]+/g, ' ');
    if (!(child instanceof Element) || !INLINE.has(child.tagName)) continue;
    if (child.tagName === 'BR') text += br;
    else if (!(child.tagName === 'A' && NOTE_REFERENCE.test(child.getAttribute('href') ?? '')))
      text += inlineText(child, br);
  }
  return text;
}

/** A cell's paragraphs, "\n"-separated (a cell holding bare text is one paragraph). */
function cellText(cell: Element, outer: Walk): string {
  const out: Walk = { lines: [], br: '\n', taskTable: false };
  walk(cell, out);
  outer.taskTable ||= out.taskTable;
  return out.lines.join('\n');
}

/** The rows of a table with merged cells expanded: a rowspan or colspan cell fills every slot it covers. */
function tableRows(table: HTMLTableElement, out: Walk): string[][] {
  const grid: string[][] = Array.from(table.rows, () => []);
  [...table.rows].forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const text = cellText(cell, out);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan) && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) grid[r + dr]![c + dc] = text;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** A table that is not a task table: its cells' paragraphs in order, as extractRawText gives them. */
function cellLines(table: HTMLTableElement, out: Walk): string[] {
  return [...table.rows].flatMap((row) => [...row.cells].flatMap((cell) => cellText(cell, out).split('\n')));
}

function walk(node: Element, out: Walk): void {
  // Text directly inside a container (a table cell, a pasted fragment) is a paragraph of its own.
  const loose = BLOCKS.has(node.tagName) ? '' : inlineText(node, out.br).trim();
  if (loose) out.lines.push(loose);
  for (const child of node.children) {
    if (INLINE.has(child.tagName) || SKIPPED.has(child.tagName) || NOTE.test(child.id)) continue;
    if (child instanceof HTMLTableElement) {
      const tasks = taskTableLines(tableRows(child, out), { fillDown: false });
      if (tasks) out.taskTable = true;
      out.lines.push(...(tasks ?? cellLines(child, out)));
      continue;
    }
    if (BLOCKS.has(child.tagName)) out.lines.push(inlineText(child, out.br));
    walk(child, out);
  }
}

/** The plan text of an HTML document, and whether it held a task table. */
export function htmlPlanText(html: string): { text: string; taskTable: boolean } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: Walk = { lines: [], br: '', taskTable: false };
  walk(doc.body, out);
  return { text: out.lines.map((line) => `${line}\n\n`).join(''), taskTable: out.taskTable };
}
