import { describe, expect, it } from 'vitest';
import { fold } from './normalize-text';
import { parsePlan } from './plan-parser';
import {
  findUnitSegments,
  firstListedLeads,
  isFieldLine,
  isUnitContinuation,
  labelUnit,
  roleOfLabel,
  splitUnits,
  startsWithUnitKeyword,
} from './unit-lines';

const blocks = (text: string) => findUnitSegments(text, fold(text)).map((s) => s.block);
const split = (text: string) => splitUnits(text, fold(text));

describe('splitUnits', () => {
  it('splits on 、 ， , ； and keeps names as printed', () => {
    expect(split('区环保局、区城管执法局，区工商质监局,各镇（街道）；区农委')).toEqual([
      '区环保局',
      '区城管执法局',
      '区工商质监局',
      '各镇（街道）',
      '区农委',
    ]);
  });

  it('never splits inside brackets, nor a group written 各县、区', () => {
    expect(split('县(市、区)政府、各县、区人民政府(管委会)、各县、市、区政府')).toEqual([
      '县(市、区)政府',
      '各县、区人民政府(管委会)',
      '各县、市、区政府',
    ]);
  });

  it('keeps place names that share the suffix of the government body after them with it', () => {
    expect(split('市经信委、临汾、侯马、洪洞经济开发区管委会')).toEqual([
      '市经信委',
      '临汾、侯马、洪洞经济开发区管委会',
    ]);
    expect(split('各县、区人民政府')).toEqual(['各县、区人民政府']);
    expect(split('欧阳、曲阳、凉城、广中街道')).toEqual(['欧阳、曲阳、凉城、广中街道']);
    expect(split('各县(市、区)党委和人民政府、城乡一体化示范区、高新区党工委和管委会')).toEqual([
      '各县(市、区)党委和人民政府',
      '城乡一体化示范区、高新区党工委和管委会',
    ]);
    // A zone before a group of townships, or alone, is a name of its own.
    expect(split('立山经济开发区、各街道、区直各部门')).toEqual(['立山经济开发区', '各街道', '区直各部门']);
    expect(split('区住建局、高新技术开发区')).toEqual(['区住建局', '高新技术开发区']);
  });

  it('keeps districts named bare before one named with its 政府 with it, not before another unit', () => {
    expect(split('市财政局,各县(市)、铜山区、贾汪区政府,中石油徐州分公司')).toEqual([
      '市财政局',
      '各县(市)、铜山区、贾汪区政府',
      '中石油徐州分公司',
    ]);
    expect(split('铜山区、市环保局')).toEqual(['铜山区', '市环保局']);
    expect(split('铜山区、贾汪区、市环保局')).toEqual(['铜山区', '贾汪区', '市环保局']);
  });

  it('keeps short names before any other unit as names of their own', () => {
    expect(split('公安、交通、城管部门')).toEqual(['公安', '交通', '城管部门']);
    expect(split('公安、交通、区环保局')).toEqual(['公安', '交通', '区环保局']);
    expect(split('区住建局、城管、各镇（街道）')).toEqual(['区住建局', '城管', '各镇（街道）']);
    expect(split('交警、区公安分局')).toEqual(['交警', '区公安分局']);
    expect(split('区环保局、城管')).toEqual(['区环保局', '城管']);
  });

  it('drops the 等 that closes a list', () => {
    expect(split('市发改委、市自然资源和规划局等')).toEqual(['市发改委', '市自然资源和规划局']);
  });

  it('splits on 及 or 以及 between two names of units', () => {
    expect(split('市级各有关部门及各县市区政府')).toEqual(['市级各有关部门', '各县市区政府']);
    expect(split('市級各有關部門及各縣市區政府')).toEqual(['市級各有關部門', '各縣市區政府']);
    expect(split('区环保局、区城管局以及各街道办事处')).toEqual(['区环保局', '区城管局', '各街道办事处']);
  });

  it('keeps 及 inside a name, before 其, and inside brackets', () => {
    expect(split('大气及水污染防治办公室')).toEqual(['大气及水污染防治办公室']);
    expect(split('各县政府及其有关部门')).toEqual(['各县政府及其有关部门']);
    expect(split('各区政府(含高新区及开发区管委会)')).toEqual(['各区政府(含高新区及开发区管委会)']);
  });

  it('drops marks scattered inside a name by a reprint site', () => {
    expect(split('工业和信·息化厅、财政厅')).toEqual(['工业和信息化厅', '财政厅']);
    expect(split('市生态`环境局')).toEqual(['市生态环境局']);
    expect(split('·市环保局')).toEqual(['·市环保局']);
  });
});

