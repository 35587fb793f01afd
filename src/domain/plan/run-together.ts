// Text a document-sharing site (文库, 文秘) took from a Word file: the file's paragraphs run together
// into one text, which the site cut into chunks of a few hundred characters and numbered "1、",
// "2、", … wherever the cut fell ("…加大监督监" / "2、测力度,落实…"). The numbers are the site's, not
// the plan's, and the plan's own headings and tasks run on in mid-line ("…稳步推进。二、重点任务
// (一)配合建设…。(县生态环境局牵头,…)(二)启动…").
import { isTitleLine, readMarker, type Level } from './headings';
import { hasOpenBracket } from './line-joining';
import type { Line } from './normalize-text';
import { CLOSE, OPEN, slice } from './run-on-tasks';

/** The site's number opening a chunk. */
const CHUNK_NUMBER = /^\s*(\d{1,3})\s*、\s*/;
/** The first chunk opens with the document's title ("1、大丰市大气污染防治行动计划实施方案为…"),
 *  perhaps after a saying the site prints first ("1、书山有路勤为径,学海无涯苦作舟。农村…方案"). */
const OPENS_WITH_TITLE =
  /^\d{1,3}、(?:[^。]{4,30}。\s*)?[^。,;:、()]{2,48}?(?:方案|计划|规划|安排|要点|意见|办法|细则|预案|清单|分工表|进度表)/;
/** A chunk is cut where the site's length ran out, not where a paragraph ends. */
const CHUNK_LENGTH = 100;
const ENDS_SENTENCE = /[。;!?:)\]】”]$/;

/** The first chunk's title apart from the words run on after it ("…专项整治工作方案目前已进入…"): the
 *  title as its own line, unless the name goes on ("…方案的通知", "…方案》"). */
function titleApart(opening: Line): Line[] {
  const title = OPENS_WITH_TITLE.exec(`1、${opening.key}`);
  let at = title ? title[0].length - 2 : 0;
  // "…行动计划实施方案": the plan a title's first words name, then the title's own kind.
  at += /^(?:实施|工作|行动)(?:方案|计划|细则)/.exec(opening.key.slice(at))?.[0].length ?? 0;
  if (
    !title ||
    !/^[\u4e00-\u9fff]/.test(opening.key.slice(at)) ||
    /^[的和及与之]/.test(opening.key.slice(at))
  )
    return [opening];
  return [slice(opening, 0, at), slice(opening, at, opening.text.length)];
}

function withoutNumber(line: Line): Line {
  const [key] = CHUNK_NUMBER.exec(line.key)!;
  const raw = line.raw.replace(CHUNK_NUMBER, '');
  return { ...line, key: line.key.slice(key.length), text: line.text.slice(key.length), raw };
}

function joined(a: Line, b: Line): Line {
  return { ...a, key: a.key + b.key, text: a.text + b.text, raw: a.raw + b.raw, end: b.end };
}

/**
 * Drops a sharing site's chunk numbers and joins each chunk to the one before, where the lines hold
 * such a copy: source lines numbered 1、, 2、, … one after another, the first opening with the title,
 * each but the last a long run of text, one at least cut in mid-sentence. Other lines are kept.
 */
export function withoutChunkNumbers(lines: Line[]): Line[] {
  // A source line a flattened copy split at its spaces is several lines: a chunk is a source line.
  const groups: Line[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.start === line.start) last.push(line);
    else groups.push([line]);
  }
  const first = groups.findIndex((g) => OPENS_WITH_TITLE.test(g[0]!.key) && g[0]!.key.startsWith('1、'));
  if (first < 0) return lines;
  let n = 1;
  while (CHUNK_NUMBER.exec(groups[first + n]?.[0]!.key ?? '')?.[1] === String(n + 1)) n++;
  const chunks = groups.slice(first, first + n);
  const length = (g: Line[]) => g.reduce((sum, l) => sum + l.key.length, 0);
  const cut = chunks.slice(0, -1).some((g) => {
    const key = g[g.length - 1]!.key;
    // Cut inside a bracket ("…(责任单位:" / "2、农业综合服务中心)"), whatever mark ends the chunk.
    return !ENDS_SENTENCE.test(key) || hasOpenBracket(key);
  });
  if (n < 2 || !cut || chunks.slice(0, -1).some((g) => length(g) < CHUNK_LENGTH)) return lines;
  const merged: Line[] = [];
  chunks.forEach((g, k) => {
    const [head, ...rest] = g;
    const opening = withoutNumber(head!);
    if (k === 0) merged.push(...titleApart({ ...opening, opensText: true }));
    else if (opening.key) merged[merged.length - 1] = joined(merged[merged.length - 1]!, opening);
    merged.push(...rest);
  });
  return [...groups.slice(0, first).flat(), ...merged, ...groups.slice(first + n).flat()];
}

