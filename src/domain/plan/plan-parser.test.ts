import { describe, expect, it } from 'vitest';
import { differences, goldDocuments, KNOWN_GAPS } from '../../../tests/fixtures/gold-plans';
import { parsePlan, parsePlanWithSources } from './plan-parser';
import { withTextTables } from './text-tables';
import type { Plan } from './types';

describe('gold documents', () => {
  it('lists only existing documents as known gaps', () => {
    expect(Object.keys(KNOWN_GAPS).filter((k) => !goldDocuments.some((d) => d.name === k))).toEqual([]);
  });

  for (const { name, text, gold } of goldDocuments) {
    const gap = KNOWN_GAPS[name];
    (gap ? it.fails : it)(`${name} matches its gold annotation${gap ? ` (known gap: ${gap})` : ''}`, () => {
      const parsed = parsePlan(withTextTables(text), name);
      expect(parsed.document).toBe(name);
      expect(differences(parsed, gold)).toEqual([]);
    });
  }
});

/** The tasks of a plan's lines as "number section title R:responsible units". */
function sectionedTasks(lines: string[]): string[] {
  return parsePlan(lines.join('\n')).plans[0]!.tasks.map(
    (t) =>
      `${t.number} ${t.section} ${t.title} R:${t.assignments.map((a) => a.responsible_units.join('/')).join()}`,
  );
}

/** Compact view of a parsed plan's tasks: "number title | deadlines | scope L… C… R…". */
function tasks(plan: Plan): string[] {
  return plan.tasks.map(
    (t) =>
      `${t.number} ${t.title} | ${t.deadlines.join(',')} | ` +
      t.assignments
        .map(
          (a) =>
            `${a.scope ?? '-'} L:${a.lead_units.join('/')} C:${a.cooperating_units.join('/')} R:${a.responsible_units.join('/')}`,
        )
        .join(' + '),
  );
}

describe('several plans in one document', () => {
  const text = [
    '索 引 号:11410100/2019-00031  主题分类:环境保护',
    '发布机构:某某区人民政府办公室  成文日期:2019-03-08',
    '某某区人民政府办公室关于印发某某区2019年蓝天、碧水、净土保卫战实施方案的通知',
    '某政办〔2019〕5号',
    '各镇人民政府、各街道办事处，区直各部门：',
    '现将三个方案印发给你们，请认真贯彻执行。',
    '附件1',
    '某某区2019年蓝天保卫战实施方案',
    '一、工作目标',
    '2019年，全区PM2.5平均浓度不高于58微克/立方米。',
    '二、重点任务',
    '（一）调整产业结构',
    '1．淘汰落后产能。8月底前完成。',
    '牵头单位：区发改委',
    '责任单位：各镇（街道）',
    '附件2',
    '某某区2019年碧水保卫战实施方案',
    '一、主要任务',
    '1、开展入河排污口排查。（区生态环境分局牵头，区水利局配合，各镇（街道）负责落实）',
    '附件3',
    '某某区2020年净土保卫战实施方案',
    '一、主要任务',
    '1. 开展土壤详查。年底前完成。',
    '责任部门：区生态环境分局',
  ].join('\n');
  const doc = parsePlan(text);

  it('gives each plan its own title, numbering and tasks', () => {
    expect(doc.kind).toBe('plan');
    expect(doc.plans.map((p) => p.title)).toEqual([
      '某某区2019年蓝天保卫战实施方案',
      '某某区2019年碧水保卫战实施方案',
      '某某区2020年净土保卫战实施方案',
    ]);
    expect(doc.plans.map(tasks)).toEqual([
      ['1 淘汰落后产能 | 2019-08-31 | - L:区发改委 C: R:各镇（街道）'],
      ['1 开展入河排污口排查 |  | - L:区生态环境分局 C:区水利局 R:各镇（街道）'],
      ['1 开展土壤详查 | 2020-12-31 | - L: C: R:区生态环境分局'],
    ]);
  });

  it('shares the notice metadata and keeps each plan its own targets', () => {
    for (const plan of doc.plans) {
      expect(plan.doc_number).toBe('某政办〔2019〕5号');
      expect(plan.issuer).toBe('某某区人民政府办公室');
      expect(plan.issued_on).toBe('2019-03-08');
      expect(plan.region).toBe('某某区');
    }
    expect(doc.plans.map((p) => p.targets.length)).toEqual([1, 0, 0]);
  });
});

describe('news reports', () => {
  it('are kind "news": targets, no tasks', () => {
    const doc = parsePlan(
      [
        '我区印发2021年大气污染防治攻坚方案 PM2.5浓度力争降至45微克/立方米',
        '记者从区生态环境分局获悉，近日，某某区人民政府印发《某某区2021年大气污染防治攻坚方案》，明确今年全区优良天数达到260天以上，重污染天数控制在8天以内。',
        '责任编辑：张三',
      ].join('\n'),
    );
    expect(doc.kind).toBe('news');
    expect(doc.plans).toHaveLength(1);
    const [plan] = doc.plans;
    expect(plan!.tasks).toEqual([]);
    expect(plan!.title).toBe('某某区2021年大气污染防治攻坚方案');
    expect(plan!.issuer).toBe('某某区人民政府');
    expect(plan!.targets.map((t) => `${t.metric} ${t.op} ${t.value} ${t.unit}`)).toEqual([
      'PM2.5 <= 45 μg/m³',
      'good_days >= 260 天',
      'heavy_pollution_days <= 8 天',
    ]);
  });
});

