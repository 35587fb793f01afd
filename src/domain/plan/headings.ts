// Numbering markers and heading kinds. Plans number their parts 一、 > （一） > 1. > （1） > 1) or ①, in
// many typographic variants; the level is read from the marker style, never from markdown depth
// (the same document mixes ## and #### for one level).

export type Level = 1 | 2 | 3 | 4 | 5;

export interface Marker {
  level: Level;
  /** The marker as printed, e.g. "（一）" or "12．". */
  label: string;
  /** The number: "一", "12"; circled digits as their value. */
  number: string;
  /** Characters of the line the marker (and following spaces) takes. */
  length: number;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
/** What joins the two years of a range ("2018-2020", "2011―2013", "2018至2020"). */
export const YEAR_DASH = '[-—–―~至到]';
/** A road's number after a task's ("1.206国道…"), which is no decimal. */
export const ROAD_NUMBER = '\\d{0,3}(?:国道|省道|县道|乡道)';
const MARKERS: [Level, RegExp][] = [
  [1, new RegExp(`^第?(${CN_NUM})\\s*[、.]|^第(${CN_NUM})(?:部分|章)`)],
  // "〔一〕": the tortoise-shell brackets some copies number sections with.
  // "㈦": one character of a parenthesized number, as some fonts print them.
  [2, new RegExp(`^[(〔]\\s*(${CN_NUM})\\s*[)〕]|^([\u3220-\u3229])`)],
  // "1.5万吨" is a number, but "2.2007年底前…" is task 2 opening with a year, "1.206国道…" with a road.
  // After 、 a figure may open the task's words ("3、365bet…"), but not a list of figures ("56、56、58").
  [
    3,
    new RegExp(
      `^(\\d{1,3})\\s*(?:、(?!\\d{1,4}(?:[、,.%]|$))|\\.(?!\\d(?!\\d{3}年|${ROAD_NUMBER})))|^([\u2488-\u249b])`,
    ),
  ],
  [4, /^\(\s*(\d{1,2})\s*\)|^([\u2474-\u2487])/],
  [5, /^(\d{1,2})\)|^([\u2460-\u2473])/],
];

/** A decimal heading ("5 应急保障", "3.2.1 Ⅲ级响应措施"), as emergency plans number their parts:
 *  its label with one space after the number, its depth (the dots in its number) and its title. A
 *  letter-spaced line has lost the space; no title opens with a measure or a date ("1.5万吨",
 *  "10月底前"). */
export function decimalHeading(raw: string): { label: string; depth: number; title: string } | null {
  // A part's number may close with a point ("3.预防").
  const m =
    /^(\d{1,2}((?:\.\d{1,2}){0,3}))\.?\s*(?![万亿千百十个吨米元年月日号%])([^\s\d。，,；;：:.][^\s。，,；;：:]{1,23})。?$/.exec(
      raw.trim(),
    );
  // A title closed by a full stop is a few words ("预防。"), not a sentence of duties.
  if (!m || (raw.trim().endsWith('。') && m[3]!.length > 8)) return null;
  return { label: `${m[1]} ${m[3]}`, depth: m[2]!.split('.').length - 1, title: m[3]! };
}

/** Numbers printed as one character each: ①, ⑴, ⒈ (digits) and ㈠ (Chinese), by the first of each run. */
const SINGLE_CHARACTER: [number, number, (offset: number) => string][] = [
  [0x2460, 0x2473, (i) => String(i + 1)],
  [0x2474, 0x2487, (i) => String(i + 1)],
  [0x2488, 0x249b, (i) => String(i + 1)],
  [0x3220, 0x3229, (i) => '一二三四五六七八九十'[i]!],
];

/** An item numbered in decimals, then its words: "2.4.1 环境污染事件的应急工作,…". */
const DECIMAL_ITEM = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s*(?=[\u4e00-\u9fff])/;

type Printed = { key: string; raw: string };

/**
 * How the lines of a text are numbered. In a text numbered by decimal headings ("2.2职责任务。",
 * "3.1预防。") a part's heading printed "3.预防、预报、监测和报告" is one of those headings, no task;
 * where nothing else is numbered, its items of a sentence ("2.4.1 环境污染事件的应急工作,由…负责组织
 * 协调。") are the tasks, numbered "2.4.1". Other texts read their markers.
 */
export function markerReader(lines: Printed[]): ((line: Printed) => Marker | null) | null {
  if (!lines.some((l) => !readMarker(l.key) && (decimalHeading(l.raw)?.depth ?? 0) > 0)) return null;
  const heading = (l: Printed, marker: Marker | null) =>
    marker?.level === 3 && decimalHeading(l.raw) !== null;
  const items = !lines.some((l) => {
    const marker = readMarker(l.key);
    return marker !== null && marker.level > 1 && !heading(l, marker);
  });
  return (line) => {
    const marker = readMarker(line.key);
    if (heading(line, marker)) return null;
    const item = !marker && items ? DECIMAL_ITEM.exec(line.key) : null;
    return item && !decimalHeading(line.raw)
      ? { level: 3, label: item[0], number: item[1]!, length: item[0].length }
      : marker;
  };
}

