// Units stated in sentences rather than under labels: an agent after 由, a role given by a label
// after 为, labels of the township and city forms (协作部门, 主体责任单位, 实施单位).
import { describe, expect, it } from 'vitest';
import { fold } from './normalize-text';
import { findUnitSegments, splitUnits } from './unit-lines';

const blocks = (text: string) => findUnitSegments(text, fold(text)).map((s) => s.block);

describe('an agent introduced by 由 inside an inline group', () => {
  it('reads the names after 由 with the role of the verb, whatever work follows the verb', () => {
    expect(
      blocks('加强水环境整治。(本部分工作由市建委,市环保局、市水利局等部门负责制定方案并组织实施)'),
    ).toEqual([{ lead: [], cooperating: [], responsible: ['市建委', '市环保局', '市水利局'], note: null }]);
    expect(
      blocks(
        '开展村容整治。(整治工作由市农业局牵头组织实施,规划工作由市规划局牵头组织实施,市建委、市绿委办等部门配合)',
      ),
    ).toEqual([
      { lead: ['市农业局', '市规划局'], cooperating: ['市建委', '市绿委办'], responsible: [], note: null },
    ]);
  });

  it('leaves a group whose words after 由 are not units as text', () => {
    expect(blocks('完善设施。(本部分工作由各方共同推进)')).toEqual([]);
    expect(blocks('完善设施。(经费由区政府统筹,按进度拨付)')).toEqual([]);
  });
});

describe('a role given by a label after 为', () => {
  it('reads "X为责任单位,Y为协办单位。" after the task text', () => {
    expect(blocks('全面清理。各区政府为责任单位,市规划与国土资源局、城管办为协办单位。')).toEqual([
      {
        lead: [],
        cooperating: ['市规划与国土资源局', '城管办'],
        responsible: ['各区政府'],
        note: null,
      },
    ]);
    expect(blocks('整车清洗。市交通局为责任单位。')).toEqual([
      { lead: [], cooperating: [], responsible: ['市交通局'], note: null },
    ]);
  });

  it('allows a few words naming the area between 为 and the label', () => {
    const [block] = blocks(
      '全面清理。市公路局及高速公路股份公司为市内公路、高速公路的责任单位,各区政府为协办单位。',
    );
    expect(block!.responsible).toEqual(['市公路局', '高速公路股份公司']);
    expect(block!.cooperating).toEqual(['各区政府']);
  });

  it('leaves work assigned by place in a sentence as text', () => {
    expect(blocks('统一灭杀。建筑工地由市建设局负责;河道由市水务局负责。')).toEqual([]);
    expect(blocks('加强管理。该项目为重点单位,要加快建设。')).toEqual([]);
    expect(blocks('加强管理。各街道要明确责任单位。')).toEqual([]);
  });
});

describe('labels of the township and city forms', () => {
  it('reads 牵头部门, 协作部门 and 主体责任单位 on one line', () => {
    expect(blocks('牵头部门:镇水利站 协作部门:镇工业办公室,镇城建办 主体责任单位:各村(居)')).toEqual([
      {
        lead: ['镇水利站'],
        cooperating: ['镇工业办公室', '镇城建办'],
        responsible: ['各村(居)'],
        note: null,
      },
    ]);
  });

  it('reads 实施单位 as the responsible units', () => {
    expect(blocks('提升作业水平。(实施单位:市城管委、财政局)')).toEqual([
      { lead: [], cooperating: [], responsible: ['市城管委', '财政局'], note: null },
    ]);
  });
});

describe('place names sharing the suffix of a limited company', () => {
  const split = (text: string) => splitUnits(text, fold(text));

  it('keeps them with the company after them, as with a government body', () => {
    expect(split('广深、平南铁路有限公司')).toEqual(['广深、平南铁路有限公司']);
  });

  it('keeps short names before a company that is not a limited one as names of their own', () => {
    expect(split('公安、交通、市供电公司')).toEqual(['公安', '交通', '市供电公司']);
  });
});