describe('findUnitSegments', () => {
  it('reads a keyword line with full- or half-width colons', () => {
    expect(blocks('牵头单位: 区环保局、区社管办')).toEqual([
      { lead: ['区环保局', '区社管办'], cooperating: [], responsible: [], note: null },
    ]);
    expect(blocks('责任部门：各镇（街道）')[0]!.responsible).toEqual(['各镇（街道）']);
  });

  it('reads an inline group whose responsible units share one suffix', () => {
    expect(
      blocks('(市环保局牵头,市经信委、市住房和城乡建设局配合,临汾、侯马、洪洞经济开发区管委会负责落实)'),
    ).toEqual([
      {
        lead: ['市环保局'],
        cooperating: ['市经信委', '市住房和城乡建设局'],
        responsible: ['临汾、侯马、洪洞经济开发区管委会'],
        note: null,
      },
    ]);
  });

  it('reads two keywords in one bracket, separated by a comma', () => {
    expect(blocks('(牽頭單位:區經信局、發改局,責任單位:各鄉鎮街道園區)')).toEqual([
      { lead: ['區經信局', '發改局'], cooperating: [], responsible: ['各鄉鎮街道園區'], note: null },
    ]);
  });

  it('reads several keywords on one line', () => {
    expect(blocks('牽頭單位:經信委;責任單位:發改委、市場監管局')).toEqual([
      { lead: ['經信委'], cooperating: [], responsible: ['發改委', '市場監管局'], note: null },
    ]);
  });

  it('reads a keyword tail after the task text', () => {
    const [segment] = findUnitSegments(
      '对破损路面及时修复。牵头单位：区市政中心',
      fold('对破损路面及时修复。牵头单位：区市政中心'),
    );
    expect(segment!.start).toBe(10);
    expect(segment!.block.lead).toEqual(['区市政中心']);
  });

  it.each([
    ['牵头', 'lead'],
    ['牵头督导', 'lead'],
    ['负责指导', 'lead'],
    ['参与', 'cooperating'],
    ['配合', 'cooperating'],
    ['协办', 'cooperating'],
    ['负责', 'responsible'],
    ['落实', 'responsible'],
    ['负责落实', 'responsible'],
    ['主责', 'responsible'],
  ] as const)('reads the inline role verb %s', (verb, role) => {
    expect(blocks(`完成整治（市环保局${verb}）。`)[0]![role]).toEqual(['市环保局']);
  });

  it('reads a keyword group in parentheses and the sentences after its names as notes', () => {
    expect(
      blocks(
        '（责任单位:市环保局、市国土资源局,各镇街区。以下均需各镇街区落实,不再列出。排在前位为牵头部门,下同。）',
      ),
    ).toEqual([
      {
        // The first-leads rule among the notes makes the first name the lead.
        lead: ['市环保局'],
        cooperating: [],
        responsible: ['市国土资源局', '各镇街区'],
        note: '以下均需各镇街区落实,不再列出; 排在前位为牵头部门,下同',
      },
    ]);
  });

  it('reads a traditional-character group whose names end in 部門', () => {
    expect(blocks('(市政府辦公室牽頭,市級各有關部門按職責分工負責)')).toEqual([
      { lead: ['市政府辦公室'], cooperating: [], responsible: ['市級各有關部門'], note: null },
    ]);
  });

  it('reads a sentence of units and roles printed without brackets after the task text', () => {
    const text = '提升区域协作能力。县生态环境局牵头,各相关部门参与。 【更多文档】';
    const [segment] = findUnitSegments(text, fold(text));
    expect(segment!.block).toEqual({
      lead: ['县生态环境局'],
      cooperating: ['各相关部门'],
      responsible: [],
      note: null,
    });
    expect(text.slice(segment!.start, segment!.end)).toBe('县生态环境局牵头,各相关部门参与。');
  });

  it('reads such a sentence as a whole line of the body, not as the first words of a heading', () => {
    const line = '县生态环境局牵头，各相关部门参与。';
    expect(findUnitSegments(line, fold(line), false).map((s) => s.block.lead)).toEqual([['县生态环境局']]);
    expect(findUnitSegments(line, fold(line))).toEqual([]);
    // A paragraph may open with the roles of the work it describes.
    const text = '区住建局牵头，各街道配合，开展拆除整治。';
    expect(findUnitSegments(text, fold(text), false).map((s) => s.block)).toEqual([
      { lead: ['区住建局'], cooperating: ['各街道'], responsible: [], note: null },
    ]);
    expect(findUnitSegments(text, fold(text))).toEqual([]);
  });

  it('leaves unbracketed sentences as text unless every clause names units and one leads', () => {
    expect(blocks('加强巡查。各乡镇负责落实。')).toEqual([]);
    expect(blocks('加强监管。由县环保局牵头,开展专项检查。')).toEqual([]);
    expect(blocks('加强监管。县环保局牵头,各部门配合,开展专项检查。')).toEqual([]);
    expect(blocks('县生态环境局牵头,各相关部门参与。')).toEqual([]);
  });

  it('reads labels printed without colons at the end of the task text', () => {
    const text = '业户垃圾清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队';
    const [segment] = findUnitSegments(text, fold(text));
    expect(text.slice(segment!.start)).toBe('责任单位环卫分公司配合单位办事处、城管中队');
    expect(segment!.block).toEqual({
      lead: [],
      cooperating: ['办事处', '城管中队'],
      responsible: ['环卫分公司'],
      note: null,
    });
    expect(blocks('参与环境卫生整治活动责任单位各社区居委会、驻辖区单位、物业管理小区')).toEqual([
      { lead: [], cooperating: [], responsible: ['各社区居委会', '驻辖区单位', '物业管理小区'], note: null },
    ]);
  });

  it('leaves a label without a colon as text unless only names of units follow it', () => {
    expect(blocks('压实企业主体责任,落实责任单位主体责任')).toEqual([]);
    expect(blocks('明确牵头单位、配合单位和责任人')).toEqual([]);
    expect(blocks('各责任单位要按时报送进展情况')).toEqual([]);
    expect(blocks('将整改情况报送各责任单位')).toEqual([]);
    expect(blocks('落实属地责任(责任单位各镇街道)')).toEqual([]);
  });

  it('ignores parentheses that do not name units', () => {
    expect(
      blocks('排查企业（含已取缔的企业），采取“两断三清”（断水、断电）措施（重大民生项目除外）。'),
    ).toEqual([]);
  });
});