describe('headings', () => {
  const plan = (body: string[]) =>
    parsePlan(['某区2019年攻坚方案', '一、工作目标', '无。', '二、主要任务', ...body].join('\n')).plans[0]!;

  it.each([
    ['1. 调整布局', '1'],
    ['1．调整布局', '1'],
    ['1、调整布局', '1'],
    ['#### 12. 调整布局', '12'],
    ['## 3.调整布局。按照要求执行。', '3'],
    ['**7.调整布局**', '7'],
  ])('reads the task number of %s', (line, number) => {
    expect(plan(['（一）优化布局', line]).tasks.map((t) => [t.number, t.title])).toEqual([
      [number, '调整布局'],
    ]);
  });

  it.each(['（一）优化布局', '(一)优化布局', '### （一）优化布局', '(一) 优化布局'])(
    'keeps the section %s as printed',
    (heading) => {
      expect(plan([heading, '1.调整布局']).tasks[0]!.section).toBe(heading.replace(/^#+ /, ''));
    },
  );

  it('cuts a sentence heading at its first full stop or colon', () => {
    const { tasks: list } = plan([
      '（一）整治',
      '9.示范区内：湛北路以北禁止通行。',
      '10.按照“预防为主、及早发现”的原则，彻底根治焚烧现象。（1）焚烧垃圾整治。',
    ]);
    expect(list.map((t) => t.title)).toEqual([
      '示范区内',
      '按照“预防为主、及早发现”的原则，彻底根治焚烧现象',
    ]);
  });

  it('uses the part label as the number when a plan numbers nothing below （一）', () => {
    expect(
      plan(['（一）强化源头治理。加强管控。', '（二）深化扬尘治理'].map((l) => l)).tasks.map((t) => t.number),
    ).toEqual(['（一）', '（二）']);
  });

  it('reads framing （一） items of a text without 一、 parts as parts, not tasks', () => {
    const doc = parsePlan(
      [
        '某市2021年度大气污染防治攻坚实施计划',
        '(一)工作思路。以改善空气质量为核心,坚持精准治污。',
        '(二)主要目标。到2021年底,优良天数比率不低于92.5%,PM2.5平均浓度不高于34微克/立方米。',
      ].join('\n'),
    );
    expect(doc.kind).toBe('news');
    expect(doc.plans[0]!.targets.map((t) => `${t.metric} ${t.op} ${t.value}`)).toEqual([
      'good_days_ratio >= 92.5',
      'PM2.5 <= 34',
    ]);
    const tasks = parsePlan(
      [
        '某市方案',
        '(一)主要目标。PM2.5平均浓度不高于34微克/立方米。',
        '(二)强化扬尘管控。',
        '(三)加强组织领导。',
      ].join('\n'),
    ).plans[0]!.tasks;
    expect(tasks.map((t) => [t.number, t.title])).toEqual([
      ['(二)', '强化扬尘管控'],
      ['(三)', '加强组织领导'],
    ]);
  });

  it('keeps （一） items as tasks when none of them frames the plan', () => {
    const tasks = parsePlan(['某区保障措施', '(一)加强组织领导。', '(二)强化督查考核。'].join('\n')).plans[0]!
      .tasks;
    expect(tasks.map((t) => t.number)).toEqual(['(一)', '(二)']);
  });

  it('ignores the parts that hold no tasks', () => {
    const doc = parsePlan(
      [
        '某区方案',
        '一、指导思想',
        '1.坚持原则。',
        '二、主要任务',
        '1.淘汰产能',
        '三、保障措施',
        '1.加强领导。',
      ].join('\n'),
    );
    expect(doc.plans[0]!.tasks.map((t) => t.title)).toEqual(['淘汰产能']);
  });
});

describe('sub-items and unit blocks', () => {
  const tasksOf = (lines: string[]) =>
    tasks(parsePlan(['某区2019年方案', '一、主要任务', ...lines].join('\n')).plans[0]!);

  it('gives each sub-item with its own unit lines its own scope, in every marker style', () => {
    expect(
      tasksOf([
        '1.加强油品监管',
        '（1）升级油品。',
        '牵头单位：区发改委',
        '责任单位：各镇（街道）',
        '(2) 整治市场。',
        '牵头单位: 区商务局',
        '1)抽检。',
        '（3）油气回收。',
        '牵头单位：区环保局',
      ]),
    ).toEqual([
      '1 加强油品监管 |  | (1) L:区发改委 C: R:各镇（街道） + (2) L:区商务局 C: R: + (3) L:区环保局 C: R:',
    ]);
  });

  it('gives one block after all sub-items the whole task, and a block after some of them a range', () => {
    expect(
      tasksOf([
        '1.强化排污许可',
        '（1）发证。（2）执法。',
        '牵头单位：区环保局',
        '2.加强工地管理',
        '（1）签责任书。',
        '（2）细化土方管理。',
        '牵头单位：区住建局',
        '（3）细化拆迁管理。',
        '牵头单位：区城镇化办',
      ]),
    ).toEqual([
      '1 强化排污许可 |  | - L:区环保局 C: R:',
      '2 加强工地管理 |  | (1)-(2) L:区住建局 C: R: + (3) L:区城镇化办 C: R:',
    ]);
  });

  it('reads every unit keyword, colon and separator, and lists spread over lines', () => {
    expect(
      tasksOf([
        '1.治理扬尘',
        '牵头单位:区住建局；区城管局',
        '配合部门：区交通局,区水利局',
        '落实单位：区林业局、区市政中心、',
        '区农委，各镇（街道）',
        '2.治理油烟',
        '【牵头单位】区城管局',
        '责任部门：区市场监管局、区应',
        '',
        '急管理局',
        '3.清洁行动',
        '责任单位：各街道办事处',
        '4.治理工地',
        '主责单位：区住建局 协办单位：区交通局',
      ]),
    ).toEqual([
      '1 治理扬尘 |  | - L:区住建局/区城管局 C:区交通局/区水利局 R:区林业局/区市政中心/区农委/各镇（街道）',
      '2 治理油烟 |  | - L:区城管局 C: R:区市场监管局/区应急管理局',
      '3 清洁行动 |  | - L: C: R:各街道办事处',
      '4 治理工地 |  | - L: C:区交通局 R:区住建局',
    ]);
  });

  it('keeps a block printed once after unit-less tasks with the last of them, and notes it', () => {
    const doc = parsePlan(
      [
        '某区方案',
        '一、主要任务',
        '（一）整治',
        '1.排查。',
        '2.清零。',
        '3.防反弹。',
        '牵头单位：区环保局',
        '落实单位：各街道办事处',
      ].join('\n'),
    );
    const list = doc.plans[0]!.tasks;
    expect(list.map((t) => t.assignments.length)).toEqual([0, 0, 1]);
    expect(list[2]!.assignments[0]!.note).toBe(
      'block covers tasks 1-3 (unit lines printed once after task 3)',
    );
  });

  it('keeps one block across fields among the unit lines, and reads the 完成时限 field', () => {
    const plan = parsePlan(
      [
        '一、重点任务',
        '1．整治散乱污企业。',
        '牵头单位：区生态环境分局',
        '督导单位：区委督查室',
        '责任领导：分管副区长',
        '完成时限：2023年9月30日',
        '责任单位：各镇（街道）',
        '2．开展道路扬尘治理。',
        '责任人：各镇（街道）主要负责人',
        '责任单位：区城管局',
      ].join('\n'),
    ).plans[0]!;
    expect(tasks(plan)).toEqual([
      '1 整治散乱污企业 | 2023-09-30 | - L:区生态环境分局 C: R:各镇（街道）',
      '2 开展道路扬尘治理 |  | - L: C: R:区城管局',
    ]);
  });

  it('records a standing rule in the note where it appears and nowhere else', () => {
    const doc = parsePlan(
      [
        '某区方案',
        '一、主要任务',
        '1.淘汰产能',
        '牵头单位：区发改委',
        '〔以下各项工作相关镇(街道)均为责任单位,不再列出〕',
        '2.整治企业',
        '牵头单位：区环保局',
        '责任单位：区市场监管局,各镇（街道）〔以下各项工作各镇（街道）均为责任单位，不再列出〕',
      ].join('\n'),
    );
    const [first, second] = doc.plans[0]!.tasks;
    expect(first!.assignments[0]!.note).toBe('以下各项工作相关镇(街道)均为责任单位,不再列出');
    expect(first!.assignments[0]!.responsible_units).toEqual([]);
    expect(second!.assignments[0]!.responsible_units).toEqual(['区市场监管局', '各镇（街道）']);
    expect(second!.assignments[0]!.note).toBe('以下各项工作各镇（街道）均为责任单位，不再列出');
  });

  it('reads units given inline in parentheses or brackets after a task or sub-item', () => {
    expect(
      tasksOf([
        '1.严格环境准入。落实准入条件。（市生态环境局牵头，市发展改革委、市工业和信息化局参与，各县（区）人民政府负责落实）',
        '2.整治锅炉。（1）淘汰小锅炉（市市场监管局牵头，市住建局配合）；（2）改造燃气锅炉〔市生态环境局牵头，市城管局协办，各县、区人民政府主责〕。',
        '3.严控产能。（含钢铁、水泥）完成年度任务。',
      ]),
    ).toEqual([
      '1 严格环境准入 |  | - L:市生态环境局 C:市发展改革委/市工业和信息化局 R:各县（区）人民政府',
      '2 整治锅炉 |  | (1) L:市市场监管局 C:市住建局 R: + (2) L:市生态环境局 C:市城管局 R:各县、区人民政府',
      '3 严控产能 |  | ',
    ]);
  });

  it('treats a standing rule inside an inline group as its note', () => {
    const [task] = parsePlan(
      '某市方案\n一、主要任务\n1.制定准入清单。〔市生态环境局牵头，各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实，不再列出。〕',
    ).plans[0]!.tasks;
    expect(task!.assignments).toEqual([
      {
        scope: null,
        lead_units: ['市生态环境局'],
        cooperating_units: [],
        responsible_units: ['各县、区人民政府(管委会)'],
        note: '以下各项工作均需各县、区人民政府(管委会)落实，不再列出',
      },
    ]);
  });
});

describe('PDF and web artefacts', () => {
  const text = [
    '索 引 号:758395704/2019-00008主题分类:综合政务/通知公告',
    '发布机构:某某区管理委员会关 键 词:大气污染',
    '文    号:某管发〔2019〕18号成文日期:2019-05-22发布日期:2019-05-22',
    '某某区 2019 年大气污染防治 攻坚战实施方案',
    '一、主要任务',
    '1. 强化高污染燃料禁燃区管理',
    '巩固禁燃区建设成果，进一步强化高污染燃',
    '',
    '— 12 —',
    '',
    '料禁燃区管理，2019 年 10 月底前完成整治。',
    '[bookmark: _GoBack]牵头单位：区环保局',
    '- 3 -',
    '第 4 页',
    '标签:',
    '留言与评论(共有 0 条评论)',
    '打印此文 关闭窗口',
  ].join('\n');
  const doc = parsePlanWithSources(text, 'web.txt');
  const plan = doc.document.plans[0]!;

  it('reads the web page fields and ignores the chrome', () => {
    expect(plan.doc_number).toBe('某管发〔2019〕18号');
    expect(plan.issuer).toBe('某某区管理委员会');
    expect(plan.issued_on).toBe('2019-05-22');
    expect(plan.title).toBe('某某区2019年大气污染防治攻坚战实施方案');
  });

  it('joins words broken across blank lines and page numbers, and drops bookmarks and stray spaces', () => {
    expect(tasks(plan)).toEqual(['1 强化高污染燃料禁燃区管理 | 2019-10-31 | - L:区环保局 C: R:']);
  });

  it('returns the source line range of each task in the original text', () => {
    expect(doc.sources.tasks).toEqual([[{ startLine: 5, endLine: 11 }]]);
  });
});

describe('document-sharing site chrome', () => {
  const parse = (head: string[]) =>
    parsePlan([...head, '为改善空气质量，特制定本方案。', '一、工作任务', '1.加强工地扬尘防治。'].join('\n'))
      .plans[0]!;

  it('drops the file name, the counter row and the buttons above the title', () => {
    const plan = parse([
      'XX城市管理扬尘治理专项整治方案.docx',
      '',
      'VIP专免',
      '2024-07-01 999+ 15.35KB 4 页 海报',
      '侵权投诉',
      'XX 城市管理扬尘治理专项整治方案',
    ]);
    expect(plan.title).toBe('XX城市管理扬尘治理专项整治方案');
    expect(plan.issued_on).toBeNull();
    expect(parse(['某区扬尘整治方案.PDF', '1.2 MB 共12页', '某区扬尘整治方案']).title).toBe(
      '某区扬尘整治方案',
    );
  });

  it("drops a sharing site's summary label after the title", () => {
    expect(parse(['县大气污染防治行动实施计划内容摘要:']).title).toBe('县大气污染防治行动实施计划');
  });

  it('drops an advertisement line above the title', () => {
    const plan = parse([
      '公文高手,超级方便的公文写作神器! 立即了解',
      '',
      '',
      '县2022年农村人居环境整治工作方案',
    ]);
    expect(plan.title).toBe('县2022年农村人居环境整治工作方案');
  });

  it('keeps lines that only mention a file, a size or a button word', () => {
    const plan = parsePlan(
      [
        '某区扬尘整治方案',
        '一、工作任务',
        '1.完善举报制度。对举报线索及时核查，按《举报办法.docx》处理。',
        '2.建设数据平台，单个文件不超过500KB，共3页，2024年6月底前完成。',
        '3.开通举报平台，群众扫码立即下载',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.title, t.deadlines.join()])).toEqual([
      ['完善举报制度', ''],
      ['建设数据平台，单个文件不超过500KB，共3页，2024年6月底前完成', '2024-06-30'],
      ['开通举报平台，群众扫码立即下载', ''],
    ]);
  });
});

describe('source ranges', () => {
  it('end a task before the heading of the next section, not on it', () => {
    const text = [
      '某区2026年大气污染防治攻坚方案', // 0
      '二、重点任务', // 1
      '（一）扬尘污染治理', // 2
      '1.裸露地块苫盖。12月15日前完成。', // 3
      '牵头单位：区城管执法局', // 4
      '', // 5
      '（二）燃煤污染治理', // 6
      '2.散煤清零。年底前完成。', // 7
      '牵头单位：区发改统计局', // 8
    ].join('\n');
    const { sources } = parsePlanWithSources(text);
    expect(sources.tasks[0]).toEqual([
      { startLine: 3, endLine: 4 },
      { startLine: 7, endLine: 8 },
    ]);
  });
});

describe('metadata', () => {
  it('reads a printed notice: number, issuer, Chinese-numeral date, period', () => {
    const [plan] = parsePlan(
      [
        '平卫攻坚办〔2021〕8号',
        '关于印发《卫东区冲刺60天改善环境',
        '质量攻坚方案》的通知',
        '各街道办事处：',
        '二〇二一年四月六日',
        '卫东区冲刺60天改善环境质量攻坚方案',
        '决定自2021年4月6日至6月5日开展攻坚。',
        '一、主要任务',
        '1.排查。',
      ].join('\n'),
    ).plans;
    expect(plan).toMatchObject({
      title: '卫东区冲刺60天改善环境质量攻坚方案',
      doc_number: '平卫攻坚办〔2021〕8号',
      issuer: '卫东区攻坚办',
      issued_on: '2021-04-06',
      region: '卫东区',
      year: 2021,
      period: { start: '2021-04-06', end: '2021-06-05' },
    });
  });

  it('takes the period of a multi-year plan from its title and the year from its first year', () => {
    const [plan] = parsePlan('潮州市打赢蓝天保卫战实施方案(2019-2020年)\n一、工作任务\n1.排查。').plans;
    expect(plan).toMatchObject({
      region: '潮州市',
      year: 2019,
      period: { start: '2019-01-01', end: '2020-12-31' },
    });
  });

  it('reads a notice in traditional characters: 號, 關於印發, 縣', () => {
    const [plan] = parsePlan(
      [
        '溫縣人民政府關於印發溫縣藍天工程實施方案的通知',
        '溫政〔2016〕15號',
        '各鄉鎮人民政府:',
        '2016年6月22日',
        '溫縣藍天工程實施方案',
        '一、主要任務',
        '1.排查。',
      ].join('\n'),
    ).plans;
    expect(plan).toMatchObject({ doc_number: '溫政〔2016〕15號', issuer: '溫縣人民政府', region: '溫縣' });
  });

  it('reads the title of a notice that is itself the plan, after a web page column tag', () => {
    const [plan] = parsePlan(
      [
        '【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知',
        '各县、市、区人民政府:',
        '一、确保完成全年主要预期目标',
        '1. 地区生产总值增长8%以上。',
        '牵头责任单位:市发展改革委。',
      ].join('\n'),
    ).plans;
    expect(plan).toMatchObject({
      title: '2020年市政府重点工作及责任分解',
      issuer: '滁州市人民政府',
      region: '滁州市',
    });
    // Any notice that is itself the plan gives its subject; one that sends a plan names that plan.
    const notice = '某区人民政府关于做好秋冬季大气污染防治工作的通知';
    expect(parsePlan(`${notice}\n一、重点任务\n1.排查。`).plans[0]!.title).toBe('做好秋冬季大气污染防治工作');
    expect(
      parsePlan(`${notice}\n现将《某区2026年秋冬季攻坚方案》印发给你们。\n一、重点任务\n1.排查。`).plans[0]!
        .title,
    ).toBe('某区2026年秋冬季攻坚方案');
  });

  it("reads a progress report's title, and the issuer from a page's 信息来源 when nothing else names one", () => {
    const page = (source: string) =>
      parsePlan(
        [
          '相山区城管局2024年第四季度重点工作任务完成情况',
          `浏览次数:信息来源: ${source}发布时间:2024-12-11 10:36`,
          '一、市容整治',
          '1.整治占道经营。',
        ].join('\n'),
      ).plans[0]!;
    const plan = page('相山区城市管理局(区城市管理行政执法局)');
    expect([plan.title, plan.issuer, plan.region, plan.issued_on]).toEqual([
      '相山区城管局2024年第四季度重点工作任务完成情况',
      '相山区城市管理局(区城市管理行政执法局)',
      '相山区',
      null,
    ]);
    expect(page('新华网').issuer).toBeNull();
  });

  it("reads the issuer from a reprint's 来源 line, not a site's", () => {
    const page = (source: string) =>
      parsePlan(
        [
          '陕西咸阳市蓝天保卫战2019年工作方案',
          '时间:2019-05-14 11:28',
          `来源:${source}`,
          '一、主要任务',
          '1.强化源头管控。',
        ].join('\n'),
      ).plans[0]!.issuer;
    expect([page('咸阳市人民政府'), page('华拓网'), page('网友投稿')]).toEqual([
      '咸阳市人民政府',
      null,
      null,
    ]);
  });

  it('reads no goals in the measures of a task an excerpt opens in, before its first number', () => {
    const plan = parsePlan(
      [
        '--建立医疗废物收集体系,确保实现100%收集,100%安全处置。',
        '责任单位:区卫生局',
        '(三)进一步加强生态环境建设',
        '--全区开展生态镇创建。',
        '责任单位:区环保局',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.targets).toEqual([]);
    // Without a unit line the opening lines are the plan's own words, goals and all.
    expect(
      parsePlan(
        ['确保实现生活垃圾100%收集。', '(三)进一步加强生态环境建设', '--全区开展生态镇创建。'].join('\n'),
      ).plans[0]!.targets,
    ).toHaveLength(1);
  });

  it('reads no tasks in a part that defines terms', () => {
    const { tasks } = parsePlan(
      [
        '四、范围定义',
        '(一)县道截至2020年底,全区县道总里程427公里。',
        '五、主要任务',
        '(一)落实路长制。',
      ].join('\n'),
    ).plans[0]!;
    expect(tasks.map((t) => t.title)).toEqual(['落实路长制']);
  });

  it('reads a title that opens with 关于, broken over two lines, over the name a notice gives it', () => {
    const plan = parsePlan(
      [
        '上海市宝山区人民政府办公室关于印发贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案的通知',
        '关于贯彻《上海市生活垃圾管理条例》',
        '',
        '推进全程分类体系建设的实施方案',
        '一、工作任务',
        '1.深入开展创建。',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.title).toBe('关于贯彻《上海市生活垃圾管理条例》推进全程分类体系建设的实施方案');
  });

  it('reads the issuer from a page headline', () => {
    const [plan] = parsePlan('《某市政府印发某市水污染防治2018年行动计划》\n一、重点工作\n1.排查。').plans;
    expect(plan!.issuer).toBe('某市政府');
  });

  it('gives no region for a placeholder place name in a title', () => {
    const [plan] = parsePlan('XX縣2020年水環境質量精準提升實施方案\n一、工作任務\n(一)排查。').plans;
    expect(plan!.region).toBeNull();
    expect(parsePlan('××县××镇2020年水环境整治方案\n一、工作任务\n(一)排查。').plans[0]!.region).toBeNull();
  });

  it('does not take a horizon or a base year for the plan year', () => {
    const [plan] = parsePlan(
      '一、工作目标\n到2017年,PM10年均浓度较2012年下降12%;武汉市2017年细颗粒物年均浓度下降15%。\n二、具体措施\n1.排查。',
    ).plans;
    expect(plan!.year).toBeNull();
    expect(
      parsePlan('一、主要目标\n2020年,PM2.5年均浓度保持在30微克/立方米以下。\n二、主要任务\n1.排查。')
        .plans[0]!.year,
    ).toBe(2020);
  });

  it('reads the issue date of a field list that calls it 公文生成日期', () => {
    const lines = ['- 索 引 号: sm09101-0120-2022-00013', '- 发布机构: 某县人民政府办公室'];
    const tail = ['某县2022年度工作分解方案', '一、坚持绿色发展', '1.排查。'];
    expect(parsePlan([...lines, '- 公文生成日期: 2022-02-22', ...tail].join('\n')).plans[0]!.issued_on).toBe(
      '2022-02-22',
    );
    expect(
      parsePlan([...lines, '- 生成日期: 2022-02-22', ...tail].join('\n')).plans[0]!.issued_on,
    ).toBeNull();
  });

  it('takes the letterhead for the issuer when it names the signature body more fully', () => {
    const notice = (letterhead: string) =>
      parsePlan(
        [letterhead, '立山区人民政府', '2023年3月28日', '立山区2023年工作方案', '一、目标', '1.排查。'].join(
          '\n',
        ),
      ).plans[0]!.issuer;
    expect(notice('鞍山市立山区人民政府文件')).toBe('鞍山市立山区人民政府');
    expect(notice('鞍山市人民政府文件')).toBe('立山区人民政府');
  });

  it('joins a title broken after a short first half that names the year', () => {
    const titleOf = (first: string) =>
      parsePlan(
        [first, '', '任务分解和责任分工方案', '为做好工作，制定本方案。', '一、目标', '1.排查。'].join('\n'),
      ).plans[0]!.title;
    expect(titleOf('立山区政府2023年重点工作')).toBe('立山区政府2023年重点工作任务分解和责任分工方案');
    expect(titleOf('(此件公开发布)')).toBe('任务分解和责任分工方案');
    expect(titleOf('立山区人民政府')).toBe('任务分解和责任分工方案');
  });

  it('takes the year of the first dated deadline when no plan year is named before the tasks', () => {
    const year = (before: string) =>
      parsePlan(`${before}一、审批\n1.编制清单。2022年10月底前公布清单。\n2.改革。`).plans[0]!.year;
    expect(year('')).toBe(2022);
    // A horizon named before ("到2025年") is not the plan's year; the deadline's still is (大丰's
    // "到2017年…" and "钢铁企业在2014年底前").
    expect(year('到2025年,审批全面优化。\n')).toBe(2022);
    expect(year('到2025年,审批全面优化,比2020年提高。\n')).toBe(2022);
    expect(parsePlan('一、审批\n1.编制清单,常态推进。').plans[0]!.year).toBeNull();
  });

  it("reads a notice of its issuer's own, its number in brackets on a line and a title ending 任务分工", () => {
    const plan = parsePlan(
      [
        '宁夏回族自治区环境保护厅关于落实2010年环保工作主要目标任务分工的通知',
        '(宁环发〔2010〕31号)',
        '机关各处(室):',
        '根据《关于落实政府工作报告重点工作部门分工的意见》(宁政发〔2010〕1号)要求,现将任务分工印发给你们。',
        '二〇一〇年四月十九日',
        '环保厅落实2010年环保工作主要目标任务分工',
        '一、任务',
        '1、抓好减排。',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.doc_number, plan.issuer]).toEqual([
      '环保厅落实2010年环保工作主要目标任务分工',
      '宁环发〔2010〕31号',
      '宁夏回族自治区环境保护厅',
    ]);
  });

  it('takes the year a web page published the plan when the text writes none', () => {
    const year = (text: string) => parsePlan(text).plans[0]!.year;
    const page =
      '发布日期:2018-07-09 浏览次数:\n关于印发河长制任务分解方案的通知\n一、任务\n1.划定管理范围。';
    expect(year(page)).toBe(2018);
    // A horizon is no plan year, and no reason to leave the page's out.
    expect(year(page.replace('1.', '1.到2020年,'))).toBe(2018);
    // Any year the text writes comes first.
    expect(year(page.replace('一、任务', '2019年河长制工作方案\n一、任务'))).toBe(2019);
    expect(year(page.replace('划定', '2019年10月底前划定'))).toBe(2019);
    expect(year(page.replace('发布日期:2018-07-09 浏览次数:\n', ''))).toBeNull();
  });

  it('takes the whole title the notice names when the title line holds only its second half', () => {
    const titleOf = (notice: string) =>
      parsePlan(
        [notice, '某区管委会', '某区', '2018年“散乱污”企业整治工作方案', '一、工作任务', '1.排查。'].join(
          '\n',
        ),
      ).plans[0]!;
    const plan = titleOf(
      '现将《某某经济技术开发区2018年“散乱污”企业整治工作方案》印发给你们,请认真贯彻落实。',
    );
    expect(plan.title).toBe('某某经济技术开发区2018年“散乱污”企业整治工作方案');
    expect(plan.region).toBe('某某经济技术开发区');
    expect(titleOf('现将《某区2018年扬尘整治方案》印发给你们。').title).toBe(
      '2018年“散乱污”企业整治工作方案',
    );
  });

  it('finds no place in a title that opens with a department', () => {
    expect(parsePlan('环保局街道环境整治方案\n一、整治内容\n(一)主要街路。').plans[0]!.region).toBeNull();
    expect(parsePlan('河西街道环境整治方案\n一、整治内容\n(一)主要街路。').plans[0]!.region).toBe('河西街道');
    expect(parsePlan('区建委城市环境整治方案\n一、整治内容\n(一)主要街路。').plans[0]!.region).toBeNull();
  });

  it('reads a signature date printed as eight digits', () => {
    const issued = (date: string) =>
      parsePlan(['某市人民政府办公室', date, '某市重污染天气应急预案', '一、应急措施', '1.排查。'].join('\n'))
        .plans[0]!.issued_on;
    expect(issued('20171215')).toBe('2017-12-15');
    expect(issued('20171315')).toBeNull();
  });

  it('separates a title that a copy ran into the first sentence of the preamble', () => {
    const plan = parsePlan(
      [
        '街道环境整顿安排方案根据区政府决策部署,河西街道办事处决定,在辖区内开展整治行动,制定本方案',
        '一、工作任务',
        '1、清理垃圾。',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.issuer, plan.region]).toEqual([
      '街道环境整顿安排方案',
      '河西街道办事处',
      '河西街道',
    ]);
    expect(
      parsePlan('制定本实施方案,根据要求开展整治\n一、工作任务\n1、清理垃圾。').plans[0]!.title,
    ).toBeNull();
  });

  it('takes no issuer from a preamble that names the deciding body only by its level', () => {
    const issuer = (preamble: string) =>
      parsePlan([preamble, '一、整治内容', '(一)严禁露天烧烤。'].join('\n')).plans[0]!.issuer;
    expect(issuer('为改善空气质量,区政府决定在全区范围内开展整治行动。')).toBeNull();
    expect(issuer('经研究决定,开展整治行动。')).toBeNull();
    expect(issuer('经区政府研究决定,开展整治行动。')).toBeNull();
    expect(issuer('经某某镇人民政府研究决定,开展整治行动。')).toBe('某某镇人民政府');
    expect(issuer('为改善空气质量,某某镇人民政府决定开展整治行动。')).toBe('某某镇人民政府');
  });

  it('ignores document numbers cited in the text', () => {
    const [plan] = parsePlan(
      '某县方案\n按照《关于印发某方案的通知》(豫政〔2016〕60号)要求，制定本方案。\n一、主要任务\n1.排查。',
    ).plans;
    expect(plan!.doc_number).toBeNull();
  });
});

describe('a part without numbered tasks', () => {
  const text = [
    '二、工作任务',
    '(七)市级园林单位创建',
    '完成市级园林单位创建任务。责任单位:各区人民政府、市房产局,完成时间:2009年5月底前。',
    '(八)环境综合治理工作',
    '1、实施洋澜湖清淤工程。责任单位:市建委,完成时间:2009年5月30日前。',
  ].join('\n');

  it('is a task labelled by the part, with the deadlines of its text', () => {
    const tasks = parsePlan(text, 'x.txt').plans[0]!.tasks;
    expect(tasks.map((t) => [t.number, t.deadlines])).toEqual([
      ['(七)', ['2009-05-31']],
      ['1', ['2009-05-30']],
    ]);
    expect(tasks[0]!.assignments[0]!.responsible_units).toEqual(['各区人民政府', '市房产局']);
  });

  it('reads the units and dates printed on the heading line of the part itself', () => {
    const tasks = parsePlan(
      [
        '为做好2019年环境整治工作,制定本方案。',
        '二、工作任务',
        '(一)开展楼院卫生整治,6月底前完成责任单位各社区居委会、物业管理小区',
        '(二)开展“全民创城日”活动。牵头单位:城管科',
        '三、整治重点',
        '1、门前积存垃圾责任单位环卫分公司配合单位办事处、城管中队',
      ].join('\n'),
      'x.txt',
    ).plans[0]!.tasks;
    expect(tasks.map((t) => [t.number, t.title, t.deadlines.join()])).toEqual([
      ['(一)', '开展楼院卫生整治,6月底前完成', '2019-06-30'],
      ['(二)', '开展“全民创城日”活动', ''],
      ['1', '门前积存垃圾', ''],
    ]);
    expect(
      tasks.map((t) => t.assignments.map((a) => [a.lead_units, a.cooperating_units, a.responsible_units])),
    ).toEqual([
      [[[], [], ['各社区居委会', '物业管理小区']]],
      [[['城管科'], [], []]],
      [[[], ['办事处', '城管中队'], ['环卫分公司']]],
    ]);
  });

  it('gets no deadline from a part that has numbered tasks of its own', () => {
    const tasks = parsePlan(
      text.replace('(八)环境综合治理工作', '(八)环境综合治理工作,2010年底前完成'),
      'x.txt',
    ).plans[0]!.tasks;
    expect(tasks.find((t) => t.number === '1')!.deadlines).toEqual(['2009-05-30']);
  });
});

describe('items whose numbered measures share one statement of "this work"', () => {
  const tasksOf = (lines: string[]) =>
    parsePlan(lines.join('\n')).plans[0]!.tasks.map((t) => [
      t.number,
      t.title,
      t.assignments.map((a) => `${a.lead_units.join('/')}|${a.cooperating_units.join('/')}`).join(),
    ]);

  it('reads the （一） items as the tasks and 1. 2. … as their measures', () => {
    expect(
      tasksOf([
        '(二)环境保护',
        '1.加强节能减排管理,污染物排放科学合理。',
        '2.加强城市噪声监控,固定噪声源控制达标。',
        '此项工作由市环保局牵头,市建委、市城管局和各区政府配合。',
        '(三)市容市貌',
        '1.加强城市立面容貌管理。',
      ]),
    ).toEqual([
      ['(二)', '环境保护', '市环保局|市建委/市城管局/各区政府'],
      ['(三)', '市容市貌', ''],
    ]);
  });

  it("reads unit lines under a （一） heading, before its measures 1. 2. …, as the item's: 成员单位 cooperate", () => {
    expect(
      tasksOf([
        '一、目标任务',
        '(一)重点地区市容市貌整治提升',
        '牵头单位:区建委',
        '成员单位:区执法局、区园林局',
        '以解放路以北区域为重点。',
        '1.拆除违规违章建筑。',
        '2.加大市场管理力度。',
        '(二)主次干道环境整治提升',
        '牵头单位:区建委',
        '成员单位:区执法局,各街道办事处',
      ]),
    ).toEqual([
      ['(一)', '重点地区市容市貌整治提升', '区建委|区执法局/区园林局'],
      ['(二)', '主次干道环境整治提升', '区建委|区执法局/各街道办事处'],
    ]);
  });

  it('keeps numbered tasks with units of their own as the tasks', () => {
    expect(
      tasksOf([
        '(一)扬尘治理',
        '1.加强工地管理。',
        '牵头单位:区住建局',
        '2.加强道路保洁。',
        '此项工作由区城管局牵头,各街道配合。',
      ]),
    ).toEqual([
      ['1', '加强工地管理', '区住建局|'],
      ['2', '加强道路保洁', '区城管局|各街道'],
    ]);
  });
});

describe('parts numbered 一、 with units of their own and nothing numbered under them', () => {
  const tasksOf = (lines: string[]) =>
    parsePlan(lines.join('\n')).plans[0]!.tasks.map((t) => [
      t.number,
      t.title,
      t.assignments.map((a) => `${a.lead_units.join('/')}|${a.responsible_units.join('/')}`).join(),
    ]);

  it('reads the parts as the tasks, numbered as printed', () => {
    expect(
      tasksOf([
        '某区扬尘治理工作方案',
        '一、加强工地扬尘管控。严格落实六个百分之百。',
        '牵头单位：区住建局',
        '责任单位：各街道办事处',
        '二、强化道路保洁。提高机扫率。',
        '牵头单位：区城管局',
      ]),
    ).toEqual([
      ['一', '加强工地扬尘管控', '区住建局|各街道办事处'],
      ['二', '强化道路保洁', '区城管局|'],
    ]);
  });

  it('keeps them parts when items are numbered under them, or when no part names units', () => {
    expect(
      tasksOf(['一、扬尘治理', '1.加强工地管理。', '牵头单位：区住建局', '二、机动车治理', '1.加强检测。']),
    ).toEqual([
      ['1', '加强工地管理', '区住建局|'],
      ['1', '加强检测', ''],
    ]);
    expect(tasksOf(['一、加强工地扬尘管控。严格落实。', '二、强化道路保洁。提高机扫率。'])).toEqual([]);
  });
});

describe('an annexed task list by unit', () => {
  it('is read after the body tasks, whether they name units or not, unless it tabulates them again', () => {
    const text = (units: string, annexed = '强化党建引领。') =>
      [
        '某区2025年垃圾分类工作方案',
        '一、主要任务',
        '（一）强化管理',
        '1.提升基层治理效能。',
        units,
        '附件1：任务清单',
        '序号\t任务内容\t责任单位',
        `1\t${annexed}\t区绿化市容局`,
        '2\t加强宣传。\t各街镇',
      ].join('\n');
    const numbers = (units: string, annexed?: string) =>
      parsePlan(withTextTables(text(units, annexed))).plans[0]!.tasks.map(
        (t) => `${t.number}:${t.assignments.map((a) => a.responsible_units.join('/')).join()}`,
      );
    expect(numbers('')).toEqual(['1:', '1:区绿化市容局', '2:各街镇']);
    expect(numbers('责任单位：区城管局')).toEqual(['1:区城管局', '1:区绿化市容局', '2:各街镇']);
    // The body's task tabulated again: the annex restates the body.
    expect(numbers('责任单位：区城管局', '提升基层治理效能。')).toEqual(['1:区城管局']);
  });
});

describe('a text that is one attachment', () => {
  it('is titled by the attachment heading, and a table caption gives way to the title a notice names', () => {
    const plan = parsePlan(
      [
        '附件3 广州市创建国家卫生城市专项整治责任分解表',
        '一、违章建筑。全面清拆。备注：2004年上半年完成。',
        '牵头单位：市规划局',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.region, plan.year]).toEqual([
      '广州市创建国家卫生城市专项整治责任分解表',
      '广州市',
      2004,
    ]);
    expect(plan.tasks.map((t) => [t.number, t.deadlines])).toEqual([['一', ['2004-06-30']]]);
    const notice = parsePlan(
      [
        '某市河长办关于印发《某市全面推行河长制主要任务分解方案》的通知',
        '各县(市、区):现将方案印发给你们。',
        '某市全面推行河长制主要任务分解表',
        '一、水资源保护。落实最严格水资源管理制度。',
        '牵头单位：市水利局',
      ].join('\n'),
    ).plans[0]!;
    expect(notice.title).toBe('某市全面推行河长制主要任务分解方案');
  });
});

describe('duty lists by unit', () => {
  const tasksOf = (lines: string[]) =>
    parsePlan(lines.join('\n')).plans[0]!.tasks.map((t) => [
      t.number,
      t.title,
      t.assignments.map((a) => a.responsible_units.join('/')).join(),
    ]);

  it('reads a 职责分工 part whose items are labelled by their units, in a label or a heading of its own', () => {
    expect(
      tasksOf([
        '一、工作目标',
        '全面规范建筑垃圾处置。',
        '二、组织领导与职责分工',
        '（一）城运中心：负责建筑垃圾处理的监督管理。',
        '（二）吴泾、塘湾派出所：负责运输车辆行驶路线的核定。',
        '（三）区建管委、区交通委、区房管局等建设主管部门',
        '压实建设单位主体责任。',
        '（四）各街镇、经开区',
        '落实属地管理责任。',
        '三、工作保障',
        '（一）加强组织领导。各部门要高度重视。',
      ]),
    ).toEqual([
      ['（一）', '城运中心', '城运中心'],
      ['（二）', '吴泾、塘湾派出所', '吴泾、塘湾派出所'],
      ['（三）', '区建管委、区交通委、区房管局等建设主管部门', '区建管委/区交通委/区房管局'],
      ['（四）', '各街镇、经开区', '各街镇/经开区'],
    ]);
  });

  it('reads a group of places as a label, and the label 责任部门单位', () => {
    expect(
      tasksOf([
        '一、部门职责',
        '（1）各乡镇：负责落实属地管理责任。',
        '（2）加强绿化管理。（责任部门单位：绿化管理所、林业站）',
      ]),
    ).toEqual([
      ['（1）', '各乡镇', '各乡镇'],
      ['（2）', '加强绿化管理', '绿化管理所/林业站'],
    ]);
  });

  it('keeps a 职责分工 part of prose out of the tasks, and a heading that is a sentence unlabelled', () => {
    expect(
      tasksOf([
        '一、重点任务',
        '1.加强工地管理。',
        '二、职责分工',
        '（一）各部门要按照职责分工抓好落实。',
        '（二）加强督查考核。',
      ]),
    ).toEqual([['1', '加强工地管理', '']]);
    expect(tasksOf(['一、重点任务', '（一）与交界处、经常积存垃圾责任单位环卫公司'])).toEqual([
      ['（一）', '与交界处、经常积存垃圾', '环卫公司'],
    ]);
  });

  it('takes the issuer and date of a notice signed at its end, and its subject for the title', () => {
    const plan = parsePlan(
      [
        '关于进一步规范吴泾镇建筑垃圾治理的通知',
        '为进一步规范建筑垃圾管理，制定本通知。',
        '一、职责分工',
        '（一）城运中心：负责监督管理。',
        '附件：吴泾镇建筑垃圾处置流程',
        '闵行区吴泾镇人民政府',
        '2021年2月7日',
        '公开属性：主动公开',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.issuer, plan.issued_on, plan.region]).toEqual([
      '进一步规范吴泾镇建筑垃圾治理',
      '闵行区吴泾镇人民政府',
      '2021-02-07',
      '吴泾镇',
    ]);
  });

  it('reads no city from 市容 in an issuer', () => {
    const plan = parsePlan(
      [
        '2026年建筑垃圾运输行业“清水行动”工作方案',
        '松江区绿化和市容管理局',
        '2026年5月7日',
        '一、工作内容',
        '（一）规范冲洗。',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.issuer, plan.region]).toEqual(['松江区绿化和市容管理局', '松江区']);
  });
});

describe('a plan numbered by decimal headings', () => {
  const read = (lines: string[]) => sectionedTasks(['某区2024年重污染天气应急预案', ...lines]);

  it('gives the items under a decimal heading that heading as their section, and a 保障 part no tasks', () => {
    expect(
      read([
        '1 总则',
        '1.1 编制目的',
        '为有效应对空气重污染，制定本预案。',
        '2 组织机构和职责',
        '2.2 工作职责',
        '（1）市容环卫科：牵头落实道路扬尘控制。',
        '（2）绿化管理科：牵头落实绿化养护应急响应。',
        '3 应急响应',
        '3.2 响应措施',
        '3.2.1 Ⅲ级响应措施',
        '（1）加强道路保洁频次。（责任部门：市容环卫中心、各乡镇）',
        '5 应急保障',
        '5.3 通信和信息保障',
        '（1）各工作组建立工作通讯网络。',
      ]),
    ).toEqual([
      '（1） 2.2 工作职责 市容环卫科 R:市容环卫科',
      '（2） 2.2 工作职责 绿化管理科 R:绿化管理科',
      '（1） 3.2.1 Ⅲ级响应措施 加强道路保洁频次 R:市容环卫中心/各乡镇',
    ]);
  });

  it('reads a part printed "3.预防…" as a decimal heading, not a task over the duties before it', () => {
    expect(
      read([
        '2.2职责任务。',
        '(1)市林业局。',
        '负责火灾扑救的组织、火灾现场勘察等工作。',
        '(2)市公安局。',
        '负责火灾区域内的治安管理。',
        '3.预防、预报、监测和报告',
        '3.1预防。',
        '各级森林防火部门要大力做好森林防火的宣传教育工作。',
      ]),
    ).toEqual(['(1) 2.2 职责任务 市林业局 R:市林业局', '(2) 2.2 职责任务 市公安局 R:市公安局']);
  });

  it('reads items of a sentence numbered in decimals as the tasks where nothing else is numbered', () => {
    expect(
      read([
        '2.4.1 环境污染事件的应急工作,由市环境保护局负责组织协调。',
        '2.5 应急支持保障部门',
        '2.5.1 应急通信保障由市信息产业局负责组织协调。',
        '2.5.4 政府投资由市发展和改革委员会给予支持,运行经费由市财政局组织协调。',
      ]),
    ).toEqual([
      '2.4.1 null 环境污染事件的应急工作,由市环境保护局负责组织协调 R:市环境保护局',
      '2.5.1 2.5 应急支持保障部门 应急通信保障由市信息产业局负责组织协调 R:市信息产业局',
      '2.5.4 2.5 应急支持保障部门 政府投资由市发展和改革委员会给予支持,运行经费由市财政局组织协调 R:市发展和改革委员会/市财政局',
    ]);
  });

  it('reads a number and a space before a word as a heading only among decimal headings', () => {
    expect(read(['一、主要任务', '1.加强道路保洁。', '10 月底前完成', '责任单位：区城管局'])).toEqual([
      '1 null 加强道路保洁 R:区城管局',
    ]);
  });
});

describe('a part of duties by unit', () => {
  const read = (lines: string[]) => sectionedTasks(['某区2022年建筑垃圾管理实施方案', ...lines]);

  it("reads a unit's heading over its numbered duties as one item of that unit, enterprises among them", () => {
    expect(
      read([
        '一、具体措施',
        '（一）加强日常监管',
        '1.开展联合检查。',
        '二、分工与职责',
        '（一）区绿化市容局',
        '区绿化市容局是本区建筑垃圾处理的主管部门，主要履行以下职责：',
        '1.组织制定建筑垃圾处置管理标准；',
        '2.开展宣传、培训工作；',
        '（二）物业服务企业',
        '1.指导居民将装修垃圾袋装化；',
        '2.设置防护围栏。',
      ]),
    ).toEqual([
      '1 （一）加强日常监管 开展联合检查 R:',
      '（一） null 区绿化市容局 R:区绿化市容局',
      '（二） null 物业服务企业 R:物业服务企业',
    ]);
  });

  it('keeps a heading of units over numbered tasks outside such a part a section, and enterprises no unit there', () => {
    expect(
      read([
        '一、主要任务',
        '（一）区城管局',
        '1.清理暴露垃圾。',
        '2.整治渣土车。',
        '（二）工业企业',
        '全面排查。',
      ]),
    ).toEqual([
      '1 （一）区城管局 清理暴露垃圾 R:',
      '2 （一）区城管局 整治渣土车 R:',
      '（二） null 工业企业 R:',
    ]);
  });
});

describe('a notice signed by several bodies', () => {
  it('takes the first of them as the issuer, two a line run together or one a line', () => {
    for (const signature of [
      [
        '某某区发展和改革委员会某某区建设和管理委员会',
        '某某区教育局某某区商务委员会',
        '某某区投资促进办公室',
      ],
      ['某某区发展和改革委员会', '某某区建设和管理委员会'],
    ]) {
      const plan = parsePlan(
        [
          '关于印发《某某区可再生能源发展行动方案》的通知',
          '现将《某某区可再生能源发展行动方案》印发给你们。',
          ...signature,
          '2025年2月24日',
          '某某区可再生能源发展行动方案',
          '一、主要任务',
          '1.推进光伏建设。（责任单位：区建设管理委）',
        ].join('\n'),
      ).plans[0]!;
      expect(plan.issuer).toBe('某某区发展和改革委员会');
    }
  });

  it('reads no campaign as the place a title names ("普陀区海绵城市建设实施方案")', () => {
    expect(parsePlan('普陀区海绵城市建设实施方案\n一、主要任务\n1.推进源头减排。').plans[0]!.region).toBe(
      '普陀区',
    );
  });
});

describe('a plan without a part of goals', () => {
  it('reads the goals of its opening paragraph under its title, and none of a paragraph that is no opening', () => {
    const goals = (lines: string[]) =>
      parsePlan(lines.join('\n')).plans[0]!.targets.map((t) => `${t.op} ${t.value} ${t.unit}`);
    const opening =
      '为推进垃圾分类，高质量完成各项工作：单位生活垃圾分类达标率稳定在95%以上，生活垃圾回收利用率达到47%。';
    expect(
      goals(['某区2025年生活垃圾分类工作实施方案', opening, '一、重点任务', '1.优化投放环境。']),
    ).toEqual(['>= 95 %', '>= 47 %']);
    expect(goals(['[接上页] ' + opening, '一、重点任务', '1.优化投放环境。'])).toEqual([]);
  });
});

describe('signatures and full stops as printed', () => {
  it('keeps two bodies signing one under another apart, the second stamping for the first', () => {
    const plan = parsePlan(
      [
        '关于印发《某区2024年生活垃圾分类工作实施方案》的通知',
        '各街道办事处：现将方案印发给你们。',
        '上海市某区生活垃圾分类减量工作推进领导小组办公室',
        '某区绿化和市容管理局（代章）',
        '2024年4月12日',
        '某区2024年生活垃圾分类工作实施方案',
        '一、主要任务',
        '1.推进分类投放。（责任单位：各街道）',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.issuer).toBe('上海市某区生活垃圾分类减量工作推进领导小组办公室');
  });

  it('ends a title at a "." printed as a full stop between sentences, not in a number', () => {
    const titles = parsePlan(
      [
        '一、主要任务',
        '1.出台《海绵城市试点详细规划》.按照工作部署,编制完成规划。',
        '2.建成1.5万平方米绿地.加强管护。',
      ].join('\n'),
    ).plans[0]!.tasks.map((t) => t.title);
    expect(titles).toEqual(['出台《海绵城市试点详细规划》', '建成1.5万平方米绿地']);
  });
});

describe('the year of a plan that names none of its own', () => {
  const yearOf = (goal: string) =>
    parsePlan(['一、工作目标', goal, '二、重点任务', '1.开展评估。5 月底前完成。'].join('\n')).plans[0]!;

  it('is the one year its goals are set for, and dates its deadlines', () => {
    const plan = yearOf('到 2024 年底,全省农村生活污水治理率达 57% 以上。');
    expect(plan.year).toBe(2024);
    expect(plan.tasks[0]!.deadlines).toEqual(['2024-05-31']);
  });

  it('is none where the goals look to two years, or to a year against a base', () => {
    expect(yearOf('到2025年底,治理率达57%以上;到2030年底,达到70%以上。').year).toBeNull();
    expect(yearOf('到2025年,PM2.5浓度比2020年下降10%。').year).toBeNull();
  });
});

describe('forms of batch 14', () => {
  const read = (lines: string[]) =>
    parsePlan(lines.join('\n')).plans[0]!.tasks.map(
      (t) =>
        `${t.number} ${t.title} ${t.deadlines.join(',')} ${t.assignments.map((a) => `L:${a.lead_units.join('/')} R:${a.responsible_units.join('/')}`).join()}`,
    );

  it('reads 相关部门 as a label of units responsible', () => {
    expect(read(['二、重点任务', '1.排摸新增内部道路。', '相关部门：区建设管理委、属地街道等。'])).toEqual([
      '1 排摸新增内部道路  L: R:区建设管理委/属地街道',
    ]);
  });

  it('reads no tasks in a part of goals (整治目标), and tasks in a part of tasks and their timing', () => {
    expect(
      read([
        '2024年河道排污口整治方案',
        '一、整治目标',
        '(一)新港路必须规范门前三包管理。',
        '二、重点任务及时间安排',
        '(一)一级排查(4月10日前完成)',
        '开展技术排查。',
        '牵头单位:区环保局',
      ]),
    ).toEqual(['(一) 一级排查 2024-04-10 L:区环保局 R:']);
  });

  it("drops a sharing site's menu, breadcrumb and 范文 number from the title", () => {
    const plan = parsePlan(
      [
        '首页 热点资讯 义务教育 高等教育',
        '您的当前位置:首页正文',
        '',
        '河道排污口整治方案范文 篇11',
        '',
        '一、重点任务',
        '(一)一级排查。牵头单位:区环保局',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.title).toBe('河道排污口整治方案');
  });
});

describe('copies that run lines together or apart', () => {
  it("joins a title's years printed on a line of their own, and reads them as its period", () => {
    const plan = parsePlan(
      ['普陀区生活垃圾分类提质增效三年行动计划', '', '（2026—2028年）', '一、主要任务', '1.推进分类。'].join(
        '\n',
      ),
    ).plans[0]!;
    expect(plan.title).toBe('普陀区生活垃圾分类提质增效三年行动计划（2026—2028年）');
    expect(plan.period).toEqual({ start: '2026-01-01', end: '2028-12-31' });
  });

  it('splits a part heading from its first task run on without a space, and drops a page number before a task', () => {
    const tasks = parsePlan(
      [
        '一、工作目标摸清入河排污口底数。',
        '二、攻坚措施1. 梳理分类,查漏补缺。',
        '(责任单位:县生态环境局、县水利局)',
        '- 2 - 2. 建立台账,动态管理。',
      ].join('\n'),
    ).plans[0]!.tasks.map(
      (t) => `${t.number} ${t.title} ${t.assignments.map((a) => a.responsible_units.join('/')).join()}`,
    );
    expect(tasks).toEqual(['1 梳理分类,查漏补缺 县生态环境局/县水利局', '2 建立台账,动态管理 ']);
  });
});

describe('a collection of model texts', () => {
  it("reads a model's title without its number in the collection, no collection's heading, no word for any place", () => {
    const plan = parsePlan(
      [
        '2023年城市环境卫生整治方案简短(汇总12篇)',
        '城市环境卫生整治方案简短篇一',
        '一、整治任务',
        '(一)清理卫生死角。责任单位:各社区',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.region, plan.year]).toEqual(['城市环境卫生整治方案', null, null]);
  });

  it('reads no place in a word for any township ("乡镇深入推进…方案")', () => {
    const plan = parsePlan(
      ['乡镇深入推进农村生活垃圾综合治理工作方案', '一、主要任务', '1、全面更新保洁设施。'].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.region]).toEqual(['乡镇深入推进农村生活垃圾综合治理工作方案', null]);
  });
});

describe('a rectification list run into one paragraph', () => {
  it('reads the problem as the task, its unit field run on into its line, its measures as content', () => {
    const plan = parsePlan(
      '环境保护督察反馈意见问题整改措施清单一、认识不深(一)部分领导干部对辖区内环境质量盲目乐观,没有危机感,对环境保护的长期性、复杂性和艰巨性认识不足。' +
        '在处理发展与保护的关系上,重发展、轻保护,重开发、轻管理。对党中央、国务院关于生态环境保护的决策部署理解不深刻、把握不全面。整改目标:牢固树立“绿水青山就是金山银山”的发展意识,自觉将绿色发展理念贯彻落实到经济社会发展各项工作中。' +
        '责任单位:州委办公室、州政府办公室,各县市党委和政府责任人:州委办公室主要负责人整改时限:立行立改,长期坚持整改措施:筑牢绿色发展理念。' +
        '1.深入学习贯彻生态环境保护重大战略思想,进一步深化对生态文明建设和环境保护重要性的认识。2.把绿色发展纳入党委(党组)中心组学习内容。',
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.assignments.map((a) => a.responsible_units)])).toEqual([
      ['(一)', [['州委办公室', '州政府办公室', '各县市党委和政府']]],
    ]);
  });
});

describe('a task division flattened into one line', () => {
  it('breaks the title, parts, tasks and unit lines apart, and the first unit leads from the rule on', () => {
    const plan = parsePlan(
      '海盐县人民政府办公室 2022年4月18日 (此件公开发布) 政府工作报告2022年重点工作责任分解 一、王丹县长牵头重点工作 ' +
        '1.全县生产总值增长7.5%左右。 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局 ' +
        '2.落实党政机关过紧日子的要求。 责任单位:县财政局 二、曹惠明常务副县长牵头重点工作 ' +
        '1.坚持县政府常务会议集体学法。 责任单位:县司法局、县政府办',
    ).plans[0]!;
    expect(plan.title).toBe('政府工作报告2022年重点工作责任分解');
    expect(
      plan.tasks.map((t) => [t.number, t.assignments.map((a) => [a.lead_units, a.responsible_units])]),
    ).toEqual([
      ['1', [[['县发改局'], ['县财政局', '县税务局']]]],
      ['2', [[['县财政局'], []]]],
      ['1', [[['县司法局'], ['县政府办']]]],
    ]);
  });
});

describe('forms of batch 21', () => {
  const plan = (...lines: string[]) => parsePlan(lines.join('\n')).plans[0]!;

  it('reads the unit an item of a part of duties opens with as acting, not persons', () => {
    const p = plan(
      '高庄镇环境卫生集中整治方案',
      '一、整治时间:2021年6月23日-2021年7月1日',
      '二、整治任务',
      '1.清理整治村庄内外“三堆”。',
      '三、责任分工',
      '1.由保洁公司负责组织各村保洁人员开展整治工作;',
      '2.各包村干部、村干部,负责组织协调处理村内乱堆乱放;',
      '3.乡村振兴办公室做好组织协调工作。',
      '四、责任体系',
      '1.镇政府主要负责人为第一责任人,分片包村领导为主要责任人。',
      '2.各村(社区)为责任主体,两委主干为第一责任人。',
      '3.派出所要对露天焚烧秸秆的行为人予以严厉打击。',
    );
    expect(p.tasks.map((t) => [t.title.slice(0, 4), t.assignments.map((a) => a.responsible_units)])).toEqual([
      ['清理整治', []],
      ['由保洁公', [['保洁公司']]],
      ['各包村干', []],
      ['乡村振兴', [['乡村振兴办公室']]],
      ['镇政府主', []],
      ['各村(社', [['各村(社区)']]],
      ['派出所要', [['派出所']]],
    ]);
    expect(p.period).toEqual({ start: '2021-06-23', end: '2021-07-01' });
  });

  it("reads no unit in a sentence outside a part of duties, and a body's name over the title apart from it", () => {
    const p = plan(
      '中共长沙市天心区桂花坪街道工作委员会',
      '天心区桂花坪街道创建国家卫生城市工作实施方案',
      '一、主要任务',
      '1.派出所要对违法行为予以打击。',
    );
    expect(p.title).toBe('天心区桂花坪街道创建国家卫生城市工作实施方案');
    expect(p.tasks[0]!.assignments).toEqual([]);
  });

  it("reads a road's number after a task's, a title after a site's breadcrumb, and no task in a part of the campaign's time", () => {
    const p = plan(
      '文档之家›郭坑镇农村环境卫生整治工作方案',
      '一、整治时间及范围',
      '1.整治时间。从2021年1月18日至2021年1月31日。',
      '2.整治范围。全镇14个村居。',
      '二、责任分工',
      '1.206国道及谢拔公路的卫生整治。',
      '2.三个圩镇的卫生整治。',
    );
    expect([p.title, p.region]).toEqual(['郭坑镇农村环境卫生整治工作方案', '郭坑镇']);
    expect(p.tasks.map((t) => t.title)).toEqual(['206国道及谢拔公路的卫生整治', '三个圩镇的卫生整治']);
    expect(p.period).toEqual({ start: '2021-01-18', end: '2021-01-31' });
  });
});

describe('forms of batch 18', () => {
  const plan = (...lines: string[]) => parsePlan(lines.join('\n')).plans[0]!;
  const units = (p: Plan) =>
    p.tasks.map((t) => t.assignments.map((a) => [a.lead_units, a.cooperating_units, a.responsible_units]));

  it('reads a bracket of names alone closing a task as its responsible units, not a bracket in a name', () => {
    const p = plan(
      '二、主要任务',
      '(一)建立农药包装废弃物回收机制。(区农业农村委)',
      '(二)开展宣传。由市委宣传部(市文明办)组织。',
      '(三)加强监测(含县城)。',
    );
    expect(units(p)).toEqual([[[[], [], ['区农业农村委']]], [], []]);
  });

  it('gives names without a role the role of the clause after them', () => {
    const p = plan('二、主要任务', '(一)推进秸秆还田。(区农业农村委牵头, 各街镇、开发区，头桥集团配合实施)');
    expect(units(p)).toEqual([[[['区农业农村委'], ['各街镇', '开发区', '头桥集团'], []]]]);
  });

  it('reads no unit in a document title before a bracket of units, and groups named by their kind', () => {
    const p = plan(
      '一、配套文件',
      '1.《崇明区集体建设用地入市管理办法》(责任单位：区规划资源局）',
      '二、试点工作组织',
      '（一）成立试点工作领导小组。由区长任组长。',
      '（二）协调监管机构：负责统筹协调试点工作。',
      '（三）工作推进专班：负责推进试点具体工作。',
    );
    expect(units(p)).toEqual([
      [[[], [], ['区规划资源局']]],
      [],
      [[[], [], ['协调监管机构']]],
      [[[], [], ['工作推进专班']]],
    ]);
  });

  it('reads the period a part of steps states, and no tasks in a part of phases', () => {
    const p = plan(
      '崇明区集体经营性建设用地入市试点实施方案',
      '一、主要任务',
      '（一）完善制度。制定配套文件。',
      '二、整治计划安排',
      '（一）方案制定阶段（1-2月）',
      '制定整治方案。',
      '（二）整治推进阶段（11月中旬前）',
      '三、试点实施步骤',
      '试点工作从2023年4月启动，至2024年底结束，为期两年。',
    );
    expect(p.period).toEqual({ start: '2023-04-01', end: '2024-12-31' });
    expect(p.tasks.map((t) => t.title)).toEqual(['完善制度']);
  });
});

describe('a patrol report of problems and their rectification', () => {
  const report = (...items: string[]) =>
    parsePlan(
      [
        '8月30日市容环境综合整治情况的通报',
        '发布时间:2015-08-30 16:21',
        '县双创办对城区进行了督查,现就有关问题通报如下:',
        ...items,
      ].join('\n'),
    ).plans[0]!;
  const units = (plan: Plan) =>
    plan.tasks.map((t) => [t.number, t.assignments.map((a) => [a.scope, a.lead_units, a.responsible_units])]);

  it('reads who carries out each measure, after 由, and the report as the title', () => {
    const plan = report(
      '1、人武部片区:建设路东段少数人行道道沿破损。',
      '整改措施:由县住建局负责修复。',
      '2、幼儿园片区:民主巷垃圾箱破损严重。',
      '整改措施:(1)由县环卫站负责更换破损垃圾桶。(2)由包片单位县幼儿园负责教育督促商户规范招牌摆放。',
      '3、城关小学片区:商户占路经营。',
      '整改要求:按照先劝阻、再处罚的要求,由沿线包片单位城关小学和县消防大队负责规范。',
      '4、农商行对面行道树上缆线乱牵乱挂。',
      '整改措施:由包片单位林业局牵头,广电网络公司、电力局按照管理权限予以规范。',
      '5关于网民反映月城巷下水道井盖下沉的问题。',
      '整改措施:由县住建局督促施工单位修缮。',
    );
    expect(plan.title).toBe('8月30日市容环境综合整治情况的通报');
    expect(units(plan)).toEqual([
      ['1', [[null, [], ['县住建局']]]],
      [
        '2',
        [
          ['(1)', [], ['县环卫站']],
          ['(2)', [], ['县幼儿园']],
        ],
      ],
      ['3', [[null, [], ['城关小学', '县消防大队']]]],
      ['4', [[null, ['林业局'], ['广电网络公司', '电力局']]]],
      ['5', [[null, [], ['县住建局']]]],
    ]);
  });

  it('reads no units where 由 names no unit, nor outside a measure', () => {
    const plan = report(
      '1、新正街人行道多处水果摊贩流动经营。',
      '整改措施:由各商户自行负责清理。',
      '2、河滨南路有住户晾晒衣物。县文广局负责督促住户移走。',
    );
    expect(units(plan)).toEqual([
      ['1', []],
      ['2', []],
    ]);
  });
});

describe('numbering in other marks', () => {
  it('reads sections numbered in tortoise-shell brackets and a title years range with a horizontal bar', () => {
    const plan = parsePlan(
      [
        '重庆市主城区宁静行动实施方案(2011―2013年)',
        '二、工作任务',
        '〔一〕大力发展绿色交通。推广新能源公交车。〔责任部门:城管大队〕',
        '〔二〕加强施工噪声管理。〔责任部门:住建局〕',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.assignments[0]?.responsible_units])).toEqual([
      ['〔一〕', ['城管大队']],
      ['〔二〕', ['住建局']],
    ]);
    expect([plan.year, plan.period]).toEqual([2011, { start: '2011-01-01', end: '2013-12-31' }]);
  });
});

describe('numbers printed as one character', () => {
  it('reads ㈠–㈩ as sections, ⒈ as tasks and ⑴ as sub-items; a city named with 乡 keeps its 市', () => {
    const plan = parsePlan(
      [
        '桐乡市食品安全城市创建工作方案',
        '二、工作任务',
        '㈦依法治理饮用水源污染',
        '⒈加强水源地保护。⑴划定保护区。',
        '责任单位:市环保局',
        '⒉开展水质监测。',
        '责任单位:市卫生局',
        '㈧健全应急救援体系',
        '⒈完善应急预案。',
        '责任单位:市食安办',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.section, t.assignments[0]?.responsible_units])).toEqual([
      ['1', '㈦依法治理饮用水源污染', ['市环保局']],
      ['2', '㈦依法治理饮用水源污染', ['市卫生局']],
      ['1', '㈧健全应急救援体系', ['市食安办']],
    ]);
    expect(plan.region).toBe('桐乡市');
  });
});

