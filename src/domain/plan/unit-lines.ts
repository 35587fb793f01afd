// Responsible units: keyword lines ("牵头单位：…", "责任单位：…" and their variants) and the inline
// groups city plans put after a task ("（市生态环境局牵头，市发展改革委参与，各县（区）人民政府负责
// 落实）"). All matching runs on the folded key (see normalize-text); names are sliced from the text.

import { fold } from './normalize-text';

export interface UnitBlock {
  lead: string[];
  cooperating: string[];
  responsible: string[];
  note: string | null;
}

/** A stretch of a line that states units: [start, end) in the line's text. */
export interface UnitSegment {
  start: number;
  end: number;
  block: UnitBlock;
}

export type Role = 'lead' | 'cooperating' | 'responsible';

/** The words before 单位/部门/科室/处室 that give a label its role ("牵头单位", "协同责任单位", "主办科室"),
 *  the longer of two that start alike first ("主要牵头" leads, "主要责任" answers). */
const LABEL_ROLE_WORDS: [Role, string[]][] = [
  ['lead', ['主要牵头', '牵头责任', '牵头', '主办']],
  [
    'cooperating',
    ['配合责任', '协同责任', '工作协助', '配合', '协办', '参与', '参加', '协助', '协同', '协作', '成员'],
  ],
  [
    'responsible',
    [
      '监督指导责任',
      '问题整改责任',
      '整改责任',
      '属地责任',
      '对接',
      '主体责任',
      '具体责任',
      '主要责任',
      '相关责任',
      '具体落实',
      '责任',
      '落实',
      '主责',
      '实施',
      '承办',
      '负责',
      '具体',
      '相关',
      '完成',
    ],
  ],
];
const KEYWORD_ROLES: [RegExp, Role][] = LABEL_ROLE_WORDS.map(([role, words]) => [
  new RegExp(`^(?:${words.join('|')})`),
  role,
]);
// Longest first, so that "牵头责任单位" is not read as 牵头 … and "具体责任单位" not as 责任单位.
const KEYWORD = [
  ...LABEL_ROLE_WORDS.flatMap(([, words]) =>
    words.flatMap((word) => ['单位', '部门', '科室', '处室'].map((kind) => word + kind)),
  ),
  '责任部门单位',
  '责任主体',
  '实施主体',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const WHOLE_KEYWORD = new RegExp(`^(?:${KEYWORD})$`);

/** The role a label names, matched whole ("承办部门" → responsible); null for other words. */
export function roleOfLabel(name: string): Role | null {
  return WHOLE_KEYWORD.test(name) ? KEYWORD_ROLES.find(([pattern]) => pattern.test(name))![1] : null;
}

/** The level a label names before it ("县牵头单位", "镇对接单位"), at a clause's start; tried on the
 *  two characters before the label, so a line is not sliced whole for every character. */
const LEVEL_BEFORE_LABEL = /(?:^|[。;.,\s])[县区市镇乡]$/;

/** The characters a label can start with: most characters are told at once not to start one. */
const KEYWORD_FIRST = new Set([...KEYWORD.split('|').map((k) => k[0]!), '【', '[', '〔']);
// "牵头单位：" or "【牵头单位】" (the bracketed label needs no colon).
// "牵头:市发改委;配合:市工信局": a role word alone is a label before its colon.
const LABEL = `(?:[【\\[〔](${KEYWORD})[】\\]〕]\\s*:?|(${KEYWORD}|牵头|主办|配合|协办)\\s*:)`;
const KEYWORD_AT = new RegExp(LABEL, 'g');
const LABEL_ANYWHERE = new RegExp(LABEL);
const KEYWORD_HERE = new RegExp(LABEL, 'y');
const KEYWORD_LINE = new RegExp(`^\\(?\\s*${LABEL}`);
const KEYWORD_END = new RegExp(`${LABEL}$`);

// Inline role verbs, checked at the end of each clause; the longest form wins because the prefix
// before it is matched lazily.
const ROLE_VERBS: [string, Role][] = [
  // "省住房城乡建设厅负责指导,各设区市人民政府落实": the one who guides the work leads it.
  ['牵头负责|牵头督导|牵头组织|牵头抓总|负责指导|牵头|主办', 'lead'],
  ['配合参与|参与|参加|配合|协办|协助|协同', 'cooperating'],
  [
    '负责落实|按(?:职责|职能)(?:分工)?(?:分别)?(?:负责|落实)|分工负责|具体负责|具体实施|负责实施|组织实施|各负其责|负责|落实|主责|承办',
    'responsible',
  ],
];
// "…负责制定方案并组织实施": the work a verb introduces may follow it.
const ROLE_CLAUSE = new RegExp(
  `^(.+?)(?:分别)?(${ROLE_VERBS.map(([v]) => v).join('|')})(?:制定方案并)?(?:组织)?(?:实施)?$`,
);
/** "由杨志武副市长负责", "由鲁国会、郑忠安副厅长分别负责": the leader who answers for the work, a person
 *  and no unit, named beside the units' roles. */
const LEADER_ANSWERS =
  '(?:副?(?:省|市|州|县|区|镇|乡|厅|局)长|副?主任|副?书记|副?秘书长|总工(?:程师)?|调研员|巡视员|同志)(?:分别)?(?:负总责|负责|分管|主抓)';
const LEADER_CLAUSE = new RegExp(`^由?[\u4e00-\u9fff、]{2,16}?${LEADER_ANSWERS}$`);
// "各区政府为责任单位", "…公司为铁路沿线责任单位": names given a role by its label.
const LABEL_CLAUSE = new RegExp(`^(.+?)为[^,;。]{0,15}?(${KEYWORD})$`);
const VERB_ROLES: [RegExp, Role][] = ROLE_VERBS.map(([verbs, role]) => [new RegExp(`^(?:${verbs})$`), role]);
const roleOfVerb = (verb: string): Role => VERB_ROLES.find(([pattern]) => pattern.test(verb))![1];

const STANDING_RULE = /不再(?:一一|单独|重复|另行)?列出|以下各项(?:工作|任务)?[^。]*均|^以下均/;

const UNIT_SUFFIX =
  /(?:局|委|办|室|中心|政府|府|镇|乡|街道|处|村|社区|公司|厂|企业|所|队|站|院|厅|部|会|组|科|股|馆|社|镇街|妇联|侨联|残联|文联|工商联|科协|政协|校|小学|中学|大学|机构|专班|单位|部门|机关|园区|银行|集团|学校|医院|区|县|市|港|园|行)$/;

const OPEN = '(〔【[';
const CLOSE = ')〕】]';

export function startsWithUnitKeyword(key: string): boolean {
  return KEYWORD_LINE.test(key);
}

/** Whether a unit label stands anywhere in the line ("分管责任人:…。责任部门:…"). */
export function hasUnitLabel(key: string): boolean {
  return LABEL_ANYWHERE.test(key);
}

const OPEN_UNIT_BRACKET = new RegExp(`[(〔【[][^()〔〕【】\\[\\]]*${LABEL}[^()〔〕【】\\[\\]]*$`);

/** "…(牵头单位:区环保水务局;" at the end of a line: the bracket's next label is on the next one. */
export function opensUnitBracket(key: string): boolean {
  return OPEN_UNIT_BRACKET.test(key);
}

/** "…(牵头单位:" at the end of a line: the names follow on the next one. */
export function endsWithUnitLabel(key: string): boolean {
  return KEYWORD_END.test(key);
}

/** Top-level spans between separators (separators inside brackets do not split). */
function splitTopLevel(key: string, separators: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      spans.push([from, i]);
      from = i + 1;
    }
  }
  spans.push([from, key.length]);
  return spans;
}