describe('line classification', () => {
  it('recognises unit keyword lines', () => {
    expect(startsWithUnitKeyword(fold('配合单位：区住建局'))).toBe(true);
    expect(startsWithUnitKeyword(fold('【牵头单位】区城管局'))).toBe(true);
    expect(startsWithUnitKeyword(fold('各责任单位启动响应'))).toBe(false);
  });

  it('recognises the continuation of a list of units', () => {
    expect(isUnitContinuation(fold('区交运局、区城管执法局，各镇（街道）'))).toBe(true);
    expect(isUnitContinuation(fold('各乡镇〔以下各项工作相关乡镇均为责任单位,不再列出〕'))).toBe(true);
    expect(isUnitContinuation(fold('督促企业按期完成整改。'))).toBe(false);
  });
});

describe('role verbs inside a labelled list', () => {
  it('gives clauses ending in 牵头/配合/落实 their own role after 责任单位', () => {
    expect(blocks('（责任单位：县发改局牵头，县生态环境局、县工信局配合，各乡镇人民政府落实）')).toEqual([
      {
        lead: ['县发改局'],
        cooperating: ['县生态环境局', '县工信局'],
        responsible: ['各乡镇人民政府'],
        note: null,
      },
    ]);
  });

  it('keeps the label role for a clause without a role verb', () => {
    expect(blocks('（责任单位：县生态环境局，县农业农村局、县自然资源局配合）')).toEqual([
      { lead: [], cooperating: ['县农业农村局', '县自然资源局'], responsible: ['县生态环境局'], note: null },
    ]);
  });

  it('reads a name marked （牵头） as the lead', () => {
    expect(blocks('责任单位：区住建局（牵头）、区城管局、各街道办事处')).toEqual([
      { lead: ['区住建局'], cooperating: [], responsible: ['区城管局', '各街道办事处'], note: null },
    ]);
  });

  it("drops a bracketed note that the label's role is shared out", () => {
    expect(blocks('责任单位：县农业农村局、县生态环境局（按职责分工负责）')).toEqual([
      { lead: [], cooperating: [], responsible: ['县农业农村局', '县生态环境局'], note: null },
    ]);
  });

  it('leaves a plain labelled list alone', () => {
    expect(blocks('责任单位：县水利局，县生态环境局')).toEqual([
      { lead: [], cooperating: [], responsible: ['县水利局', '县生态环境局'], note: null },
    ]);
  });
});

