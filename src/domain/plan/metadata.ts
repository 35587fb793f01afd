// Document metadata: 文号, issuer, date of issue, the plan's title and region, plan year and
// campaign period. Read from the notice header (or a web page's field table), never from the body,
// where other documents are cited with their own numbers and dates.
import { findDeadlines, lastDay } from './deadlines';
import { YEAR_DASH } from './headings';
import { DATE_LINE } from './line-joining';
import { fold, type Line } from './normalize-text';
import type { Period } from './types';

export interface Header {
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  /** The plan title named by the notice ("关于印发《X》的通知"). */
  noticeTitle: string | null;
  /** The day a web page published the notice (its 发布日期): not the date of issue. */
  publishedOn: string | null;
}

const FIELD_NAMES = [
  '索引号',
  '主题分类',
  '发布机构',
  '发文机关',
  '发布单位',
  '关键词',
  '主题词',
  '发文字号',
  '文号',
  '成文日期',
  '公文生成日期',
  '发文日期',
  '发布日期',
  '生成日期',
  '生效日期',
  '废止日期',
  '体裁',
  '公文时效',
  '时效',
  '有效性',
  '是否有效',
  '效力状态',
  '名称',
  '标题',
  '信息分类',
  '组配分类',
  '公开方式',
  '责任部门',
  '信息来源',
  '来源',
  '发布时间',
  '发表时间',
  '浏览次数',
];
const FIELD = new RegExp(
  `(${FIELD_NAMES.sort((a, b) => b.length - a.length)
    .map((name) => [...name].join('\\s*'))
    .join('|')})\\s*[:|]?`,
  'g',
);

/** "文 号:送管发〔2019〕18号成文日期:2019-05-22" → 文号 → 送管发〔2019〕18号, 成文日期 → 2019-05-22. */
function readFields(line: Line): Map<string, string> {
  const fields = new Map<string, string>();
  const hits = [...line.key.matchAll(FIELD)];
  if (!hits.length || hits[0]!.index !== 0) return fields;
  hits.forEach((hit, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index : line.text.length;
    const value = line.text.slice(hit.index + hit[0].length, end).replace(/^[\s|:：]+|[\s|]+$/g, '');
    const name = hit[1]!.replace(/\s/g, '');
    if (value && !fields.has(name)) fields.set(name, value);
  });
  return fields;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇○零一二三四五六七八九]{4}$/.test(s))
    return Number([...s].map((c) => CN_DIGITS.indexOf(c === '○' || c === '零' ? '〇' : c)).join(''));
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (
    (s.includes('十') ? (tens ? CN_DIGITS.indexOf(tens) : 1) * 10 : 0) + (ones ? CN_DIGITS.indexOf(ones) : 0)
  );
}

const NUM = '(\\d{1,4}|[〇○零一二三四五六七八九十]{1,4})';
const DATE_CN = new RegExp(`${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日`);
const DATE_ISO = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/;
const DATE_DIGITS = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;

