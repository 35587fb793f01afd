// Tasks printed on one line: "…完成时间:2009年5月10日前。3、完成鄂州大道绿化隔离带建设。责任单位:…".
// A web copy sometimes loses the line break before a task, so "3、" starts a task in mid-line. A
// number in running text ("第3、4项", "1、2号线", "达到3.5万吨") must not, so a mid-line marker
// starts a task only when all of these hold:
// - it follows the end of a sentence (。; ! ?), outside brackets;
// - its number is the next one of the current numbering (the last task number seen at the start of
//   a line, reset by every higher heading, since numbering restarts under each section);
// - the text after it reads like a task heading: a Chinese clause of a few characters, not a
//   number, a unit or a measure.
import { readMarker, type Level } from './headings';
import { collapseSpaces, fold, type Line } from './normalize-text';

export const OPEN = '(（《“‘〔【[';
export const CLOSE = ')）》”’〕】]';

/** Index in `raw` of the character at `index` in `text` (text is raw with spaces collapsed). */
function rawIndex(raw: string, text: string, index: number): number {
  let j = 0;
  for (let k = 0; k < index; k++) {
    while (j < raw.length && raw[j] !== text[k]) j++;
    j++;
  }
  while (j < raw.length && /\s/.test(raw[j]!)) j++;
  return Math.min(j, raw.length);
}

/** A task heading after a mid-line marker: a Chinese clause of at least four characters. */
function readsLikeTask(rest: string): boolean {
  const clause = /^[^。;:,!?]*/.exec(rest)![0];
  return /^[\u4e00-\u9fff《“]/.test(rest) && (clause.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 4;
}

const SENTENCE_END = /[。;!?]/;

/** Where a task starts in mid-line: the index of its number in `key`, or -1. A bracket closed
 *  after a sentence ("…见图1。(责任单位:…) 2、关于…") ends it as a full stop does. */
function runOnTaskAt(key: string, next: number): number {
  let depth = 0;
  let opened = -1;
  for (let i = 1; i < key.length; i++) {
    const ch = key[i - 1]!;
    let closed = false;
    if (OPEN.includes(ch)) {
      if (depth++ === 0) opened = i - 1;
    } else if (CLOSE.includes(ch) && depth > 0) closed = --depth === 0;
    const bracketEnds = closed && (opened === 0 || SENTENCE_END.test(key[opened - 1]!));
    if (depth > 0 || !(SENTENCE_END.test(ch) || bracketEnds)) continue;
    const m = /^\s*(\d{1,3})\s*[、.](?!\d)\s*/.exec(key.slice(i));
    if (!m || Number(m[1]) !== next) continue;
    if (readsLikeTask(key.slice(i + m[0].length))) return i + m[0].length - m[0].trimStart().length;
  }
  return -1;
}

export function slice(line: Line, from: number, to: number): Line {
  const rawFrom = from === 0 ? 0 : rawIndex(line.raw, line.text, from);
  const rawTo = to === line.text.length ? line.raw.length : rawIndex(line.raw, line.text, to);
  return {
    ...line,
    text: line.text.slice(from, to).trim(),
    key: line.key.slice(from, to).trim(),
    raw: line.raw.slice(rawFrom, rawTo).trim(),
  };
}

/** A measure, date or count after a number ("4月底前", "3家企业"), not a task's words. */
const COUNTED = /^(?:[年月日号时个家座处万亿千百十吨台辆户米项批条名人次周天]|公里|平方)/;

/** "4关于网民反映…的问题。" after task 3: the next task with its mark left out, given one. */
function withMark(line: Line, next: number): Line {
  const m = /^(\d{1,3})(?=[\u4e00-\u9fff“《])/.exec(line.key);
  const rest = m ? line.key.slice(m[0].length) : '';
  if (!m || Number(m[1]) !== next || COUNTED.test(rest) || !readsLikeTask(rest)) return line;
  const at = m[0].length;
  const mark = (s: string) => `${s.slice(0, at)}、${s.slice(at)}`;
  return { ...line, key: mark(line.key), text: mark(line.text), raw: mark(line.raw.replace(/^\s+/, '')) };
}

/** Splits lines where a task of the given level starts in mid-line; other lines are kept as they are. */
export function splitRunOnTasks(lines: Line[], taskLevel: Level): Line[] {
  const out: Line[] = [];
  let current: number | null = null;
  for (const original of lines) {
    const line = current === null ? original : withMark(original, current + 1);
    const marker = readMarker(line.key);
    if (marker && marker.level < taskLevel) current = null;
    if (marker?.level === taskLevel && /^\d+$/.test(marker.number)) current = Number(marker.number);
    let rest = line;
    while (current !== null) {
      const at = runOnTaskAt(rest.key, current + 1);
      if (at < 0) break;
      out.push(slice(rest, 0, at));
      rest = slice(rest, at, rest.text.length);
      current++;
    }
    out.push(rest);
  }
  return out;
}

/** "二、工作任务 1、关于…问题。", "三、攻坚措施1. 梳理分类", "二、主要任务(一)加强基础设施建设。": a
 *  heading's short title, a space or not, then its first item. */
const HEADING_THEN_ITEM =
  /^(\S{1,6}?\s*[\u4e00-\u9fff“”]{2,15}?)(?:\s+(?=\S)|(?=(?:1[.、．]|[(（]一[)）])\s*[\u4e00-\u9fff]))/;

/**
 * Splits a heading line whose first item follows its title (a copy that lost the line break between
 * them) into the heading and the item; other lines are kept as they are.
 */
export function splitHeadingRunOn(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    const heading = readMarker(line.key);
    if (!heading || heading.level > 2) return [line];
    const m = HEADING_THEN_ITEM.exec(line.raw);
    const rest = m ? fold(line.raw.slice(m[0].length)) : '';
    const item = m && readMarker(rest);
    if (!item || item.level <= heading.level || !/^(?:1|一)$/.test(item.number)) return [line];
    if (!readsLikeTask(rest.slice(item.length))) return [line];
    const at = collapseSpaces(m[1]!).length;
    if (!readMarker(line.key.slice(0, at))) return [line];
    return [slice(line, 0, at), slice(line, at, line.text.length)];
  });
}