describe('label words', () => {
  it.each([
    ['主办单位：区发改局', 'lead'],
    ['牵头责任单位：区发改局', 'lead'],
    ['牵头科室：区发改局', 'lead'],
    ['协助单位：区发改局', 'cooperating'],
    ['协同单位：区发改局', 'cooperating'],
    ['参与部门：区发改局', 'cooperating'],
    ['实施主体：区发改局', 'responsible'],
    ['实施单位：区发改局', 'responsible'],
    ['承办单位：区发改局', 'responsible'],
    ['负责部门：区发改局', 'responsible'],
    ['具体责任单位：区发改局', 'responsible'],
  ])('reads %s as %s', (text, role) => {
    expect(blocks(text)).toEqual([
      { lead: [], cooperating: [], responsible: [], note: null, [role]: ['区发改局'] },
    ]);
  });

  it('does not take a field naming a supervisor or a leader for units', () => {
    expect(blocks('督导单位：区委督查室')).toEqual([]);
    expect(blocks('责任领导：区政府分管副区长')).toEqual([]);
    expect(blocks('负责同志要亲自抓')).toEqual([]);
  });
});

describe('the first-leads rule (列第一位者为牵头部门)', () => {
  it('reads a bracketed list without roles under the rule as its first unit leading', () => {
    expect(
      blocks('1.制订控制方案。(省经信委、省发改委(省能源局)、省环保厅。列第一位者为牵头部门,下同)'),
    ).toEqual([
      {
        lead: ['省经信委'],
        cooperating: [],
        responsible: ['省发改委(省能源局)', '省环保厅'],
        note: '列第一位者为牵头部门,下同',
      },
    ]);
  });

  it("reads no unit in a place's other kind in brackets after the rule said 下同", () => {
    const { tasks } = parsePlan(
      [
        '一、治理工业污染',
        '(一)烟气治理。完成脱硝改造。(责任部门:市环保局、经信委。列第一位的为牵头部门,下同)',
        '(二)整治燃煤锅炉。各镇(区)制定实施本辖区锅炉整治方案。',
      ].join('\n'),
    ).plans[0]!;
    expect(tasks.map((t) => t.assignments.length)).toEqual([1, 0]);
  });

  it('reads later bracketed lists as led by their first only where the rule said 下同', () => {
    const list = '2.加强监测。(省环保厅、省气象局)';
    expect(findUnitSegments(list, fold(list), true, true).map((s) => s.block)).toEqual([
      { lead: ['省环保厅'], cooperating: [], responsible: ['省气象局'], note: null },
    ]);
    // Without the rule a list alone closing the sentence names who answers for the work (batch 18).
    expect(blocks(list)).toEqual([
      { lead: [], cooperating: [], responsible: ['省环保厅', '省气象局'], note: null },
    ]);
    // Brackets that hold no units stay text.
    const other = '2.加强监测(含县城)。';
    expect(findUnitSegments(other, fold(other), true, true)).toEqual([]);
  });

  it('tells the rule for this list from the rule for every list', () => {
    expect(firstListedLeads('列第一位者为牵头部门,下同')).toBe('from here on');
    expect(firstListedLeads('排在前位为牵头部门')).toBe('here');
    expect(firstListedLeads('以下均需各镇街区落实')).toBeNull();
  });
});