describe('roles beside the leader who answers for the work', () => {
  const body = (text: string) => findUnitSegments(text, fold(text), false).map((s) => s.block);

  it('reads the roles that open a paragraph, the leader noted as a person', () => {
    expect(body('由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成《实施方案》,报省政府审批。')).toEqual([
      {
        lead: ['市发改委'],
        cooperating: ['相关部门'],
        responsible: [],
        note: '由杨志武副市长负责 (a person, not a unit)',
      },
    ]);
  });

  it('adds a sentence of roles after a unit group to it, names joined by 和 apart', () => {
    expect(
      blocks(
        '推进农村环境综合治理(牵头单位:区环保厅)。由鲁国会、郑忠安副厅长分别负责,环境监测处、环境影响评价处和农村环境监督管理处分别落实。',
      ),
    ).toEqual([
      {
        lead: ['区环保厅'],
        cooperating: [],
        responsible: ['环境监测处', '环境影响评价处', '农村环境监督管理处'],
        note: '由鲁国会、郑忠安副厅长分别负责 (a person, not a unit)',
      },
    ]);
  });

  it('leaves a paragraph that opens with work, or names a leader without units, as text', () => {
    expect(body('各乡镇负责落实,尽快完成排查。')).toEqual([]);
    expect(body('由杨志武副市长负责,尽快完成《实施方案》。')).toEqual([]);
    expect(body('尽快完成方案,市发改委牵头。')).toEqual([]);
  });
});

describe('names joined by 和 or 与', () => {
  it('splits two names each with its own ending, not words inside one name', () => {
    expect(splitUnits('市卫生局和各区政府', '市卫生局和各区政府')).toEqual(['市卫生局', '各区政府']);
    for (const name of [
      '市住房和城乡建设局',
      '区农业农村和水利局',
      '市规划与国土资源局',
      '各县(市、区)党委和人民政府',
      '高新区党工委和管委会',
    ])
      expect(splitUnits(name, fold(name))).toEqual([name]);
  });
});

describe('a sentence naming one who answers for the work and one who helps', () => {
  it('reads 负责 as responsible and 配合 as cooperating, without a lead', () => {
    expect(blocks('加强危险化学品管理。由市安监局负责,市环保局配合。')).toEqual([
      { lead: [], cooperating: ['市环保局'], responsible: ['市安监局'], note: null },
    ]);
    // One answering alone is the task's words.
    expect(blocks('加强危险化学品管理。各乡镇负责落实。')).toEqual([]);
  });
});

describe('role verbs of city and national brackets', () => {
  it('reads 主办, 牵头抓总, 协同, 参加, 各负其责, 具体实施 and 按职能分工负责 with their roles', () => {
    const roles = (text: string) =>
      blocks(`加强监管。(${text})`).map((b) => [b.lead, b.cooperating, b.responsible]);
    expect(roles('市商务局主办,市市场监管局协同')).toEqual([[['市商务局'], ['市市场监管局'], []]]);
    expect(roles('市发展改革委牵头,市工信局参加')).toEqual([[['市发展改革委'], ['市工信局'], []]]);
    expect(roles('市住建局牵头抓总,各区政府具体实施')).toEqual([[['市住建局'], [], ['各区政府']]]);
    expect(roles('市发展改革委牵头,各县区各负其责')).toEqual([[['市发展改革委'], [], ['各县区']]]);
    expect(roles('市发展改革委牵头,市工信局、市生态环境局按职能分工负责')).toEqual([
      [['市发展改革委'], [], ['市工信局', '市生态环境局']],
    ]);
    expect(roles('市发改委、市工信局按职责分别负责')).toEqual([[[], [], ['市发改委', '市工信局']]]);
  });

  it('parts two names joined by 和 where a 部门 ends the first, not a word alone after it', () => {
    const parts = (text: string) => splitUnits(text, fold(text));
    expect(parts('市有关部门和各区政府')).toEqual(['市有关部门', '各区政府']);
    expect(parts('各有关部门和单位')).toEqual(['各有关部门和单位']);
    expect(parts('市住房和城乡建设局')).toEqual(['市住房和城乡建设局']);
  });
});

describe('an agent working together with others (会同)', () => {
  it('reads the agent as lead and those it works with as cooperating, in a bracket or closing the sentence', () => {
    expect(blocks('加强监管。(市环保局会同市公安局负责)')).toEqual([
      { lead: ['市环保局'], cooperating: ['市公安局'], responsible: [], note: null },
    ]);
    expect(blocks('关于耕地保护的问题,由國土資源部會同農業部等部門負責落實。')).toEqual([
      { lead: ['國土資源部'], cooperating: ['農業部'], responsible: [], note: null },
    ]);
    expect(blocks('关于粮食安全的问题,由发展改革委会同中央农办、农业部等部门研究提出落实意见。')).toEqual([
      { lead: ['发展改革委'], cooperating: ['中央农办', '农业部'], responsible: [], note: null },
    ]);
    // Work done together with others is no statement of units.
    expect(blocks('加强监管。由企业会同专家论证后实施。')).toEqual([]);
  });
});