describe('a newspaper printing one item of a plan', () => {
  const page = (measuresField: string) =>
    parsePlan(
      [
        '2025年07月15日',
        '第A04版:',
        '十八、开展农村黑臭水体治理',
        '【目标任务】',
        '新增完成43条农村黑臭水体治理任务。',
        measuresField,
        '1.积极推进省级农村黑臭水体治理试点工作。',
        '2.积极争取省级水污染防治资金。',
        '3.开展常态化摸排调研。',
        '责任单位:市生态环境局',
        '联系人:何长海',
      ].join('\n'),
    ).plans[0]!;

  it('reads the item as the task, the measures under 【推进措施】 as its content, the page date as no issue date', () => {
    const plan = page('【推进措施】');
    expect(plan.tasks.map((t) => [t.number, t.title, t.assignments[0]?.responsible_units])).toEqual([
      ['十八', '开展农村黑臭水体治理', ['市生态环境局']],
    ]);
    expect([plan.issued_on, plan.year]).toEqual([null, 2025]);
  });

  it('keeps numbered lines under any other field as the tasks', () => {
    expect(page('【工作安排】').tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
  });
});

describe('forms of batch 15', () => {
  it('reads a part of duties whose items labelled by units hold numbered duties of their own', () => {
    expect(
      sectionedTasks([
        '某街道生活垃圾分类工作方案',
        '一、工作任务',
        '1．推进分类投放。责任单位：各居民区',
        '二、职责分工',
        '1．街道办事处：负责统筹推进。',
        '2．各居民区：',
        '（1）组织宣传发动；',
        '（2）落实值守指导；',
        '（3）开展入户宣传；',
        '（4）做好撤桶并点；',
        '（5）组织志愿者值守。',
        '3．物业公司：负责分类驳运。',
      ]),
    ).toEqual([
      '1 null 推进分类投放 R:各居民区',
      '1 null 街道办事处 R:街道办事处',
      '2 null 各居民区 R:各居民区',
      '3 null 物业公司 R:物业公司',
    ]);
  });

  it('reads the work numbered under the phases of a part of steps, and no steps without it', () => {
    const steps = (phase: string[]) =>
      sectionedTasks([
        '某街道生活垃圾分类工作方案',
        '一、主要任务',
        '1．推进分类投放。',
        '二、实施步骤',
        '（一）推进期',
        ...phase,
      ]);
    expect(steps(['1．配置分类设备。', '2．广泛宣传告知。'])).toEqual([
      '1 null 推进分类投放 R:',
      '1 （一）推进期 配置分类设备 R:',
      '2 （一）推进期 广泛宣传告知 R:',
    ]);
    expect(steps(['3月底前完成设备配置和宣传告知。'])).toEqual(['1 null 推进分类投放 R:']);
  });

  it('reads no kind of city a campaign builds as a place', () => {
    expect(parsePlan('魅力文明城市创建行动方案\n一、主要任务\n1.整治背街小巷。').plans[0]!.region).toBeNull();
  });
});

describe('items whose measures share one unit line after them', () => {
  const read = (second: string) =>
    parsePlan(
      [
        '一、主要任务',
        '（一）依法执行环评',
        '1.认真执行环境影响评价法。',
        '2.编制规划时组织环境影响评价。',
        '责任单位:市环保局、市发改委',
        '（二）加强环境监测能力建设',
        `${second}完善监测仪器配置。`,
        '责任单位:市环保局',
      ].join('\n'),
    ).plans[0]!.tasks.map(
      (t) =>
        `${t.number} ${t.assignments.map((a) => `${a.scope ?? '-'} R:${a.responsible_units.join('/')}`).join()}`,
    );

  it('makes the items the tasks where each numbers its measures from 1 again', () => {
    expect(read('1.')).toEqual(['（一） - R:市环保局/市发改委', '（二） - R:市环保局']);
  });

  it('keeps the numbered measures the tasks where numbers run on through the items', () => {
    expect(read('3.')).toEqual(['1 ', '2 - R:市环保局/市发改委', '3 - R:市环保局']);
  });
});

describe('dates a copy left short or set under their labels', () => {
  it('reads the signature over a year alone, the rest of its date lost', () => {
    const plan = parsePlan(
      [
        '西经开发〔2018〕215号',
        '西安经技术开发区管委会',
        '关于印发《西安经济技术开发区2018年“散乱污”企业整治工作方案》的通知',
        '现将方案印发给你们。',
        '西安经济技术开发区管委会',
        '2018',
        '西安经济技术开发区2018年“散乱污”企业整治工作方案',
        '一、主要任务',
        '1.排查散乱污企业。',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.issuer, plan.issued_on, plan.year]).toEqual(['西安经济技术开发区管委会', null, 2018]);
  });

  it('reads the date of a form that prints it under its label', () => {
    const doc = parsePlan(
      [
        '交办单年份:',
        '2024',
        '交办日期:',
        '2024-06-05',
        '交办单标题:',
        '关于对扬子河水质黑臭问题交办的通知',
        '交办内容:',
        '近期对2022年以来交办问题开展检查。',
      ].join('\n'),
    );
    expect([doc.plans[0]!.issued_on, doc.plans[0]!.year]).toEqual(['2024-06-05', 2024]);
  });
});

describe('a progress record printed as field rows', () => {
  it('reads the numbered work as the task, its lead and quarter deadlines; a plan its stage issues is no title', () => {
    const doc = parsePlan(
      withTextTables(
        [
          '重点工作: | 135.统筹违法建设治理与城市更新,促进违法建设科学分类治理。 |',
          '牵头单位: | 市城市管理综合执法局 |',
          '年度阶段性工作目标: | 第一季度:印发《广州市2023年违法建设治理工作方案》。第二季度:完成工作任务的50%以上。 |',
        ].join('\n'),
      ),
    );
    const plan = doc.plans[0]!;
    expect([plan.title, plan.region]).toEqual([null, null]);
    expect(plan.tasks.map((t) => [t.number, t.title, t.assignments[0]?.lead_units, t.deadlines])).toEqual([
      [
        '135',
        '统筹违法建设治理与城市更新,促进违法建设科学分类治理',
        ['市城市管理综合执法局'],
        ['2023-03-31', '2023-06-30'],
      ],
    ]);
  });
});

describe('a unit label alone over lines that share the work out', () => {
  const plan = (...lines: string[]) =>
    parsePlan(['环境容貌综合整治方案', '二、主要任务', '(一)整治环境卫生', ...lines].join('\n')).plans[0]!;

  it('gives the task the units of those lines, which are no sub-items', () => {
    const task = plan(
      '1.加强清扫保洁。强化门前三包管理。',
      '责任单位:',
      '(1)城管局负责城区街道;',
      '(2)交通局负责国道。',
    ).tasks[0]!;
    expect(task.assignments.map((a) => [a.scope, a.responsible_units])).toEqual([
      [null, ['城管局', '交通局']],
    ]);
  });

  it('leaves sub-items as they are after a label with its names', () => {
    const task = plan(
      '1.加强清扫保洁。',
      '(1)城管局负责城区街道;',
      '责任单位:城管局',
      '(2)交通局负责国道。',
      '责任单位:交通局',
    ).tasks[0]!;
    expect(task.assignments.map((a) => [a.scope, a.responsible_units])).toEqual([
      ['(1)', ['城管局']],
      ['(2)', ['交通局']],
    ]);
  });
});

describe('forms of batch 24', () => {
  it('reads a part whose work is one paragraph over its unit lines as a task, beside parts with numbered items', () => {
    const plan = parsePlan(
      [
        '县创建国家环保模范城市工作实施方案',
        '一、开展机动车环保定期检测工作',
        '(一)任务要求。所有年检车辆实施尾气排放检测。',
        '牵头单位:县公安局;责任单位:县环保局。',
        '二、开展“绿色饭店”创建工作',
        '任务要求。到2007年底,全县三星级以上宾馆开展创建工作。',
        '牵头单位:县旅游局;责任单位:县环保局、县林业局。',
        '三、加强宣传',
        '广泛宣传创建工作。',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.title, t.deadlines, t.assignments[0]?.lead_units])).toEqual([
      ['(一)', '任务要求', [], ['县公安局']],
      ['二', '开展“绿色饭店”创建工作', ['2007-12-31'], ['县旅游局']],
    ]);
  });

  it('reads the (1) items under (一) tasks with nothing numbered 1. as sub-items, each with its bracket', () => {
    const plan = parsePlan(
      [
        '区商务局塑料污染治理工作实施方案',
        '一、重点任务',
        '(一)禁止、限制使用部分塑料制品',
        '(1)到2023年底,商场、超市禁止使用不可降解塑料袋;(行业管理股牵头)',
        '(2)到2025年底,农贸市场禁止使用不可降解塑料袋。(市场服务中心牵头)',
        '(二)推广替代产品',
        '(1)推广使用环保布袋。',
        '(2)推广可降解包装膜。(行业管理股牵头)',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.tasks.map((t) => t.assignments.map((a) => [a.scope, a.lead_units]))).toEqual([
      [
        ['(1)', ['行业管理股']],
        ['(2)', ['市场服务中心']],
      ],
      [[null, ['行业管理股']]],
    ]);
  });
});

describe('headers and headings run together (batch 23)', () => {
  it('reads a section run on after its part heading, and the date run on after the signature', () => {
    const plan = parsePlan(
      [
        '通化市人民政府关于印发通化市2015年创建国家卫生城市实施方案的通知',
        '通化市人民政府2015年8月10日通化市2015年创建国家卫生城市实施方案2015年是我市创建国家卫生城市基础年。',
        '一、指导思想以科学发展观为指导。',
        '二、主要任务(一)加强基础设施建设。',
        '1.改造城市棚户区100万平方米。(责任单位:市城建局)',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.issued_on).toBe('2015-08-10');
    expect(plan.tasks.map((t) => [t.number, t.section, t.assignments[0]?.responsible_units])).toEqual([
      ['1', '(一)加强基础设施建设', ['市城建局']],
    ]);
  });

  it("takes the page's 发布机构 over a notice naming its maker by level only, and 发表时间 as the page's date", () => {
    const plan = parsePlan(
      [
        '发布机构:下陆区政府办公室',
        '发表时间:2020-4-17',
        '区人民政府办公室关于印发下陆区2020年重点工作责任分工方案的通知',
        '一、重点工作',
        '1.推进城市更新。[区住建局牵头]',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.issuer, plan.region]).toEqual(['下陆区政府办公室', '下陆区']);
    const news = parsePlan(['发表时间:2018-4-17', '国务院日前印发意见,明确重点工作部门分工。'].join('\n'))
      .plans[0]!;
    expect(news.year).toBe(2018);
  });

  it('reads a division titled 部门分工 as the title', () => {
    const plan = parsePlan(
      [
        '“十三五”控制温室气体排放工作方案部门分工',
        '一、低碳引领能源革命',
        '1.加强能源碳排放指标控制。(牵头单位:能源局)',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.title).toBe('“十三五”控制温室气体排放工作方案部门分工');
  });
});

describe('unit statements in short forms', () => {
  const task = (...lines: string[]) =>
    parsePlan(['某市2023年大气污染防治工作方案', '一、重点任务', ...lines].join('\n')).plans[0]!.tasks[0]!;
  const roles = (t: ReturnType<typeof task>) =>
    t.assignments.map((a) => [a.lead_units, a.cooperating_units, a.responsible_units]);

  it('reads a role word alone before its colon as a label', () => {
    expect(roles(task('1.加强监管。', '牵头：市发改委；配合：市工信局'))).toEqual([
      [['市发改委'], ['市工信局'], []],
    ]);
  });

  it('dates a task by the time field inside its bracket of units', () => {
    const t = task(
      '1.加强监管。（牵头领导：张三；牵头单位：市发改委；配合单位：市工信局；完成时限：2023年12月底）',
    );
    expect([t.deadlines, roles(t)]).toEqual([['2023-12-31'], [[['市发改委'], ['市工信局'], []]]]);
  });

  it('reads a closing sentence of units "按职责分工负责", not a township answering alone', () => {
    expect(roles(task('1.加强监管。各县（市、区）人民政府、市直有关部门按职责分工负责。'))).toEqual([
      [[], [], ['各县（市、区）人民政府', '市直有关部门']],
    ]);
    expect(roles(task('1.加强监管。各乡镇负责落实。'))).toEqual([]);
  });
});

describe('inspection notices and problem lists (batch 25)', () => {
  it('reads a notice flattened into one line: the list after "如下:", the brackets typed with ";", no tasks in 几点要求', () => {
    const doc = parsePlan(
      [
        '扶余市人民政府督查室关于对全市开展农村人居环境综合整治工作专项督查的通知',
        '各乡镇人民政府: 为有效推进重点工作,现将有关事宜通知如下: 一、重点督办事项 1.加快推进农村垃圾收储运一体化。(责任单位:城市管理执法大队、各乡镇场) 2.实施改厨、改厕工程。(责任单位;住建局、畜牧局) 二、几点要求 1.各乡镇要主动认领,尽快开展相关工作。',
      ].join('\n'),
    );
    const plan = doc.plans[0]!;
    expect([plan.issuer, plan.region]).toEqual(['扶余市人民政府督查室', '扶余市']);
    expect(plan.tasks.map((t) => [t.number, t.assignments[0]?.responsible_units])).toEqual([
      ['1', ['城市管理执法大队', '各乡镇场']],
      ['2', ['住建局', '畜牧局']],
    ]);
  });

  it("reads the notice's number line apart from its signer and the page's byline as chrome", () => {
    const plan = parsePlan(
      [
        '四平市铁西区人民政府   2019-05-17 15:15:00   来源: 区人民政府督查室',
        '四平市铁西区人民政府督查通知单',
        '四铁西政督字〔2019〕7 号    签发人:刘中文',
        '铁西区人民政府督查室',
        '存在问题:',
        '1.春江医院附近北侧胡同内垃圾。(责任单位:英雄街道)',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.doc_number, plan.tasks[0]?.assignments[0]?.responsible_units]).toEqual([
      '四铁西政督字〔2019〕7号',
      ['英雄街道'],
    ]);
  });

  it('reads an item whose words open with figures after 、, not a line of figures a PDF wrapped', () => {
    const plan = parsePlan(
      [
        '某县创建全国文明城市实地测评督查通报',
        '整改较好的点位',
        '1、联盛快乐城(责任单位:县商务局):问题已按时整改到位。',
        '2、365便民中心(责任单位:县卫健委):问题已按时整改到位。',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.title).toBe('某县创建全国文明城市实地测评督查通报');
    expect(plan.tasks.map((t) => [t.number, t.assignments[0]?.responsible_units])).toEqual([
      ['1', ['县商务局']],
      ['2', ['县卫健委']],
    ]);
    const goals = parsePlan(
      [
        '某市2019年大气污染防治攻坚实施方案',
        '一、目标',
        '各县PM10分别为57、54、55、58、',
        '56、56、58、56微克/立方米。',
      ].join('\n'),
    ).plans[0]!;
    expect(goals.targets.map((t) => t.value)).toEqual([57, 54, 55, 58, 56, 56, 58, 56]);
  });

  it('reads a table printed one cell a line, each closed by " |", with the problems as its tasks', () => {
    const cells = ['序号', '路段名称', '问题描述', '责任单位', '备注'];
    const rows = [
      ['1', '湘北大道', '湘北大道沿线街道车辆违停严重', '停车办', ''],
      ['2', '赶山西路', '路面积水严重', '市政维护管理处', ''],
    ];
    const text = [
      '全国卫生城市测评路段问题汇总表',
      ...[cells, ...rows].flat().map((c) => (c ? `${c} |` : '|')),
      '2019年4月21日',
    ].join('\n');
    const plan = parsePlan(withTextTables(text)).plans[0]!;
    expect(plan.title).toBe('全国卫生城市测评路段问题汇总表');
    expect(plan.tasks.map((t) => [t.number, t.title, t.assignments[0]?.responsible_units])).toEqual([
      ['1', '湘北大道沿线街道车辆违停严重', ['停车办']],
      ['2', '路面积水严重', ['市政维护管理处']],
    ]);
  });
});

describe('an item heading the duties of units', () => {
  it("reads the sub-items labelled by units as the tasks, under the item as their section, in a copy run on with '. '", () => {
    const plan = parsePlan(
      [
        '鹿寨县污染天气应急预案',
        '(二)应急指挥部办公室及各成员单位. 应急指挥部办公室设在县生态环境局,负责本预案的管理工作. 1.鹿寨县成员单位职责 各成员单位应当制定部门污染天气应急预案. (1)县生态环境局:承担应急指挥部办公室的职责;',
        '牵头制定大气污染源清单. (2)县气象局:负责气象条件的分析和预报. (3)县委宣传部:负责组织新闻宣传报道.',
      ].join('\n'),
    ).plans[0]!;
    expect(
      plan.tasks.map((t) => [t.number, t.title, t.section, t.assignments[0]?.responsible_units]),
    ).toEqual([
      ['(1)', '县生态环境局', '1.鹿寨县成员单位职责', ['县生态环境局']],
      ['(2)', '县气象局', '1.鹿寨县成员单位职责', ['县气象局']],
      ['(3)', '县委宣传部', '1.鹿寨县成员单位职责', ['县委宣传部']],
    ]);
  });
});

describe('special campaigns (batch 27)', () => {
  it('reads a qualified label, the period in a part of its own and a title after a page count', () => {
    const plan = parsePlan(
      [
        '第1页共4页某县2020年农村积存垃圾集中清理工作实施方案',
        '一、集中清理时间',
        '从2020年3月10日起至3月31日结束。',
        '二、清理内容',
        '1.清理乡镇村内道路两侧积存垃圾。(监督指导责任单位:县交通局)',
      ].join('\n'),
    ).plans[0]!;
    expect([plan.title, plan.period]).toEqual([
      '某县2020年农村积存垃圾集中清理工作实施方案',
      { start: '2020-03-10', end: '2020-03-31' },
    ]);
    expect(plan.tasks.map((t) => [t.number, t.assignments[0]?.responsible_units])).toEqual([
      ['1', ['县交通局']],
    ]);
  });

  it('splits a one-line copy where the first item follows its section heading and a hidden place name', () => {
    const words = '全面清理卫生死角,做到无垃圾堆放、无污水横流,'.repeat(6);
    const plan = parsePlan(
      `XX县区环境卫生整治实施方案 三、整治内容(一)XX县区环境卫生整治1、XX县区道路实行清扫保洁。${words}(责任单位:县城管局)2、XX县区河道清理。${words}(责任单位:县水利局)`,
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.section, t.assignments[0]?.responsible_units])).toEqual([
      ['1', '(一)XX县区环境卫生整治', ['县城管局']],
      ['2', '(一)XX县区环境卫生整治', ['县水利局']],
    ]);
  });
});

describe('problem lists and duty lists of batches 29 and 30', () => {
  it('gives a site its problems, answered for by the unit its 问题整改责任单位 line names', () => {
    const plan = parsePlan(
      [
        '创文问题清单',
        '1. 市科技馆',
        '(1)院内电动车未按指定区域停放;',
        '(2)灭火器过期未更换。',
        '问题整改责任单位:市科技馆 整改时限:3天',
        '2. 市第二人民医院',
        '(1)院内禁烟标识数量不达标。',
        '问题整改责任单位:市卫生健康委员会 整改时限:5天',
      ].join('\n'),
    ).plans[0]!;
    expect(
      plan.tasks.map((t) => [t.number, t.title, t.assignments.map((a) => [a.scope, a.responsible_units])]),
    ).toEqual([
      ['1', '市科技馆', [[null, ['市科技馆']]]],
      ['2', '市第二人民医院', [[null, ['市卫生健康委员会']]]],
    ]);
  });

  it('reads a unit\'s work list labelled "X主要工作任务:", helped by the units a 协助单位 line names', () => {
    const plan = parsePlan(
      [
        '县大气污染综合整治方案',
        '(八)县经济局主要工作任务:',
        '1、淘汰落后产能。',
        '(九)县公安局主要工作任务:',
        '1、依法整治尾气排放年检不合格的机动车辆。',
        '协助单位:交通局、县城管监察大队。',
        '(十)县国土局主要工作任务:',
        '1、依法取缔农田挖砂。',
        '工作协助部门:水务局',
      ].join('\n'),
    ).plans[0]!;
    expect(
      plan.tasks.map((t) => [t.number, t.assignments.map((a) => [a.responsible_units, a.cooperating_units])]),
    ).toEqual([
      ['(八)', [[['县经济局'], []]]],
      ['(九)', [[['县公安局'], ['交通局', '县城管监察大队']]]],
      ['(十)', [[['县国土局'], ['水务局']]]],
    ]);
  });

  it("reads an excerpt of member units' duties taken up without its part's heading, and no alert's threshold as a goal", () => {
    const plan = parsePlan(
      [
        '北京市空气重污染应急职责分工',
        '(十一)市气象局',
        '1.编制本部门空气重污染应急分预案。',
        '2.提供气象监测预报信息。',
        '(十二)市国资委',
        '1.督促有关市属国有企业制定应急预案。',
        '黄色预警:预测AQI日均值>200将持续2天及以上。',
      ].join('\n'),
    ).plans[0]!;
    expect(plan.title).toBe('北京市空气重污染应急职责分工');
    expect(plan.targets).toEqual([]);
    expect(plan.tasks.map((t) => [t.number, t.assignments[0]?.responsible_units])).toEqual([
      ['(十一)', ['市气象局']],
      ['(十二)', ['市国资委']],
    ]);
  });
});

describe('a flattened list of problems, each closing on its fields', () => {
  it('breaks after a time field, and keeps the label the words run on into out of the title', () => {
    const plan = parsePlan(
      '近日督查组对部分农贸市场进行督查,这次又有哪些脏乱差被曝光呢? 1.市场内无障碍卫生间堆放有杂物; 整改责任单位:县市场监督管理局 整改时限:2021年8月13日前 1.员工食堂橱柜杂物乱堆放; 2.临时厨房垃圾乱堆放。 整改责任单位:县污水处理厂 整改时限:2021年8月13日前',
    ).plans[0]!;
    expect(
      plan.tasks.map((t) => [t.number, t.title, t.deadlines, t.assignments[0]?.responsible_units]),
    ).toEqual([
      ['1', '市场内无障碍卫生间堆放有杂物', ['2021-08-13'], ['县市场监督管理局']],
      ['1', '员工食堂橱柜杂物乱堆放', [], undefined],
      ['2', '临时厨房垃圾乱堆放', ['2021-08-13'], ['县污水处理厂']],
    ]);
  });
});

describe('a notice that closes on its date alone', () => {
  it('dates the notice by the date under its last sentence, not a date inside its words', () => {
    const lines = [
      '县创文办督查通报',
      '一、主次干道',
      '1、通羊大道 - 路面坑洼不平',
      '(责任单位:交通运输局)',
      '相关单位要迅速落实整改措施。',
    ];
    expect(parsePlan([...lines, '2022年8月31日', '(编辑:谭茜)'].join('\n')).plans[0]!.issued_on).toBe(
      '2022-08-31',
    );
    expect(
      parsePlan([...lines.slice(0, 4), '2022年8月31日前完成整改'].join('\n')).plans[0]!.issued_on,
    ).toBeNull();
  });
});