describe('a label over a statement of roles', () => {
  it('reads 部门分工 and 责任分工 lines, 各地 among the units', () => {
    expect(blocks('部门分工:省发展改革委牵头,各地、各部门配合。')).toEqual([
      { lead: ['省发展改革委'], cooperating: ['各地', '各部门'], responsible: [], note: null },
    ]);
    expect(blocks('责任分工：县环保局牵头，各乡镇负责落实。')).toEqual([
      { lead: ['县环保局'], cooperating: [], responsible: ['各乡镇'], note: null },
    ]);
    expect(blocks('部门分工要明确，责任要落实。')).toEqual([]);
  });

  it('reads 主要责任单位 and a label after a comma', () => {
    expect(blocks('清理漂浮物。主要责任单位:各县(市、区)、乡(镇)人民政府,各县(市、区)水利等部门。')).toEqual([
      {
        lead: [],
        cooperating: [],
        responsible: ['各县(市、区)、乡(镇)人民政府', '各县(市、区)水利'],
        note: null,
      },
    ]);
    expect(blocks('4.稳定达标率。工业企业执行率,责任单位:市环境保护局;')[0]!.responsible).toEqual([
      '市环境保护局',
    ]);
  });
});

describe('labelUnit', () => {
  const label = (item: string) => labelUnit(item, fold(item));
  it("reads the unit a duty list's item is labelled by", () => {
    expect(label('市卫生局:负责医院周边环境秩序综合整治的协调工作;')).toEqual({
      names: ['市卫生局'],
      label: 'X:',
    });
    expect(label('各区县政府(地区管委会):落实属地责任')?.names).toEqual(['各区县政府(地区管委会)']);
    expect(label('茄子河区政府负责:')).toEqual({ names: ['茄子河区政府'], label: 'X负责:' });
    expect(label('区住建局。排查建成区黑臭水体。')).toEqual({ names: ['区住建局'], label: 'X。' });
  });

  it('reads no unit in a task title, a place or a phrase ending like a unit', () => {
    expect(label('严厉查处违法排污企业。')).toBeNull();
    expect(label('优化产业布局。制定严格的产业准入门槛。')).toBeNull();
    expect(label('加强组织领导:成立领导小组。')).toBeNull();
    expect(label('城区:全面禁燃。')).toBeNull();
    expect(label('各县(市、区):落实属地责任。')).toBeNull();
    expect(label('工作目标:PM2.5浓度下降。')).toBeNull();
  });

  it('reads 相关责任单位 as responsible', () => {
    expect(blocks('牵头责任单位:市服务业发展局\n')[0]!.lead).toEqual(['市服务业发展局']);
    expect(blocks('相关责任单位:各县(市、区)政府')[0]!.responsible).toEqual(['各县(市、区)政府']);
  });

  it('reads 协同责任单位 and 配合责任单位 as cooperating, and 牵头负责领导 as no unit', () => {
    expect(blocks('协同责任单位:市经信局、市商务局等,各县、市、区政府。')[0]!.cooperating).toEqual([
      '市经信局',
      '市商务局',
      '各县、市、区政府',
    ]);
    expect(blocks('配合责任单位:市税务局')[0]!.cooperating).toEqual(['市税务局']);
    expect(isFieldLine(fold('牵头负责领导:金力。'))).toBe(true);
  });
});

