// Joins lines that a PDF or web copy broke in mid-sentence ("进一步强化高污染燃\n\n料禁燃区管理")
// or in the middle of a list of units, without ever gluing a heading, a unit line or a title to the
// text after it.
import { endsLikeHeading, isEndOfBody, isTitleLine, readMarker, YEAR_DASH } from './headings';
import type { Line } from './normalize-text';
import {
  endsWithUnitLabel,
  hasUnitLabel,
  isUnitContinuation,
  isUnitLike,
  opensUnitBracket,
  startsWithUnitKeyword,
} from './unit-lines';

// "2017年12月15日", "二〇一七年…", or the date printed as eight digits ("20171215").
export const DATE_LINE =
  /^(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年\S{1,3}月\S{1,3}日(?:印发)?|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$/;

/** A web page's time stamp ("2020-12-25 18:49:20"): a line of its own. */
const TIME_STAMP = /^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** A title's years on a line of their own: "（2026—2028年）". */
const TITLE_YEARS = new RegExp(`^\\(\\s*\\d{4}\\s*${YEAR_DASH}\\s*\\d{4}\\s*年?\\s*\\)$`);

/** A short line starting with a marker and holding no sentence: a heading of its own. */
function isHeadingLike(key: string): boolean {
  return readMarker(key) !== null && key.length <= 40 && !key.includes('。');
}

/** `afterFull`: the line before filled the wrap width, so a number there is one broken in two. */
function startsOwnLine(key: string, afterFull: boolean): boolean {
  return (
    readMarker(key) !== null ||
    startsWithUnitKeyword(key) ||
    isEndOfBody(key) ||
    DATE_LINE.test(key) ||
    TIME_STAMP.test(key) ||
    // A document number on a line of its own ("鹤政办〔2018〕9号"), not a citation's tail broken onto
    // the line ("鹤政办〔2018〕9号),强力推动…").
    (!afterFull && /^[\u4e00-\u9fff]{1,10}[〔[]\d{4}[〕\]]\d+号(?:\s|$)/.test(key)) ||
    /^[〔【]/.test(key)
  );
}

/** The first half of a title broken after a few words: no punctuation, a year, not a heading
 *  ("立山区政府2023年重点工作" before "任务分解和责任分工方案"). */
function isTitleHead(key: string): boolean {
  return (
    key.length >= 6 &&
    key.length <= 30 &&
    /(?:19|20)\d{2}\s*年/.test(key) &&
    !/[,，。:：;；、()（）《》“”"!?]/.test(key) &&
    readMarker(key) === null
  );
}

/** Width as printed: CJK and full-width characters take one em, ASCII half of one. */
function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/** The width a hard-wrapped text breaks its lines at (a PDF's lines; a 公文 page holds 28 characters
 *  a line), or null when each line is a paragraph. Wrapped lines crowd at one width (±1 where a
 *  closing mark hangs or half-width digits fall short) and almost none is longer; in a list of
 *  short items only a quarter of the lines may reach it. */
export function wrapWidth(lines: readonly Line[]): number | null {
  const widths = lines.map((l) => printedWidth(l.text)).filter((w) => w >= 20);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1);
  const [mode] = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best), [0, 0]);
  const near = widths.filter((w) => Math.abs(w - mode) <= 1.5).length;
  const over = widths.filter((w) => w > mode + 1.5).length;
  return near >= 3 && near >= widths.length / 4 && over <= near / 10 ? mode : null;
}

export function hasOpenBracket(key: string): boolean {
  return (key.match(/[(〔【[]/g) ?? []).length > (key.match(/[)〕】\]]/g) ?? []).length;
}

/** Whether the line closes a bracket it did not open: the rest of one opened on the line before. */
function closesBracket(key: string): boolean {
  let depth = 0;
  for (const ch of key) {
    if ('(〔【['.includes(ch)) depth++;
    else if (')〕】]'.includes(ch) && --depth < 0) return true;
  }
  return false;
}