/** A line this long is a copy's paragraphs run together, not one paragraph. */
const RUN_TOGETHER = 300;
/** Where a heading or task marker may start in mid-line. */
const MID_MARKER =
  /第?[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]/g;
/** A heading's own words: a marker and a few words, no sentence ("二、重点任务", "一、治理工业污染,
 *  削减大气污染物排放总量"). */
const BARE_HEADING = /^[^。;]{3,36}$/;

/**
 * Splits lines of run-together paragraphs where a part, section or task starts in mid-line: its
 * marker is the next of its numbering (one more than the last of its level, which each higher
 * marker resets), outside brackets, after the end of a sentence or of a bracket, or, as the first of
 * a deeper level, right after a heading's few words ("二、重点任务(一)配合建设…"); a clause of words
 * follows it. Lines of ordinary length are kept as they are.
 */
export function splitRunTogether(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    if ((line.key.length < RUN_TOGETHER && !line.opensText) || line.chrome) return [line];
    const last: Record<Level, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    const open = readMarker(line.key);
    if (open) last[open.level] = numberOf(open.number);
    const cuts: number[] = [0];
    let depth = 0;
    let scanned = 0;
    for (const m of line.key.matchAll(MID_MARKER)) {
      const at = m.index;
      for (; scanned < at; scanned++) {
        const ch = line.key[scanned]!;
        if (OPEN.includes(ch)) depth++;
        else if (CLOSE.includes(ch) && depth > 0) depth--;
      }
      if (at === 0 || depth > 0) continue;
      const marker = readMarker(line.key.slice(at));
      if (!marker || marker.level > 4) continue;
      const n = numberOf(marker.number);
      if (n !== last[marker.level] + 1) continue;
      const before = line.key[at - 1]!;
      const segment = line.key.slice(cuts[cuts.length - 1], at);
      // The first part after the title, the first section or task after a heading's few words.
      const opener = readMarker(segment);
      const first =
        n === 1 &&
        (opener ? opener.level < marker.level && BARE_HEADING.test(segment) : isTitleLine(segment));
      // A part or section numbered next is one wherever it stands ("…善后工作组整治时限:…并长期坚持
      // (二)修补破损路面。"); a task's number after words may be a count's ("1、2号线").
      const next = n > 1 && marker.level <= 2;
      if (!/[。;!?)\]】]/.test(before) && !first && !next) continue;
      // Words follow ("到2023年底" too), not a count's digits.
      // ("XX县区道路…": a place's name hidden by a reprint is words too.)
      if (!/^[\u4e00-\u9fff“《X×][\u4e00-\u9fff“《\dX×]/.test(line.key.slice(at + marker.length))) continue;
      cuts.push(at);
      last[marker.level] = n;
      for (let l = marker.level + 1; l <= 5; l++) last[l as Level] = 0;
    }
    if (cuts.length === 1) return [line];
    return cuts.map((from, i) => slice(line, from, cuts[i + 1] ?? line.text.length));
  });
}

/** A marker's number as a value: "12" → 12, "十二" → 12. */
function numberOf(number: string): number {
  if (/^\d+$/.test(number)) return Number(number);
  const digit = (ch: string | undefined) => (ch ? '一二三四五六七八九'.indexOf(ch) + 1 : 0);
  const ten = number.indexOf('十');
  if (ten < 0) return digit(number[0]);
  return (ten === 0 ? 1 : digit(number[ten - 1])) * 10 + digit(number[ten + 1]);
}