/** An ISO date from "2017年2月25日", "二〇一七年二月二十五日", "2019-05-22" or "20171215". */
function parseDate(s: string): string | null {
  const m = DATE_CN.exec(s) ?? DATE_ISO.exec(s) ?? DATE_DIGITS.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [chineseNumber(m[1]!), chineseNumber(m[2]!), chineseNumber(m[3]!)];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DOC_NUMBER =
  /([\u4e00-\u9fff]{1,10})\s*([〔[［【(（])\s*((?:19|20)\d{2})\s*([〕\]］】)）])\s*(\d{1,4})\s*号/;

/** A document number of the notice itself, not one cited in parentheses or after a title.
 *  Matched on the folded text (traditional 號), sliced from the raw one. */
function docNumberIn(raw: string): string | null {
  const key = fold(raw);
  const m = DOC_NUMBER.exec(key);
  if (!m) return null;
  const before = key.slice(0, m.index);
  const opened = (before.match(/[(（]/g) ?? []).length - (before.match(/[)）]/g) ?? []).length;
  // A number in brackets is a citation, unless the brackets hold nothing else: "(宁环发〔2010〕31号)"
  // printed on its own line under the notice's heading.
  const alone = /^\s*\(\s*$/.test(before) && /^\s*\)\s*$/.test(key.slice(m.index + m[0].length));
  if ((opened > 0 && !alone) || /[《》〈〉<>]\s*$/.test(before)) return null;
  // "…的通知 拱政办发〔2018〕42号", "…人民政府以皖政〔2013〕89号印发": the prefix starts after the
  // notice's own words.
  const prefix = m[1]!.replace(/^.*(?:通知|印发|文件|》|号|以)/, '');
  if (!prefix) return null;
  const start = m.index + m[1]!.length - prefix.length;
  return raw.slice(start, m.index + m[0].length).replace(/\s+/g, '');
}

const ORG =
  /(?:人民政府|政府|办公厅|办公室|委员会|管委会|办事处|指挥部|领导小组|攻坚办|大气办|生态环境局|生态环境厅|环境保护局|环保局|督查室|督察室|督办室|督查组|督导组|局|厅|委|办)$/;

function orgOrNull(s: string): string | null {
  const name = s.replace(/^[#\s《〈]+|[\s》〉]+$/g, '');
  return name.length >= 2 &&
    name.length <= 40 &&
    // "相山区城市管理局(区城市管理行政执法局)": a second name in brackets.
    ORG.test(fold(name).replace(/\([^()]+\)$/, '')) &&
    !/[,，:：。、《》〈〉<>“”]/.test(name)
    ? name
    : null;
}

/** Reads the notice header: the lines before the first part of the first plan. */
export function readHeader(lines: Line[]): Header {
  const fields = new Map<string, string>();
  for (const line of lines)
    if (line.chrome) for (const [k, v] of readFields(line)) if (!fields.has(k)) fields.set(k, v);

  const fieldNumber = fields.get('发文字号') ?? fields.get('文号');
  let docNumber = fieldNumber ? docNumberIn(fieldNumber) : null;
  for (const line of lines) if (!docNumber && !line.chrome) docNumber = docNumberIn(line.text);

  // Some sites print the 成文日期 as the date the document was generated (公文生成日期).
  const dateField = fields.get('成文日期') ?? fields.get('公文生成日期');
  // A newspaper page's date ("2025年07月15日" over "第A04版:") dates the page, not the plan.
  const dateLine = lines.find(
    (l, i) => DATE_LINE.test(l.key) && ![lines[i - 1], lines[i + 1]].some((n) => n && EDITION.test(n.key)),
  );
  // A form that prints a field's value on the line under its label ("交办日期:" / "2024-06-05").
  const under = lines.findIndex((l) => /^(?:交办|成文|发文|印发)日期:$/.test(l.key));
  const issuedOn =
    (dateField && parseDate(dateField)) ||
    (dateLine && parseDate(dateLine.key)) ||
    (fields.get('发文日期') && parseDate(fields.get('发文日期')!)) ||
    (under >= 0 && parseDate(lines[under + 1]?.key ?? '')) ||
    signedDate(lines) ||
    null;

  // A notice that sends a plan names it; a notice that is itself the plan gives its subject.
  const noticeTitle =
    lines.reduce<string | null>((found, l) => found ?? titleInNotice(l.text), null) ??
    lines.reduce<string | null>((found, l) => found ?? titleInNotice(l.text, true), null);
  // The signature above the date names the issuer in full; a web page's 发布机构 is often only the
  // office that published the page.
  const signature = jointSignature(lines);
  const letterhead = firstOrg(lines, (l) => /^(.+)文件$/.exec(l.key.replace(/^#+/, ''))?.[1]);
  const published = orgOrNull(
    fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('发布单位') ?? '',
  );
  const found =
    // …unless the letterhead names the same body more fully ("鞍山市立山区人民政府文件" over a
    // signature "立山区人民政府").
    (signature && letterhead?.endsWith(signature) ? letterhead : signature) ??
    letterhead ??
    firstOrg(lines, noticeIssuer) ??
    published ??
    // A page that names no signature or publisher may name its source: the office that wrote it.
    orgOrNull(fields.get('信息来源') ?? fields.get('来源') ?? '') ??
    firstOrg(lines, (l, next) => (next && /^关于(?:印发|转发)/.test(next.key) ? l.text : undefined)) ??
    firstOrg(lines, (l) => /([\u4e00-\u9fff]{2,24}?)(?:近日|日前|正式|联合)?印发[《〈]/.exec(l.text)?.[1]) ??
    // A page headline "《临汾市政府印发临汾市…行动计划》".
    firstOrg(lines, (l) => /^[《〈]?([\u4e00-\u9fff]{2,24}?)印发/.exec(l.text)?.[1]) ??
    // A plan without a notice may name its maker in the preamble: "…,河西街道办事处决定,…制定本方案".
    firstOrg(lines, decidingBody);
  // A notice naming its maker by level only ("区人民政府办公室") leaves the page's 发布机构 to name it.
  const issuer =
    found && LEVEL_ONLY.test(found) && published && !LEVEL_ONLY.test(published) ? published : found;
  const publishedAt = fields.get('发布日期') ?? fields.get('发布时间') ?? fields.get('发表时间');
  return {
    docNumber,
    issuer,
    issuedOn,
    noticeTitle,
    publishedOn: (publishedAt && parseDate(publishedAt)) || null,
  };
}

/** A notice signed at its end (a notice that is itself the plan): the body over the date among the
 *  last lines, for a header that names neither. */
export function withClosingSignature(header: Header, lines: Line[]): Header {
  if (header.issuer && header.issuedOn) return header;
  const tail = lines.slice(-8);
  for (let i = tail.length - 1; i > 0; i--) {
    const issuer = DATE_LINE.test(tail[i]!.key) ? orgOrNull(tail[i - 1]!.text) : null;
    if (issuer)
      return {
        ...header,
        issuer: header.issuer ?? issuer,
        issuedOn: header.issuedOn ?? parseDate(tail[i]!.key),
      };
  }
  // A notice that closes on its date alone, under its last sentence ("…报送县创文办。" / "2022年8月31日").
  const own = tail.filter((l) => !l.chrome);
  const at = own.findIndex((l, i) => i > 0 && DATE_LINE.test(l.key) && /。$/.test(own[i - 1]!.key));
  return at > 0 && !header.issuedOn ? { ...header, issuedOn: parseDate(own[at]!.key) } : header;
}

const EDITION = /^第\s*[A-Z]?\d{1,3}\s*版/;

/** "河西街道办事处决定" opening a clause of the preamble → 河西街道办事处; not a body named only by
 *  its level ("区政府决定", "县环保局决定"), which leaves open which one. */
function decidingBody(line: Line): string | undefined {
  for (const m of line.text.matchAll(/(?:^|[,，。;；])经?([\u4e00-\u9fff]{2,24}?)(?:研究)?决定/g)) {
    const suffix = ORG.exec(fold(m[1]!));
    if (suffix && suffix.index >= 2) return m[1];
  }
  return undefined;
}

function withoutDocNumber(text: string): string {
  return text.replace(/^[^《〈]*?〔\d{4}〕\d+号[:：]?/, '').replace(/^[《〈]/, '');
}

/** A body named by its level alone, no place: "区人民政府办公室", "县环保局". */
const LEVEL_ONLY = /^[省市州县区镇乡](?:人民)?政府|^[市县区镇乡][\u4e00-\u9fff]{1,6}(?:局|委|办)$/;

/** A signature and its date run into the title after them ("通化市人民政府2015年8月10日通化市2015年…方案"). */
const SIGNED_DATE =
  /^[\u4e00-\u9fff]{2,24}?(?:人民政府|政府|办公室|办公厅|委员会)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?=\S)/;

function signedDate(lines: Line[]): string | null {
  const signed = lines.find((l) => !l.chrome && SIGNED_DATE.test(l.key));
  return signed ? parseDate(SIGNED_DATE.exec(signed.key)![1]!) : null;
}

/** "X关于印发…" → X, read on the folded key (關於) and sliced from the text. */
function noticeIssuer(line: Line): string | undefined {
  // A web page's column tag before the notice ("【市政府重点工作及责任分解】滁州市人民政府关于…").
  const rest = withoutDocNumber(line.key).replace(/^【[^】]*】/, '');
  // "X关于印发《…》的通知", or a notice of X's own: "X关于落实…任务分工的通知".
  const m = /^(.+?)关于(?:印发|转发|.+的(?:通知|决定|意见)$)/.exec(rest);
  if (!m) return undefined;
  const from = line.key.length - rest.length;
  return line.text.slice(from, from + m[1]!.length);
}

/** The first name of a line that prints two bodies run together, each opening with the same place
 *  ("黄浦区发展和改革委员会黄浦区建设和管理委员会"); the line itself otherwise. */
function firstName(text: string): string {
  const place = /^[\u4e00-\u9fff]{1,6}?[省市区县镇]/.exec(text)?.[0];
  const again = place ? text.indexOf(place, place.length + 2) : -1;
  return again > 0 && orgOrNull(text.slice(0, again)) ? text.slice(0, again) : text;
}

/** The signature above the notice's date (or the year a copy left of it): of bodies signing
 *  jointly, one or two a line, the first. */
function jointSignature(lines: Line[]): string | null {
  const signed = lines.filter((l) => !l.chrome);
  const dated = (l: Line | undefined) => !!l && (DATE_LINE.test(l.key) || /^(?:19|20)\d{2}年?$/.test(l.key));
  const at = signed.findIndex((l, i) => dated(signed[i + 1]) && orgOrNull(firstName(l.text)));
  if (at < 0) return null;
  let top = at;
  while (top > 0 && orgOrNull(firstName(signed[top - 1]!.text))) top--;
  return orgOrNull(firstName(signed[top]!.text));
}

function firstOrg(
  lines: Line[],
  pick: (line: Line, next: Line | undefined) => string | undefined,
): string | null {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.chrome) continue;
    const candidate = pick(lines[i]!, lines[i + 1]);
    const org = candidate ? orgOrNull(candidate) : null;
    if (org) return org;
  }
  return null;
}

/** "关于印发《X》的通知" / "关于印发X的通知" / "…印发《X》" → X; with `own`, a notice that is itself
 *  the plan: "…关于进一步规范吴泾镇建筑垃圾治理的通知" → its subject. Not when the notice is itself
 *  cited ("根据《…关于印发<X>的通知》"). */
function titleInNotice(text: string, own = false): string | null {
  const m = own
    ? /关于(?!印发|转发)(.+)的通知$/.exec(text)
    : (/印发[《〈<]([^》〉>]+)[》〉>]/.exec(text) ??
      /关于(?:印发|转发)(.+?)的通知/.exec(text) ??
      /现将[《〈<]([^》〉>]+)[》〉>](?:印发|转发)/.exec(text));
  if (!m) return null;
  const before = text.slice(0, m.index);
  if ((before.match(/《/g) ?? []).length > (before.match(/》/g) ?? []).length) return null;
  // Nor a step of work that issues it ("第一季度:印发《…方案》"): a notice's heading has no field before.
  if (/^(?:根据|按照|依据|为|贯彻|落实)|[:：]/.test(before)) return null;
  return m[1]!.replace(/\s+/g, '');
}

// 市 in 市容, 市场, 市政 is no city's.
const ADMIN =
  '(?:特别行政区|自治区|自治州|自治县|矿区|新区|开发区|高新区|示范区|管委会|街道|办事处|省|市(?![容场政民])|盟|县|旗|区|镇|乡)';
// "××县" / "XX縣": reprints that hide the place keep a placeholder for its name (read, to give none).
// A department (局, 厅, 委) is never part of a place's name: "环保局街道环境整治方案" and "区建委城市环境
// 整治方案" name no place.
const ADMIN_NAME = new RegExp(`^(?:(?:(?![局厅委])[\\u4e00-\\u9fff]){1,8}?|[X×]{1,4})${ADMIN}`);

const CAMPAIGN_CITY =
  /(?:文明|卫生|园林|海绵|森林|智慧|花园|宜居|魅力|韧性|无废|食品安全|示范|健康|节水型|低碳)城市$/;
const GENERIC_PLACE = /^(?:(?:城|全|本|各|该|我|辖)[市区县镇乡]|乡镇|县区|区县|市县)$/;
const CAMPAIGN = /^(?:创建|争创|巩固|建设|打造|国家|海绵|文明|卫生|园林|森林|智慧|无废|低碳)/;
/** A title opening with its work ("进一步规范吴泾镇建筑垃圾治理") names no place first. */
const WORK_OPENING = /^(?:关于|进一步|加强|做好|推进|开展|全面|深入|加快|规范|实施|落实|强化|对)/;

/** The most specific administrative name that opens a title: "登封市送表矿区2019年…" → 送表矿区. */
export function regionOf(title: string | null, issuer: string | null): string | null {
  for (const source of [title, issuer?.replace(/(?:人民政府|政府|办公室|委员会|管委会).*$/, '')]) {
    if (!source) continue;
    // Matched on the folded text (traditional 縣, 區, 鎮), sliced from the source.
    let rest = fold(source);
    if (WORK_OPENING.test(rest)) continue;
    let region: string | null = null;
    for (let m = ADMIN_NAME.exec(rest); m; m = ADMIN_NAME.exec(rest)) {
      // "沙市区", "桐乡市": a two-character match followed by 区/县 (by 市, after 乡) is the start of a
      // longer name.
      const after = rest.slice(2);
      const longer = /^[区县]/.test(after) || (m[0].endsWith('乡') && /^市(?![容场政民])/.test(after));
      const length = m[0].length === 2 && longer ? 3 : m[0].length;
      // After the first name, a one-character name ("城区") is a word of the title, not a place,
      // and neither is a campaign's ("创建国家卫生城市").
      if (region && (length < 3 || CAMPAIGN.test(m[0]))) break;
      // "魅力文明城市创建行动": a kind of city a campaign builds, not a place.
      if (CAMPAIGN_CITY.test(m[0].slice(0, length))) break;
      const at = source.length - rest.length;
      region = source.slice(at, at + length);
      rest = rest.slice(length);
    }
    // A reprint that hid the place names none: "XX县" is no region to expand groups in; nor is a
    // word for any place ("城市环境卫生整治方案", "全县…").
    if (region) return /^[X×]/i.test(fold(region)) || GENERIC_PLACE.test(region) ? null : region;
  }
  return null;
}

const YEAR_RANGE = new RegExp(
  `[(（]\\s*((?:19|20)\\d{2})\\s*${YEAR_DASH}\\s*((?:19|20)\\d{2})\\s*年?\\s*[)）]\\s*$`,
);
const DAY_RANGE = new RegExp(
  `(?:自|从)?((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日(?:起)?\\s*(?:至|到|—|-|~)\\s*(?:((?:19|20)\\d{2})年)?(\\d{1,2})月(\\d{1,2})日`,
);

/** "从2023年4月启动,至2024年底结束": a campaign run from one month to the end of a month or year. */
const MONTH_RANGE =
  /(?:自|从)((?:19|20)\d{2})年(\d{1,2})月(?:份)?(?:起|开始|启动)[,，]?\s*(?:至|到)((?:19|20)\d{2})年(?:(\d{1,2})月)?(?:底|末)(?:结束|止)?/;

function monthsOf(key: string): Period | null {
  const m = MONTH_RANGE.exec(key);
  if (!m) return null;
  const month = Number(m[4] ?? 12);
  const start = parseDate(`${m[1]}年${m[2]}月1日`);
  const end = parseDate(`${m[3]}年${month}月${lastDay(Number(m[3]), month)}日`);
  return start && end ? { start, end } : null;
}

/** The campaign period: a year range closing the title, or "自2021年4月6日至6月5日" in the preamble. */
export function periodOf(title: string | null, preambleKey: string): Period | null {
  const years = title ? YEAR_RANGE.exec(title) : null;
  if (years) return { start: `${years[1]}-01-01`, end: `${years[2]}-12-31` };
  const days = DAY_RANGE.exec(preambleKey);
  if (!days) return monthsOf(preambleKey);
  const start = parseDate(`${days[1]}年${days[2]}月${days[3]}日`);
  const end = parseDate(`${days[4] ?? days[1]}年${days[5]}月${days[6]}日`);
  return start && end ? { start, end } : null;
}

// "2022年10月底前", "2009年5月30日前": a deadline that states its year.
/** The plan year: a single year in the title, else the period's first year, the issue year, or the
 *  first year the preamble names that is never a horizon ("到2017年") or a base ("较2012年"); when
 *  it names none but horizons and bases (or no year at all: an excerpt that starts at its tasks),
 *  the year of the first deadline that states one; and when no year is written anywhere, the year
 *  a web page published the plan. */
export function planYearOf(
  title: string | null,
  period: Period | null,
  issuedOn: string | null,
  preambleKey: string,
  tasksKey: string,
  publishedOn: string | null = null,
): number | null {
  const single = title
    ?.replace(new RegExp(`\\d{4}\\s*${YEAR_DASH}\\s*\\d{4}`, 'g'), '')
    .match(/((?:19|20)\d{2})\s*年/);
  if (single) return Number(single[1]);
  if (period) return Number(period.start.slice(0, 4));
  if (issuedOn) return Number(issuedOn.slice(0, 4));
  const years = [...preambleKey.matchAll(/(到|至|比|较|过)?((?:19|20)\d{2})\s*年/g)];
  // A year once named as a horizon or a base ("到2017年", "较2012年") is that everywhere.
  const notPlanYears = new Set(years.filter((m) => m[1]).map((m) => m[2]));
  const named = years.find((m) => !notPlanYears.has(m[2]));
  if (named) return Number(named[2]);
  // Every year named the end of one year ("到2024年底,…达57%以上"): a plan of that year's goals.
  const yearEnd = (m: RegExpExecArray) =>
    m[1] === '到' && preambleKey.startsWith('底', m.index + m[0].length);
  if (notPlanYears.size === 1 && years.every((m) => !m[1] || yearEnd(m)) && years.some(yearEnd))
    return Number(years[0]![2]);
  // With no plan year named (horizons and bases aside), the first deadline that states its own year
  // gives it ("到2017年…" in the preamble, "钢铁企业在2014年底前…" in the tasks: 2014).
  const dated = findDeadlines(tasksKey, null)[0];
  if (dated) return Number(dated.slice(0, 4));
  return publishedOn ? Number(publishedOn.slice(0, 4)) : null;
}

/** "平卫攻坚办〔2021〕8号" in 卫东区 → 卫东区攻坚办: the issuer abbreviated in its own number. */
export function issuerFromDocNumber(docNumber: string | null, region: string | null): string | null {
  if (!docNumber || !region) return null;
  const prefix = /^[\u4e00-\u9fff]+/.exec(docNumber)?.[0] ?? '';
  const at = prefix.indexOf(region[0]!);
  const org = at >= 0 ? prefix.slice(at + 1).replace(/[发函字文]$/, '') : '';
  if (!org) return null;
  const names: Record<string, string> = { 政: '人民政府', 政办: '人民政府办公室', 府办: '人民政府办公室' };
  return region + (names[org] ?? org);
}