/** `full`: the last line joined into `a` filled the wrap width. */
function shouldJoin(a: Line, b: Line, full: boolean): boolean {
  // A wrapped line may start with words that look like a web page's chrome ("完成" + "时间:5月底前").
  if (a.chrome || (b.chrome && !full) || a.heading || b.heading || b.opensText) return false;
  // "…(牵头单位:区环保水务局;" / "协办单位:…)": a bracket of units broken between its labels.
  if (opensUnitBracket(a.key) && startsWithUnitKeyword(b.key)) return true;
  // A line of fields filled to the wrap width goes on with the next field ("…责任部门:镇国土所、…站。"
  // over "责任单位:各村。"): one paragraph of fields, read as one statement.
  if (full && hasUnitLabel(a.key) && startsWithUnitKeyword(b.key)) return true;
  if (startsOwnLine(b.key, full)) return false;
  // "…三年行动计划" over "（2026—2028年）": a title's years printed on a line of their own.
  if (isTitleLine(a.key) && TITLE_YEARS.test(b.key)) return true;
  // "责任单位:" alone on its line: the names follow on the next one.
  if (startsWithUnitKeyword(a.key))
    return full || /[、,;]$/.test(a.key) || endsWithUnitLabel(a.key) || isUnitContinuation(b.key);
  if (/^[,、。;:)”」』]/.test(b.key)) return full || !isHeadingLike(a.key);
  // A full line inside a bracket goes on, even after a full stop: "(…负责落实。" over "各县市区政府
  // 包含…。以下…不再列出)".
  if (full && hasOpenBracket(a.key)) return true;
  // A notice's number line closes with who signed it ("…〔2019〕7号 签发人:刘中文").
  if (/[。!?]$|签发人:[\u4e00-\u9fff]{2,4}$/.test(a.key) || DATE_LINE.test(a.key) || TIME_STAMP.test(a.key))
    return false;
  // A colon ends a line that introduces the next ("全文如下:"), not a unit label or an open bracket
  // ("(牵头单位:").
  if (/:$/.test(a.key) && !endsWithUnitLabel(a.key) && !hasOpenBracket(a.key)) return false;
  // A line filled to the wrap width goes on, whatever it ends with, unless it is a title on a line
  // of its own, or a heading with a blank line or a field ("申报主体:…") after it (one that happens
  // to fill the line), or a notice's title over a field's label.
  if (full)
    return !(
      a.start === a.end &&
      (isTitleLine(a.key) ||
        (isHeadingLike(a.key) && (b.blankBefore || /^[\u4e00-\u9fff]{2,6}:/.test(b.key))) ||
        // A form's title over its next field's label alone ("…交办的通知" / "交办内容:").
        (endsLikeHeading(a.key) && /^[\u4e00-\u9fff]{2,8}:$/.test(b.key)))
    );
  // "…(牵头单位:区建设局;完成时限:" over "年月日前)。": a bracket left open goes on to where it closes.
  if (hasOpenBracket(a.key) && closesBracket(b.key)) return true;
  if (/[;:)〕】]$/.test(a.key) || endsLikeHeading(a.key)) return false;
  // "…参与" ends a word, not a line broken before what is joined to it.
  if (/[、,的和及或之《“(]$|(?<!参)与$/.test(a.key)) return true;
  if (isTitleLine(b.key) && isTitleHead(a.key)) return true;
  // A body's name over the title it issues ("中共…街道工作委员会" / "天心区…实施方案").
  if (isTitleLine(b.key) && /^[\u4e00-\u9fff()]+$/.test(a.key) && isUnitLike(a.key)) return false;
  // Bodies signing one under another ("…领导小组办公室" over "…管理局（代章）") are names of their own.
  if (
    /^[\u4e00-\u9fff]+$/.test(a.key) &&
    isUnitLike(a.key) &&
    /^[\u4e00-\u9fff]+(?:\(代章\))?$/.test(b.key) &&
    isUnitLike(b.key)
  )
    return false;
  return !isHeadingLike(a.key) && a.key.length >= 15;
}

function join(a: Line, b: Line, full: boolean): Line {
  // A list of units broken between two names needs its separator back; a name broken in two
  // ("县应" + "急管理局", "指挥部办" + "公室") does not, nor does a line broken at the wrap width
  // (its separators are printed).
  const lastName = a.key.split(/[、,;:]/).pop()!;
  const firstName = b.key.split(/[、,;]/)[0]!;
  const separator =
    !full &&
    startsWithUnitKeyword(a.key) &&
    !/[、,;]$/.test(a.key) &&
    isUnitLike(lastName) &&
    firstName.length >= 3
      ? '、'
      : '';
  return {
    text: a.text + separator + b.text,
    key: a.key + separator + b.key,
    raw: a.raw + separator + b.raw,
    start: a.start,
    end: b.end,
    heading: false,
    chrome: false,
    ...(a.opensText && { opensText: true }),
  };
}

// "街道环境整顿安排方案根据区政府决策部署,…": a copy that lost the line break after the title runs
// it into the first sentence of the preamble.
const GLUED_TITLE =
  /^([^\s,;。:、]{6,40}?(?:方案|计划|要点|意见|办法|细则|预案))(?=根据|按照|依据|为了?|结合)/;

/** The title and the preamble sentence a copy ran together, as two lines of the same source line. */
function splitGluedTitle(line: Line): Line[] {
  const title = GLUED_TITLE.exec(line.key)?.[1];
  if (!title || line.chrome || line.heading || !isTitleLine(title)) return [line];
  const at = title.length;
  const part = (from: number, to?: number): Line => ({
    ...line,
    text: line.text.slice(from, to),
    key: line.key.slice(from, to),
    raw: line.text.slice(from, to),
  });
  return [part(0, at), part(at)];
}

export function joinBrokenLines(lines: Line[]): Line[] {
  const wrap = wrapWidth(lines);
  const out: Line[] = [];
  let full = false;
  for (const line of lines.flatMap(splitGluedTitle)) {
    const last = out[out.length - 1];
    if (last && shouldJoin(last, line, full)) out[out.length - 1] = join(last, line, full);
    else out.push(line);
    full = wrap !== null && printedWidth(line.text) >= wrap - 1;
  }
  return out;
}