/** Reads a numbering marker at the start of a folded line (see normalize-text fold). */
export function readMarker(key: string): Marker | null {
  for (const [level, pattern] of MARKERS) {
    const m = pattern.exec(key);
    if (!m) continue;
    const found = m[1] ?? m[2] ?? m[3]!;
    const code = found.length === 1 ? found.charCodeAt(0) : 0;
    const run = SINGLE_CHARACTER.find(([from, to]) => code >= from && code <= to);
    const number = run ? run[2](code - run[0]) : found;
    const spaces = /^\s*/.exec(key.slice(m[0].length))![0].length;
    return { level, label: m[0], number, length: m[0].length + spaces };
  }
  return null;
}

/** Canonical sub-item scope label: （1）, (1), 1), ① all become "(1)". */
export function scopeLabel(number: string): string {
  return `(${number})`;
}

const TITLE_END = new RegExp(
  `(?:方案|计划|规划|要点|意见|办法|细则|预案|清单|汇总表|台账|行动|任务书|(?:任务|责任|部门|职责)分[解工]表?|进度表|情况的?通报|督查通报|(?:任务|工作)(?:完成|进展|落实)情况)(?:\\((?:\\d{4}\\s*${YEAR_DASH}\\s*\\d{4}年?|[^()]{1,20})\\))?$`,
);

/** A plan's own title line, e.g. "惠济区2017年大气污染防治攻坚行动方案". */
export function isTitleLine(key: string): boolean {
  return (
    key.length >= 6 &&
    key.length <= 80 &&
    !readMarker(key) &&
    TITLE_END.test(key) &&
    !/印发|转发|.关于|。|^《|^根据|^按照|^为|^(?:此项|该项|本项|以上|上述)工作|[:：]/.test(key)
  );
}

/** Line endings after which a broken line never continues (a title, a notice, a document number). */
export function endsLikeHeading(key: string): boolean {
  return TITLE_END.test(key) || /(?:通知[单书]?|督办单|决定|报告|公告|通报|号)$/.test(key);
}

/** "工作目标", "主要目标指标": a heading that states the goals. */
const GOAL_HEADING = '(?:工作|主要|总体|改善|攻坚|具体|年度|整治|治理)?目标(?:要求|指标)?';

/** The part stating the campaign's time ("三、整治时间", "一、集中清理时间"): no tasks, but the period. */
export const CAMPAIGN_TIME = '(?:活动|整治|实施|行动|集中清理|清理|集中整治|攻坚)时间';

/** First-level parts that hold no tasks: principles, targets, safeguards, requirements. */
const NON_TASK_PART = new RegExp(
  `指导思想|总体要求|总体思路|工作思路|基本原则|工作原则|保障措施|保障机制|组织保障|工作保障|应急保障|管控流程|工作流程|工作要求|(?:几点|有关|相关|其他)要求|实施步骤|工作步骤|进度安排|时间安排|${CAMPAIGN_TIME}|组织领导|职责分工|附则|编制依据|适用范围|范围定义|名词解释|术语定义|总则|^${GOAL_HEADING}$`,
);

export function isNonTaskPart(headingText: string): boolean {
  // "重点任务及时间安排": a part that names its tasks holds them, whatever else it names.
  return NON_TASK_PART.test(headingText) && !/(?:重点|主要|工作)任务/.test(headingText);
}

/** A （一） heading that frames the plan rather than naming work: the whole heading is one of these
 *  words ("（一）工作思路。…", "（二）主要目标。…"); "（一）加强组织领导" is work. */
const FRAMING_PART = new RegExp(
  `^(?:指导思想|工作思路|总体思路|总体要求|基本原则|工作原则|${GOAL_HEADING})$`,
);

export function isFramingPart(headingText: string): boolean {
  return FRAMING_PART.test(headingText);
}

/** Parts or sub-parts whose text states the quantitative goals. */
export function isTargetPart(headingText: string): boolean {
  return /目标|指标/.test(headingText);
}

/** Where the plan body ends: attachments, distribution lists, printing notes. */
export function isEndOfBody(key: string): boolean {
  return /^(?:附件\s*[:\d一二三四五六七八九十]|附件$|抄送\s*:|主送\s*:|主办\s*:|督办\s*:|[^\s,。]{2,30}\s*\d{4}年\d{1,2}月\d{1,2}日印发$)/.test(
    key,
  );
}

/** The heading text of a marker line: the marker removed, cut at the first full stop. */
export function headingText(key: string, text: string, marker: Marker): string {
  const rest = text.slice(marker.length);
  const stop = key.slice(marker.length).search(/[。]/);
  return (stop >= 0 ? rest.slice(0, stop) : rest).replace(/[。.,，;；:：\s]+$/, '');
}
