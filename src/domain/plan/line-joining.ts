// Joins lines that a PDF or web copy broke in mid-sentence ("进一步强化高污染燃\n\n料禁燃区管理")
// or in the middle of a list of units, without ever gluing a heading, a unit line or a title to the
// text after it.
import { endsLikeHeading, isEndOfBody, isTitleLine, readMarker } from './headings';
import type { Line } from './normalize-text';
import { isUnitContinuation, isUnitLike, startsWithUnitKeyword } from './unit-lines';

export const DATE_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年\S{1,3}月\S{1,3}日(?:印发)?$/;

/** A short line starting with a marker and holding no sentence: a heading of its own. */
function isHeadingLike(key: string): boolean {
  return readMarker(key) !== null && key.length <= 40 && !key.includes('。');
}

function startsOwnLine(key: string): boolean {
  return (
    readMarker(key) !== null ||
    startsWithUnitKeyword(key) ||
    isEndOfBody(key) ||
    DATE_LINE.test(key) ||
    /^[\u4e00-\u9fff]{1,10}[〔[]\d{4}[〕\]]\d+号/.test(key) ||
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

function shouldJoin(a: Line, b: Line): boolean {
  if (a.chrome || b.chrome || a.heading || b.heading || startsOwnLine(b.key)) return false;
  if (startsWithUnitKeyword(a.key)) return /[、,;]$/.test(a.key) || isUnitContinuation(b.key);
  if (/^[,、。;:)”」』]/.test(b.key)) return !isHeadingLike(a.key);
  if (/[。!?;:)〕】]$/.test(a.key) || endsLikeHeading(a.key) || DATE_LINE.test(a.key)) return false;
  if (/[、,的和及与或之《“(]$/.test(a.key)) return true;
  if (isTitleLine(b.key) && isTitleHead(a.key)) return true;
  return !isHeadingLike(a.key) && a.key.length >= 15;
}

function join(a: Line, b: Line): Line {
  // A list of units broken between two names needs its separator back; a name broken in two
  // ("县应" + "急管理局", "指挥部办" + "公室") does not.
  const lastName = a.key.split(/[、,;:]/).pop()!;
  const firstName = b.key.split(/[、,;]/)[0]!;
  const separator =
    startsWithUnitKeyword(a.key) && !/[、,;]$/.test(a.key) && isUnitLike(lastName) && firstName.length >= 3
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
  };
}

export function joinBrokenLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && shouldJoin(last, line)) out[out.length - 1] = join(last, line);
    else out.push(line);
  }
  return out;
}