describe('role verbs under a 牵头单位 label', () => {
  it('keep the label role for 负责 but take 配合', () => {
    expect(blocks('牵头单位：县环保局负责，县公安局配合')).toEqual([
      { lead: ['县环保局'], cooperating: ['县公安局'], responsible: [], note: null },
    ]);
  });
});

describe('a further field after the units', () => {
  it('ends the list at "完成时间:" and leaves the date outside the statement', () => {
    const text = '完成葛山森林公园规划。责任单位:市林业局、西山街办,完成时间:2009年9月30日前。';
    const [segment] = findUnitSegments(text, fold(text));
    expect(segment!.block.responsible).toEqual(['市林业局', '西山街办']);
    expect(text.slice(segment!.end)).toBe(',完成时间:2009年9月30日前。');
  });

  it('also ends it at "；整改时限：" and "完成时限:"', () => {
    expect(blocks('责任单位：县环保局；整改时限：2018年12月底前')[0]!.responsible).toEqual(['县环保局']);
    expect(blocks('牵头单位:县住建局 完成时限:2018年底')[0]!.lead).toEqual(['县住建局']);
  });

  it('reads the units of a group that names its leader first or last, not the leader', () => {
    expect(blocks('1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)')).toEqual([
      { lead: ['区发改局'], cooperating: [], responsible: [], note: null },
    ]);
    expect(blocks('1.地区生产总值增长8%以上。(牵头单位:区发改局;责任领导:杜新国)')[0]!.lead).toEqual([
      '区发改局',
    ]);
  });

  it('ends it at a field glued to the last name by a copy that lost the break', () => {
    const [block] = blocks(
      '牵头单位:县住建局责任单位:各乡镇政府、各撤乡并村善后工作组整治时限:2020年6月底前',
    );
    expect([block!.lead, block!.responsible]).toEqual([['县住建局'], ['各乡镇政府', '各撤乡并村善后工作组']]);
  });

  it('does not cut a unit whose name merely contains 时间 without a colon', () => {
    expect(blocks('责任单位:市时间服务中心、市环保局')[0]!.responsible).toEqual([
      '市时间服务中心',
      '市环保局',
    ]);
  });
});

describe('labels and names of batch 24', () => {
  it('reads 参加单位 as cooperating, and a 股 as a unit', () => {
    expect(blocks('推进能源结构调整。(牵头单位:能源局 参加单位:发展改革委、国资委)')).toEqual([
      { lead: ['能源局'], cooperating: ['发展改革委', '国资委'], responsible: [], note: null },
    ]);
    expect(blocks('禁止使用不可降解塑料袋;(行业管理股牵头)')).toEqual([
      { lead: ['行业管理股'], cooperating: [], responsible: [], note: null },
    ]);
  });
});

describe('labels composed of a role and a kind of unit', () => {
  it('reads every role word before 单位, 部门, 科室 or 处室', () => {
    expect(blocks('加强监管。主办部门:市商务局;协助处室:市场科;承办科室:流通科;实施部门:各县区')).toEqual([
      { lead: ['市商务局'], cooperating: ['市场科'], responsible: ['流通科', '各县区'], note: null },
    ]);
    expect(
      ['主要牵头单位', '主要责任单位', '协同责任处室', '具体落实部门', '推进部门'].map(roleOfLabel),
    ).toEqual(['lead', 'responsible', 'cooperating', 'responsible', null]);
  });
});

describe('labels naming the level of the unit they give', () => {
  it('reads "县牵头单位:" and "镇对接单位:", the level no part of the names before the next label', () => {
    expect(blocks('一是开展“全城清洁”行动。县牵头单位:县爱卫办,镇对接单位:镇城乡公路管理所。')).toEqual([
      { lead: ['县爱卫办'], cooperating: [], responsible: ['镇城乡公路管理所'], note: null },
    ]);
    // A town named last in a list stays a name.
    expect(blocks('责任单位:各镇;配合单位:县环保局')).toEqual([
      { lead: [], cooperating: ['县环保局'], responsible: ['各镇'], note: null },
    ]);
  });
});