function cleanUnit(name: string): string {
  return (
    name
      .trim()
      .replace(/^[由及和与\s、,，;；:：。.]+/, '')
      .replace(/[\s、,，;；:：。.]+$/, '')
      // "…区房管局等建设主管部门": 等 and the kind of unit it sums up are no name.
      .replace(/(?<=.{2})等(?:[\u4e00-\u9fff]{0,6}(?:部门|部門|单位|單位))?$/, '')
      .replace(/^[“「"]|[”」"]$/g, '')
      // Reprint sites scatter marks inside words to spoil copying ("工业和信·息化厅"); no unit's name
      // has one between two characters.
      .replace(/(?<=[\u4e00-\u9fff])[·`](?=[\u4e00-\u9fff])/g, '')
  );
}

/** "各县、区人民政府" is one group: a lone 县/区/乡/镇 before 、 belongs to the next name. */
const ADMIN_FRAGMENT = /^各?[县市区乡镇](?:\([县市区乡镇、]{1,5}\))?$/;
/** "临汾、侯马、洪洞经济开发区管委会": short place names without a unit suffix share the suffix of
 *  the government body or the limited company that follows them — only such a body ("公安、交通、
 *  区环保局" are three). */
const PLACE_FRAGMENT = /^[\u4e00-\u9fff]{1,6}$/;
/** A zone's name ("城乡一体化示范区"), which shares the 管委会 of a zone named after it. */
const ZONE_FRAGMENT = /^[\u4e00-\u9fff]{2,10}(?:示范区|开发区|高新区|新区|园区|集聚区)$/;
const ZONE_BODY = /(?:管委会|管理委员会)$/;
/** The ending of an office's name, which no word inside a longer name ends with. */
const OFFICE_END = /(?:局|委|办|中心|政府|处|室|队|所|站|院|厅|会|公司|校|小学|中学|大学|部门)$/;
const BODY_ONLY = /^(?:人民政府|政府|管委会|管理委员会|党委|党工委|办事处)(?:[和与及、]|$)/;
const GOVERNMENT_BODY = /(?:人民政府|政府|管委会|管理委员会|办事处|街道|有限公司|派出所)$/;

/** "各县(市)、铜山区、贾汪区政府": districts named bare before one named with its 政府 share it, as
 *  "铜山区、贾汪区人民政府" do; a bare district before any other name is a unit of its own. */
const DISTRICT = /^[\u4e00-\u9fff]{1,4}[区县市]$/;
const DISTRICT_GOVERNMENT = /^[\u4e00-\u9fff]{1,4}[区县市](?:人民)?政府$/;

function sharesGovernment(keys: string[], at: number): boolean {
  if (!DISTRICT.test(keys[at]!)) return false;
  const next = keys.slice(at + 1).find((k) => !DISTRICT.test(k));
  return next !== undefined && DISTRICT_GOVERNMENT.test(next);
}

/** "市级各有关部门及各县市区政府", "市卫生局和各区政府": (以)及, 和 or 与 joins two names when every
 *  side reads as a unit (not in "市住房和城乡建设局"); not in "各县政府及其有关部门", where 其 points
 *  back to the name before. */
function splitOnAnd(key: string, [from, to]: [number, number]): [number, number][] {
  const spans: [number, number][] = [];
  let at = from;
  for (const [, end] of splitTopLevel(key.slice(from, to), '及和与').slice(0, -1)) {
    const cut = from + end;
    if (key[cut + 1] === '其' || cut === at) continue;
    // 和 and 与 join words inside names too ("区农业农村和水利局"), and two bodies of one place
    // ("各县党委和人民政府"): only a name with its own ending before one with its own place.
    if (key[cut] !== '及' && (!OFFICE_END.test(key.slice(at, cut)) || BODY_ONLY.test(key.slice(cut + 1, to))))
      continue;
    spans.push([at, key[cut - 1] === '以' ? cut - 1 : cut]);
    at = cut + 1;
  }
  spans.push([at, to]);
  // A word alone after 和 ("各有关部门和单位") is no name of its own.
  const name = ([a, b]: [number, number]) => cleanUnit(key.slice(a, b));
  return spans.length > 1 &&
    spans.every((span) => !/^(?:单位|部门|机构)$/.test(name(span)) && isUnitLike(name(span)))
    ? spans
    : [[from, to]];
}

/** Splits a printed list of units on 、 ， , ； and on 及 between names (never inside brackets) and
 *  keeps names as printed. */
export function splitUnits(text: string, key: string): string[] {
  const names: string[] = [];
  // Fragments waiting for the name they may belong to: [as printed, folded].
  let pending: [string, string][] = [];
  const spans = splitTopLevel(key, '、,;。').flatMap((span) => splitOnAnd(key, span));
  const keys = spans.map(([from, to]) => cleanUnit(key.slice(from, to)));
  spans.forEach(([from, to], i) => {
    const name = cleanUnit(text.slice(from, to));
    const nameKey = keys[i]!;
    if (!name) return;
    if (
      ADMIN_FRAGMENT.test(nameKey) ||
      ZONE_FRAGMENT.test(nameKey) ||
      (PLACE_FRAGMENT.test(nameKey) && !UNIT_SUFFIX.test(nameKey)) ||
      sharesGovernment(keys, i)
    ) {
      pending.push([name, nameKey]);
      return;
    }
    const shared = pending.filter(
      ([, k]) =>
        ADMIN_FRAGMENT.test(k) ||
        (GOVERNMENT_BODY.test(nameKey) && (!ZONE_FRAGMENT.test(k) || ZONE_BODY.test(nameKey))),
    );
    names.push(...pending.filter((p) => !shared.includes(p)).map(([n]) => n));
    names.push([...shared.map(([n]) => n), name].join('、'));
    pending = [];
  });
  // Fragments that no unit name followed were names of their own.
  return [...names, ...pending.map(([n]) => n)];
}

/** Whether a folded list of names ("市环保局、各镇(街道)") is all names of units: judged folded, so a
 *  printed 部門 is a 部门. */
export function isUnitList(key: string): boolean {
  const names = splitUnits(key, key);
  return names.length > 0 && names.every(isUnitLike);
}

const COUNT_IN_NAME = /\d\s*(?:个|家|座|处|台|辆|户|项|条|公里|万)/;

/** Whether a printed name reads like a unit (an office, a township, a company), not a phrase;
 *  "各地" (every locality) is the group of them all. */
export function isUnitLike(name: string): boolean {
  const bare = name.replace(/\([^()]*\)$|（[^（）]*）$/, '');
  // A count ("创建20个…特色小区") is a task's words, not a name.
  return (
    name.length <= 40 &&
    !/[。:]/.test(name) &&
    !COUNT_IN_NAME.test(name) &&
    (UNIT_SUFFIX.test(bare) || /^各地$/.test(bare))
  );
}

/** How many names a block gives, over all roles. */
export const unitCount = (block: UnitBlock): number =>
  block.lead.length + block.cooperating.length + block.responsible.length;

function emptyBlock(): UnitBlock {
  return { lead: [], cooperating: [], responsible: [], note: null };
}

function addNote(block: UnitBlock, note: string): void {
  block.note = block.note ? `${block.note}; ${note}` : note;
}

/** A standing rule ("以下各项工作相关镇(街道)均为责任单位,不再列出") inside brackets or alone. */
export function standingRule(text: string, key: string): string | null {
  if (!STANDING_RULE.test(key)) return null;
  return text.replace(/^[〔【[(（\s]+|[〕】\])）。\s]+$/g, '');
}

/** Top-level bracket groups of `key`, [start, end) including the brackets. */
function bracketGroups(key: string): [number, number][] {
  const groups: [number, number][] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (OPEN.includes(ch)) {
      if (depth++ === 0) open = i;
    } else if (CLOSE.includes(ch) && depth > 0 && --depth === 0) groups.push([open, i + 1]);
  }
  return groups;
}

/** Length of `key` without the closing brackets at its end that close nothing inside it. */
function withoutUnbalancedClosers(key: string): number {
  let balance = 0;
  for (const ch of key) {
    if (OPEN.includes(ch)) balance++;
    else if (CLOSE.includes(ch)) balance--;
  }
  let end = key.trimEnd().length;
  while (balance < 0 && end > 0 && CLOSE.includes(key[end - 1]!)) {
    end--;
    balance++;
  }
  return end;
}

/** Parses "牵头单位：A、B 责任单位：C" (any number of keywords) between `from` and `to`. */
function parseKeywords(text: string, key: string, from: number, to: number, firstLeads = false): UnitBlock {
  const block = emptyBlock();
  const hits = [...key.slice(from, to).matchAll(KEYWORD_AT)];
  hits.forEach((hit, i) => {
    const role = KEYWORD_ROLES.find(([pattern]) => pattern.test(hit[1] ?? hit[2]!))![1];
    const start = from + hit.index + hit[0].length;
    const next = i + 1 < hits.length ? from + hits[i + 1]!.index : to;
    // The level a next label names ("…,镇对接单位:") is none of these names.
    const end = next < to && LEVEL_BEFORE_LABEL.test(key.slice(start, next)) ? next - 1 : next;
    let value = text.slice(start, end);
    let valueKey = key.slice(start, end);
    // A standing rule printed in brackets after the names is a note, not a unit; so is the rule that
    // the first listed leads ("县发改局(首位单位为牵头单位,下同)、县财政局").
    for (const [gFrom, gTo] of bracketGroups(valueKey).reverse()) {
      const group = valueKey.slice(gFrom, gTo);
      if (FIRST_LEADS.test(group)) addNote(block, value.slice(gFrom + 1, gTo - 1));
      else if (STANDING_RULE.test(group))
        addNote(block, standingRule(value.slice(gFrom, gTo), valueKey.slice(gFrom, gTo))!);
      else continue;
      value = value.slice(0, gFrom) + value.slice(gTo);
      valueKey = valueKey.slice(0, gFrom) + valueKey.slice(gTo);
    }
    // "责任单位:A、B。以下均需…落实,不再列出。排在前位为牵头部门。": the names end at the first full
    // stop; the sentences after it are notes.
    const [first, ...rest] = splitTopLevel(valueKey, '。');
    for (const [sFrom, sTo] of rest) {
      const sentence = value.slice(sFrom, sTo).replace(/^[\s,;，；]+|[\s)）,;，；]+$/g, '');
      if (sentence) addNote(block, sentence);
    }
    value = value.slice(first![0], first![1]);
    valueKey = valueKey.slice(first![0], first![1]);
    // "责任单位:市建委,完成时间:2009年5月30日前": a further field of the row ends the list.
    const field = FIELD_AFTER_UNITS.exec(valueKey);
    if (field) {
      value = value.slice(0, field.index);
      valueKey = valueKey.slice(0, field.index);
    }
    const kept = withoutUnbalancedClosers(valueKey);
    addLabelledUnits(block, role, value.slice(0, kept), valueKey.slice(0, kept));
  });
  // "责任单位:A、B、C。排在前位为牵头部门": A leads; after a rule "下同", the first of every list does.
  const rule = firstLeads || (firstListedLeads(block.note) && block.responsible.length > 1);
  if (rule && !block.lead.length && block.responsible.length) block.lead.push(block.responsible.shift()!);
  return block;
}

/**
 * A duty list's item labelled by the unit it binds: "14.市卫生局:负责…", "5、市经委负责:对焦化…",
 * "1、区住建局。排查…" (`key` is the item after its number). The label is the unit responsible for the
 * item; a place alone ("城区:", "各县(市、区):") or a phrase ("加强组织领导:") labels nothing.
 */
// A document's title ("《…办法》(责任单位:…)") or a bracket still open before the colon is no label;
// a name's second name in brackets is ("各区县政府(地区管委会):").
const LABEL_UNIT = /^((?:[^:;,。《()]|\([^()]*\)){2,40}?)(负责|(?:主要)?(?:工作)?(?:任务|职责))?(:|。)/;
/** What task titles open with and names of units never do: "严厉查处违法排污企业。" is a task. */
const DUTY_OPENING =
  /^(?:严厉|全面|加快|加强|加大|深入|持续|推进|开展|实施|落实|完善|强化|做好|建立|健全|严格|积极|大力|着力|切实|进一步|查处|整治|治理|提升|规范|推动|组织|督促|确保|坚持|抓好|创建|实行|优化|调整|提高|降低|控制|保护|防治|改善|淘汰|促进|发展|巩固|构建|打造|打好|打赢|成立|组建|设立)/;

export function labelUnit(text: string, key: string): { names: string[]; label: string } | null {
  const m = LABEL_UNIT.exec(key);
  if (!m) return null;
  const names = unitsNamed(text.slice(0, m[1]!.length), m[1]!);
  return names && { names, label: `X${m[2] ?? ''}${m[3] === '。' ? '。' : ':'}` };
}

/** An item of a part of duties that opens with its unit as the one who acts: "由保洁公司负责组织…",
 *  "乡村振兴办公室做好…", "派出所要对…", "各村(社区)为责任主体,…"; not persons ("各包村干部、村干部,负责…",
 *  "镇政府主要负责人为第一责任人"). */
const DUTY_SUBJECT = /^由?([^,;。:由]{2,24}?)(?:具体负责|负责|要|做好|抓好|对|牵头|为责任主体|为责任单位)/;
const PERSON = /(?:干部|负责人|责任人|人员|书记|主任|群众|农户|村民|主干)$/;

export function dutySubject(text: string, key: string): string[] | null {
  const m = DUTY_SUBJECT.exec(key);
  if (!m || !isUnitList(m[1]!)) return null;
  const at = m[0].startsWith('由') ? 1 : 0;
  const names = splitUnits(text.slice(at, at + m[1]!.length), m[1]!);
  return names.some((name) => PERSON.test(name)) ? null : names;
}

/** The units a label or a heading names ("区建管委、区交通委等建设主管部门"), or null when any of them
 *  is no unit: a place alone ("城区"), a phrase ("加强组织领导"), enterprises ("重点企业"), which are
 *  a party only where duties are shared out ("（八）物业服务企业"). */
function unitsNamed(text: string, key: string, places = false, parties = false): string[] | null {
  // Most headings are told at once: their last words name no unit.
  if (DUTY_OPENING.test(key) || !isUnitLike(cleanUnit(key.slice(key.lastIndexOf('、') + 1)))) return null;
  const names = splitUnits(text, key);
  const keys = splitUnits(key, key);
  // A group of places ("各乡镇") is their governments; a place alone ("城区") labels no unit.
  const unit = (name: string) => {
    const bare = name.replace(/\([^()]*\)$/, '');
    return (
      isUnitLike(name) &&
      !(parties ? /(?:布|格|大|全|当|结)局$/ : /企业$|(?:布|格|大|全|当|结)局$/).test(bare) &&
      (places || name.startsWith('各') || !/[区县市镇乡]$/.test(bare))
    );
  };
  return names.length && keys.length === names.length && keys.every(unit) ? names : null;
}

/** The units a duty list's item is labelled by: "14.市卫生局:负责…", or a heading of units alone. */
export function unitLabel(
  text: string,
  key: string,
  parties = false,
): { names: string[]; label: string } | null {
  return labelUnit(text, key) ?? headingUnits(text, key, parties);
}

/** A duty list's item whose heading is its units and nothing else ("（一）区绿化市容局" over a
 *  paragraph of its duties). */
export function headingUnits(
  text: string,
  key: string,
  parties = false,
): { names: string[]; label: string } | null {
  const end = key.search(/[。;:,.\s]*$/);
  // A list of names, not a sentence: no clauses, no label inside ("…责任单位环卫公司").
  if (/[,;]/.test(key.slice(0, end)) || HAS_KEYWORD.test(key)) return null;
  // A heading of its own names townships as the bodies they are ("（五）各街镇、经开区").
  const names = unitsNamed(text.slice(0, end), key.slice(0, end), true, parties);
  return names && { names, label: 'X' };
}

/** "部门分工：", "责任分工：": a label over a sentence that gives the units their roles. */
const DIVISION_LABEL = /^(?:部门分工|责任分工|职责分工|任务分工)\s*:\s*/;

/** A field naming a person who answers for the work: "责任领导:", "分管县领导:", "责任人:". */
const PERSON_FIELD = '(?:(?:责任|分管|牵头|包保|联系|挂点)(?:县|区|市)?(?:负责)?领导|责任人|联系人)';
/** A leader's or person's field before the units in a group: "责任领导:杜新国;". */
const LEADER_FIELD = new RegExp(`^\\s*${PERSON_FIELD}\\s*:[^;:]*;\\s*`);

/** A non-unit field printed after a list of units on the same line: "，完成时间：…", "；整改时限：…",
 *  or glued to the last name by a copy that lost the break ("…善后工作组整治时限:…"). */
const FIELD_AFTER_UNITS = new RegExp(
  `(?:[,;\\s]+(?:完成|整改|办结|整治)?|(?<=[\\u4e00-\\u9fff)])(?:完成|整改|办结|整治))(?:时间|时限|期限)(?:节点|要求)?\\s*:|(?:[,;\\s]+|(?<=[\\u4e00-\\u9fff)]))${PERSON_FIELD}\\s*:`,
);

/** "区住建局（牵头）": a role printed in brackets after one name of a labelled list; "（按职责分工负
 *  责）" says only that the label's role is shared out. */
const ROLE_MARK =
  /[(（](牵头|牵头单位|牵头部门|配合|配合单位|配合部门|负责|按职责分工负责|按职责负责|分工负责)[)）]$/;

/**
 * Adds the names after a label to the label's role, unless clauses of the list carry their own
 * role: "责任单位：县发改局牵头，县生态环境局、县工信局配合，各乡镇人民政府落实" gives 县发改局 the lead
 * and the two bureaus the cooperating role; a clause without a role verb keeps the label's role.
 * A name marked "（牵头）" or "（配合）" takes that role.
 */
function addLabelledUnits(block: UnitBlock, role: Role, value: string, valueKey: string): void {
  const clauses = splitTopLevel(valueKey, ',;').map(([from, to]) => {
    const clauseKey = valueKey.slice(from, to);
    const m = ROLE_CLAUSE.exec(clauseKey.trim());
    if (!m) return { role, text: value.slice(from, to), key: clauseKey, marked: false };
    const offset = from + clauseKey.indexOf(m[1]!);
    const names = splitUnits(value.slice(offset, offset + m[1]!.length), m[1]!);
    if (!names.length || !names.every(isUnitLike)) {
      return { role, text: value.slice(from, to), key: clauseKey, marked: false };
    }
    // Under 牵头单位/配合单位 a clause ending in 负责/落实 keeps the label's role.
    const verbRole = roleOfVerb(m[2]!);
    const own = verbRole === 'responsible' ? role : verbRole;
    return { role: own, text: value.slice(offset, offset + m[1]!.length), key: m[1]!, marked: true };
  });
  const parts = clauses.some((c) => c.marked) ? clauses : [{ role, text: value, key: valueKey }];
  for (const part of parts) {
    for (const name of splitUnits(part.text, part.key)) {
      const mark = ROLE_MARK.exec(name);
      const marked = mark?.[1] ?? '';
      const own = /^牵头/.test(marked) ? 'lead' : /^配合/.test(marked) ? 'cooperating' : part.role;
      block[own].push(mark ? name.slice(0, mark.index) : name);
    }
  }
}

interface RoleClause {
  role: Role;
  names: string[];
  /** Who the lead works together with ("X会同Y负责"): cooperating. */
  together?: string[];
  /** Named by a label ("为责任单位"), not by a verb. */
  labelled: boolean;
}

/** "市环保局会同市公安局": the first leads, the units it works together with cooperate; null unless
 *  both sides are names of units. */
function workingTogether(text: string, key: string): { lead: string[]; together: string[] } | null {
  const at = key.indexOf('会同');
  const [leadKey, withKey] = [key.slice(0, at), key.slice(at + 2)];
  if (at < 0 || !isUnitList(leadKey) || !isUnitList(withKey)) return null;
  return { lead: splitUnits(text.slice(0, at), leadKey), together: splitUnits(text.slice(at + 2), withKey) };
}

/** "县生态环境局牵头", "本部分工作由市建委负责组织实施", "各区政府为责任单位" → the names and their
 *  role; 'other' for a clause without a role, 'not units' when the words before it are not names of
 *  units. */
function roleClause(text: string, key: string): RoleClause | 'other' | 'not units' {
  const trimmed = key.trim();
  const labelled = LABEL_CLAUSE.exec(trimmed);
  const m = labelled ?? ROLE_CLAUSE.exec(trimmed);
  if (!m) return 'other';
  // "…工作由市农业局牵头": the names start after 由 (the words before it name the work).
  const agent = m[1]!.indexOf('由');
  const namesKey = agent > 0 ? m[1]!.slice(agent + 1) : m[1]!;
  const offset = key.indexOf(m[1]!) + (agent > 0 ? agent + 1 : 0);
  if (!labelled && namesKey.includes('会同')) {
    const joint = workingTogether(text.slice(offset, offset + namesKey.length), namesKey);
    return joint
      ? { role: 'lead', names: joint.lead, together: joint.together, labelled: false }
      : 'not units';
  }
  const names = splitUnits(text.slice(offset, offset + namesKey.length), namesKey);
  if (!isUnitList(namesKey)) return 'not units';
  const role = labelled ? KEYWORD_ROLES.find(([p]) => p.test(labelled[2]!))![1] : roleOfVerb(m[2]!);
  return { role, names, labelled: Boolean(labelled) };
}

/** "本部分工作由市建委," before "…等部门负责": an agent whose list goes on after the comma. */
const AGENT_OPENS = /由[^由]*$/;

/** Parses the inside of an inline group; null when it is not a statement of units. */
/** "列第一位者为牵头部门", "排在前位为牵头部门": the first unit of a list leads, the others answer for
 *  the work. With "下同" the rule holds for the lists of the tasks after it too. */
const FIRST_LEADS =
  /(?:(?:列|排)在?(?:第一位|第一|首位|前位|首)|首位|第一位)(?:者|的)?(?:单位|部门)?(?:为|是)牵头/;

export function firstListedLeads(note: string | null): 'here' | 'from here on' | null {
  if (!note || !FIRST_LEADS.test(fold(note))) return null;
  return /下同/.test(note) ? 'from here on' : 'here';
}

/** A list of units without roles ("省经信委、省发改委(省能源局)") under the first-leads rule; a place's
 *  other kind in brackets ("各镇(区)制定…") names no unit. */
function firstLeadList(text: string, key: string): UnitBlock | null {
  if (!isUnitList(key)) return null;
  const names = splitUnits(text, key);
  if (names.some((name) => name.length < 2)) return null;
  return { ...emptyBlock(), lead: names.slice(0, 1), responsible: names.slice(1) };
}

function parseRoleGroup(text: string, key: string, firstLeads = false): UnitBlock | null {
  // "(责任领导:杜新国;牵头单位:区发改局)": the leader who answers for the work is a person, named
  // before the units.
  const leader = LEADER_FIELD.exec(key);
  if (leader && startsWithUnitKeyword(key.slice(leader[0].length))) {
    const at = leader[0].length;
    return parseKeywords(text, key, at, key.length);
  }
  if (startsWithUnitKeyword(key)) return parseKeywords(text, key, 0, key.length);
  const sentences = splitTopLevel(key, '。').filter(([from, to]) => key.slice(from, to).trim());
  const rule = sentences.find(([from, to]) => FIRST_LEADS.test(key.slice(from, to)));
  if (rule || firstLeads) {
    const lists = sentences.filter((s) => s !== rule);
    if (lists.length === 1) {
      const [from, to] = lists[0]!;
      const block = firstLeadList(text.slice(from, to), key.slice(from, to));
      if (block && rule)
        addNote(block, text.slice(rule[0], rule[1]).replace(/^[\s,;，；]+|[\s,;，；]+$/g, ''));
      if (block) return block;
    }
  }
  const block = emptyBlock();
  let roles = 0;
  for (const [sFrom, sTo] of splitTopLevel(key, '。')) {
    const sentenceKey = key.slice(sFrom, sTo);
    if (!sentenceKey.trim()) continue;
    if (STANDING_RULE.test(sentenceKey)) {
      addNote(block, standingRule(text.slice(sFrom, sTo), sentenceKey)!);
      continue;
    }
    let carry: number | null = null;
    for (const [clauseFrom, to] of splitTopLevel(sentenceKey, ',;')) {
      const from: number = carry ?? clauseFrom;
      const clause = roleClause(text.slice(sFrom + from, sFrom + to), sentenceKey.slice(from, to));
      // "…牵头, 各街镇、开发区，头桥集团配合实施": names without a role go on to the next clause's.
      const list = roles > 0 && clause === 'other' && isUnitList(sentenceKey.slice(from, to));
      carry = clause === 'other' && (list || AGENT_OPENS.test(sentenceKey.slice(from, to))) ? from : null;
      if (carry !== null) continue;
      if (clause === 'not units') return null;
      if (clause === 'other') {
        if (roles === 0) return null;
        continue;
      }
      block[clause.role].push(...clause.names);
      block.cooperating.push(...(clause.together ?? []));
      roles++;
    }
  }
  return roles ? block : null;
}

/** A sentence after the task text that is nothing but units and their roles, printed without
 *  brackets: "…协作能力。县生态环境局牵头,各相关部门参与。", "…。各区政府为责任单位,市工商局为协办
 *  单位。". Every clause must name units by a role and one of them must lead or be labelled, so that
 *  a sentence of the task ("各乡镇负责落实。", "建筑工地由市建设局负责") stays text. */
function parseRoleSentence(text: string, key: string): UnitBlock | null {
  const roles = leadingRoles(text, key);
  return roles?.end === key.length ? roles.block : null;
}

/**
 * The clauses that open a sentence and state units' roles ("由杨志武副市长负责,市发改委牵头,相关部门配
 * 合,尽快完成…"), up to where its work begins: the block and the end of the last role clause. A
 * run needs a lead, a label, the leader beside it or a unit helping the one answering, so that a
 * sentence of the task ("各乡镇负责落实。") stays text.
 */
function leadingRoles(text: string, key: string): { block: UnitBlock; end: number } | null {
  const block = emptyBlock();
  let named = false;
  let end = 0;
  for (const [from, to] of splitTopLevel(key, ',;')) {
    const clauseKey = key.slice(from, to).trim();
    if (LEADER_CLAUSE.test(clauseKey)) {
      addNote(block, `${text.slice(from, to).trim()} (a person, not a unit)`);
      named = true;
    } else {
      const clause = roleClause(text.slice(from, to), key.slice(from, to));
      if (typeof clause === 'string') break;
      block[clause.role].push(...clause.names);
      block.cooperating.push(...(clause.together ?? []));
      // "…按职责分工负责": the formula names units as no task's words do.
      named ||= clause.labelled || clause.role === 'lead' || DUTY_FORMULA.test(clauseKey);
    }
    end = to;
  }
  const units = unitCount(block);
  // "由市安监局负责,市环保局配合。": one answers for the work and another helps, which names them both.
  const shared = block.responsible.length > 0 && block.cooperating.length > 0;
  return units && (named || shared) ? { block, end } : null;
}

/** Whether a line may hold an unbracketed unit sentence: it names a lead, a role label after 为, a
 *  leader answering for the work, or one answering and another helping. */
const DUTY_FORMULA = /按(?:职责|职能)(?:分工)?(?:分别)?(?:负责|落实)/;
const ROLE_SENTENCE_HINT = new RegExp(
  `牵头|为[^,;。]{0,15}?(?:${KEYWORD})|${LEADER_ANSWERS}|负责,[^,;。]{2,60}?(?:配合|协助|参与)|${DUTY_FORMULA.source}`,
);

// "…卫生整治活动责任单位城管科、环卫公司配合单位办事处": a copy that lost its punctuation prints the
// labels without colons, run on after the task's words. Read only at the end of a line and only when
// all that follows the first label is labels and names of units ("落实责任单位主体责任" stays text).
const HAS_KEYWORD = new RegExp(KEYWORD);
const BARE_LABEL = new RegExp(`(?:${KEYWORD})(?!\\s*:)`, 'g');

function bareLabelTail(text: string, key: string): UnitSegment | null {
  const groups = bracketGroups(key);
  for (const first of key.matchAll(BARE_LABEL)) {
    if (groups.some(([from, to]) => first.index > from && first.index < to)) continue;
    const labels = [...key.slice(first.index).matchAll(BARE_LABEL)].map((l) => ({
      at: first.index + l.index,
      end: first.index + l.index + l[0].length,
      role: KEYWORD_ROLES.find(([pattern]) => pattern.test(l[0]))![1],
    }));
    const block = emptyBlock();
    const allUnits = labels.every(({ end, role }, i) => {
      const [value, valueKey] = [text.slice(end, labels[i + 1]?.at), key.slice(end, labels[i + 1]?.at)];
      if (!isUnitList(valueKey)) return false;
      block[role].push(...splitUnits(value, valueKey));
      return true;
    });
    if (allUnits) return { start: first.index, end: key.length, block };
  }
  return null;
}

/** "(牵头单位:区环保厅)。由鲁国会副厅长负责,环境监测处落实。": a sentence of roles right after a
 *  unit group adds to it. */
function withRolesAfter(text: string, key: string, segments: UnitSegment[]): UnitSegment[] {
  const last = segments.at(-1)!;
  const after = /^[。\s]*/.exec(key.slice(last.end))![0].length + last.end;
  const stop = key.indexOf('。', after);
  const to = stop < 0 ? key.length : stop;
  if (to === after) return segments;
  const added = parseRoleSentence(text.slice(after, to), key.slice(after, to).trimEnd());
  if (!added) return segments;
  const block = { ...last.block };
  for (const role of ['lead', 'cooperating', 'responsible'] as const)
    block[role] = [...block[role], ...added[role]];
  if (added.note) addNote(block, added.note);
  return [...segments.slice(0, -1), { ...last, end: Math.min(key.length, to + 1), block }];
}

/** "…建立农药包装废弃物回收机制。(区农业农村委)": a bracket of names alone closing a task's sentence
 *  names who answers for it; not a name's second name ("市委宣传部(市文明办)") nor a bracket inside a
 *  sentence. */
function namesAfterSentence(text: string, key: string, open: number, close: number): UnitBlock | null {
  const inner = key.slice(open + 1, close);
  if (!/[。;]$/.test(key.slice(0, open).trimEnd()) || !/^\s*(?:[。;]|$)/.test(key.slice(close + 1)))
    return null;
  if (!isUnitList(inner)) return null;
  const names = splitUnits(text.slice(open + 1, close), inner);
  return names.every((n) => n.length >= 3) ? { ...emptyBlock(), responsible: names } : null;
}

/** A line under a bare unit label that gives a unit its share ("(1)城管局负责城区街道;"): the unit. */
export function allocatedUnits(text: string, key: string): string[] | null {
  const m = /^([^,;。:]{2,40}?)负责/.exec(key);
  return m && isUnitList(m[1]!) ? splitUnits(text.slice(0, m[1]!.length), m[1]!) : null;
}

/** An agent clause that names who leads and who works with it, closing a line ("由X会同Y负责落实。"). */
const TOGETHER =
  /(?<=^|[:;,])\s*由([^,;。由()]{2,40}?会同[^;。由()]{2,200}?)(?:负责|牵头|组织|研究|制定)[^,;。()]{0,12}[。;]?$/;

/** A rectification's measures: "整改措施:由县住建局负责修复。", "整改要求:由包片单位县气象局负责清除。",
 *  "整改措施:(1)由县环卫站负责更换…。(2)由…". */
const MEASURE_LABEL = /^(?:整改措施|整改要求|整改意见|处理意见|处置措施)\s*:/;
/** Who carries a measure out: the names after 由 (a role they hold before them, "包片单位", is no name)
 *  up to the verb of the work. */
const AGENT =
  /(?<=^|[:。;,)])\s*由(?:[^,;。由]{0,10}?包片单位)?([^,;。由]{2,80}?)(负责|牵头|督促|对|按照|予以|组织|联系|协调|及时|立即|自行|给予)/g;
/** The same within a clause ("应急通信保障由市信息产业局负责组织协调"), where every item states its agent. */
const AGENT_IN_CLAUSE = new RegExp(AGENT.source.replace('(?<=^|[:。;,)])', ''), 'g');
/** The clause after a lead's: the names that do the work ("…林业局牵头,广电网络公司、…电力局按照管理权限
 *  予以规范"). */
const DOERS = /^,([^,;。]{2,80}?)(配合|按照|负责|予以|对|做好)/;

/** Each 由 clause of a measure line whose names are units: 牵头 leads, others carry the work out. */
function measureAgents(text: string, key: string, from: number, agent = AGENT): UnitSegment[] {
  agent.lastIndex = from;
  const segments: UnitSegment[] = [];
  for (let m = agent.exec(key); m; m = agent.exec(key)) {
    if (!isUnitList(m[1]!)) continue;
    const namesAt = m.index + m[0].length - m[2]!.length - m[1]!.length;
    const block = emptyBlock();
    block[m[2] === '牵头' ? 'lead' : 'responsible'].push(
      ...splitUnits(text.slice(namesAt, namesAt + m[1]!.length), m[1]!),
    );
    let end = m.index + m[0].length;
    const doers = m[2] === '牵头' ? DOERS.exec(key.slice(end)) : null;
    if (doers && isUnitList(doers[1]!)) {
      block[doers[2] === '配合' ? 'cooperating' : 'responsible'].push(
        ...splitUnits(text.slice(end + 1, end + 1 + doers[1]!.length), doers[1]!),
      );
      end += doers[0].length;
    }
    segments.push({ start: m.index + m[0].length - m[0].trimStart().length, end, block });
  }
  return segments;
}

/** Unit statements in one line: a keyword line, a keyword tail after a full stop, inline groups.
 *  `ownWords`: the line opens with the task's own words (its heading), so its first sentence is
 *  never an unbracketed unit statement; a line of the body may be one whole. */
/** `firstLeads`: a rule earlier in the plan ("列第一位者为牵头部门，下同") makes a bracketed list of units
 *  without roles its first unit's lead. `agents`: the items state who does each by 由 ("…由X负责"). */
export function findUnitSegments(
  text: string,
  key: string,
  ownWords = true,
  firstLeads = false,
  agents = false,
): UnitSegment[] {
  const measure = MEASURE_LABEL.exec(key);
  if (measure) {
    const found = measureAgents(text, key, measure[0].length);
    if (found.length) return found;
  }
  // Duties that each name their agent ("…工作,由市农业局负责组织协调。", as an emergency plan's do).
  // One duty may name several agents, one clause each: together they answer for it.
  if (agents && !LABEL_ANYWHERE.test(key)) {
    const found = measureAgents(text, key, 0, AGENT_IN_CLAUSE);
    if (found.length) {
      const block = emptyBlock();
      for (const role of ['lead', 'cooperating', 'responsible'] as const)
        block[role] = [...new Set(found.flatMap((f) => f.block[role]))];
      return [{ start: found[0]!.start, end: found.at(-1)!.end, block }];
    }
  }
  // "部门分工：省发展改革委牵头，各地、各部门配合。": a label over a statement of roles.
  const division = DIVISION_LABEL.exec(key);
  if (division) {
    const at = division[0].length;
    const block = parseRoleGroup(text.slice(at), key.slice(at));
    if (block) return [{ start: 0, end: key.length, block }];
  }
  // "…的问题,由国土资源部会同农业部等部门负责落实。": an agent working together with others.
  const agent = TOGETHER.exec(key);
  const names = agent ? agent.index + agent[0].indexOf('由') + 1 : 0;
  const joint = agent && workingTogether(text.slice(names, names + agent[1]!.length), agent[1]!);
  if (joint)
    return [
      {
        start: names - 1,
        end: key.length,
        block: { ...emptyBlock(), lead: joint.lead, cooperating: joint.together },
      },
    ];
  const segments: UnitSegment[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    KEYWORD_HERE.lastIndex = i;
    if (
      depth === 0 &&
      KEYWORD_FIRST.has(ch) &&
      // "县牵头单位:县爱卫办,镇对接单位:…": a label may name the level whose unit it gives.
      (i === 0 ||
        /[。;.,\s]/.test(key[i - 1]!) ||
        LEVEL_BEFORE_LABEL.test(key.slice(Math.max(0, i - 2), i))) &&
      KEYWORD_HERE.test(key)
    ) {
      // The statement runs to the end of the line, or to a further field of the row ("，完成时间："),
      // or to the bracket that a line broken inside a group closes ("牵头单位:区环保厅)。由…").
      const field = FIELD_AFTER_UNITS.exec(key.slice(i));
      const closed = /^[^(〔【[]*?[)〕】\]]。/.exec(key.slice(i));
      const end = Math.min(
        field ? i + field.index : key.length,
        closed ? i + closed[0].length - 1 : key.length,
      );
      segments.push({ start: i, end, block: parseKeywords(text, key, i, end, firstLeads) });
      break;
    }
    if (OPEN.includes(ch)) {
      if (depth++ === 0) open = i;
    } else if (CLOSE.includes(ch) && depth > 0 && --depth === 0) {
      const block =
        parseRoleGroup(text.slice(open + 1, i), key.slice(open + 1, i), firstLeads) ??
        namesAfterSentence(text, key, open, i);
      if (block) segments.push({ start: open, end: i + 1, block });
    }
  }
  if (segments.length) return withRolesAfter(text, key, segments);
  const bare = bareLabelTail(text, key);
  if (bare) return [bare];
  // Sentences after the task's own words may be unbracketed unit statements; they need a lead or a
  // label, so other lines are not searched.
  if (!ROLE_SENTENCE_HINT.test(key)) return segments;
  for (const [from, to] of splitTopLevel(key, '。').slice(ownWords ? 1 : 0)) {
    const start = from + (key.slice(from, to).length - key.slice(from, to).trimStart().length);
    const block = parseRoleSentence(text.slice(start, to), key.slice(start, to).trimEnd());
    if (block) segments.push({ start, end: Math.min(key.length, to + 1), block });
  }
  if (segments.length || ownWords) return segments;
  // A paragraph that opens with the roles of the work it goes on to describe.
  const opening = leadingRoles(text, key);
  return opening ? [{ start: 0, end: opening.end + 1, block: opening.block }] : segments;
}

/** A line that only continues a list of units broken over lines (no sentence, unit-like names). */
/** A field printed among a task's unit lines that names none: who supervises it, which leader or
 *  person answers for it, when it is due ("督导单位：…", "责任领导：…", "完成时限：…"). */
const FIELD_LINE = new RegExp(
  `^[(【[]?\\s*(?:(?:督导|督办|督查|监督|指导)(?:单位|部门|领导)|${PERSON_FIELD}|(?:完成|整改|办结)?(?:时限|时间|期限)(?:节点|要求|安排)?|进度安排)[^:]{0,6}:`,
);

export function isFieldLine(key: string): boolean {
  return FIELD_LINE.test(key);
}

export function isUnitContinuation(key: string): boolean {
  // A standing rule in brackets after the names ("…，各乡镇〔以下…不再列出〕") belongs to the list.
  const list = key.replace(/[〔【[(][^〕】\])]*(?:不再|以下)[^〕】\])]*[〕】\])]/g, '');
  if (list.length > 80 || /[。:]/.test(list) || startsWithUnitKeyword(list)) return false;
  const names = splitUnits(list, list);
  return names.length > 0 && names.every((n) => n.length <= 25) && isUnitLike(names[names.length - 1]!);
}
