import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-parser';
import { columnOf, taskTableLines } from './task-table';
import { withTsvTables } from './tsv-tables';

/** A table written as rows of " | "-separated cells; "\n" inside a cell separates its paragraphs. */
const table = (...rows: string[]): string[][] => rows.map((r) => r.split('|').map((c) => c.trim()));
const merged = (rows: string[][]) => taskTableLines(rows, { fillDown: false });
const fromText = (rows: string[][]) => taskTableLines(rows, { fillDown: true });

describe('taskTableLines', () => {
  it("drops a head's name after the unit's in a column of units and heads, not a unit's name", () => {
    expect(
      merged([
        ['序号', '工作任务', '牵头单位及主要负责人'],
        ['1', '提高低保补差水平。', '市民政局 伍泽国'],
        ['2', '提高特困供养标准。', '区城管局 环卫所'],
      ]),
    ).toEqual([
      '1. 提高低保补差水平。',
      '牵头单位：市民政局',
      '2. 提高特困供养标准。',
      '牵头单位：区城管局、环卫所',
    ]);
  });

  it('turns each row into a task line and its unit lines', () => {
    const rows = table(
      '序号 | 工作任务 | 具体措施 | 牵头单位 | 配合单位 | 责任单位 | 完成时限',
      '1 | 建筑工地扬尘管控 | 落实“六个百分之百” | 区住建局 | 区城管局 | 各镇（街道） | 2026年11月底前',
      '2 | 散煤清零 | 完成清洁取暖改造 | 区发改委 | | 各镇（街道） | 12月31日',
    );
    expect(merged(rows)).toEqual([
      '1. 建筑工地扬尘管控。落实“六个百分之百”。完成时限：2026年11月底前。',
      '牵头单位：区住建局',
      '配合单位：区城管局',
      '责任单位：各镇（街道）',
      '2. 散煤清零。完成清洁取暖改造。完成时限：12月31日前。',
      '牵头单位：区发改委',
      '责任单位：各镇（街道）',
    ]);
  });

  it.each([
    ['重点任务', '牵 头 单 位', '完成时间'],
    ['任务名称', '牵头部门', '时间节点'],
    ['工作内容', '牵头单位（责任人）', '完成时限'],
    ['工作任务', '牵头单位：', '时限要求'],
  ])('reads the header %s | %s | %s', (task, lead, deadline) => {
    const rows = table(`序号 | ${task} | ${lead} | ${deadline}`, '１ | 道路清扫 | 区城管局 | 年底前');
    expect(merged(rows)).toEqual(['1. 道路清扫。完成时限：年底前。', '牵头单位：区城管局']);
  });

  it("reads measures numbered one a paragraph in a cell as the task's sub-items, not tasks", () => {
    const rows = table('序号 | 任务内容 | 责任单位', '1 | 1. 强化党建引领。\n2. 加强宣传。 | 区绿化市容局');
    expect(merged(rows)).toEqual(['1. 强化党建引领。（2）加强宣传。', '责任单位：区绿化市容局']);
    const plan = parsePlan(merged(rows)!.join('\n')).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.title])).toEqual([['1', '强化党建引领']]);
  });

  it('keeps a 备注 as the last sentence of the task, where its date is read as a deadline', () => {
    const rows = table(
      '项目 | 责任分解内容 | 主办单位 | 备注',
      '一、违章建筑 | 全面清拆 | 市规划局 | 2004年上半年完成',
    );
    expect(merged(rows)).toEqual(['一、违章建筑。全面清拆。备注：2004年上半年完成。', '牵头单位：市规划局']);
    expect(parsePlan(merged(rows)!.join('\n')).plans[0]!.tasks[0]!.deadlines).toEqual(['2004-06-30']);
  });

  it('reads a column of two names by its first: 责任单位或牵头单位 is responsible, 工作内容及要求 measures', () => {
    const rows = table(
      '序号 | 工作任务 | 工作内容及要求 | 责任单位或牵头单位',
      '1 | 道路清扫 | 每日两次 | 区城管局',
    );
    expect(merged(rows)).toEqual(['1. 道路清扫。每日两次。', '责任单位：区城管局']);
  });

  it('reads a task cell merged over rows with measures of their own as their category', () => {
    const rows = table(
      '序号 | 项目 | 工作要求 | 责任单位',
      '1 | 污水处理 | 建成城东污水处理厂。 | 区住建局',
      '2 | 污水处理 | 改造城西管网。 | 区水务局',
      '3 | 河道整治 | 清淤10公里。 | 区水务局',
    );
    expect(merged(rows)).toEqual([
      '（一）污水处理',
      '1. 建成城东污水处理厂。',
      '责任单位：区住建局',
      '2. 改造城西管网。',
      '责任单位：区水务局',
      '（二）河道整治',
      '3. 清淤10公里。',
      '责任单位：区水务局',
    ]);
    // Rows that repeat the whole task (one task, its units split over rows) and tasks of their own
    // keep the column as the task.
    expect(
      merged(
        table(
          '序号 | 项目 | 工作要求 | 责任单位',
          '1 | 污水处理 | 建成污水厂。 | 区住建局',
          '2 | 河道整治 | 清淤。 | 区水务局',
        ),
      )?.[0],
    ).toBe('1. 污水处理。建成污水厂。');
    expect(
      merged(
        table(
          '序号 | 项目 | 工作要求 | 责任单位',
          '1 | 污水处理 | 建成污水厂。 | 区住建局',
          '1 | 污水处理 | 建成污水厂。 | 区水务局',
        ),
      )?.[0],
    ).toBe('1. 污水处理。建成污水厂。');
  });

  it('reads 负责部门 as the responsible units and 时间进度 as the deadline', () => {
    const rows = table(
      '序号 | 工作任务 | 负责部门 | 时间进度',
      '1 | 完善城市管理体制 | 市住建局、市城管局 | 2016年底前',
    );
    expect(merged(rows)).toEqual([
      '1. 完善城市管理体制。完成时限：2016年底前。',
      '责任单位：市住建局、市城管局',
    ]);
  });

  it('reads full-width header names and a two-row header under a merged 责任单位', () => {
    const rows = table(
      '序号 | 重点任务 | 责任单位 | 责任单位 | 完成时限',
      '序号 | 重点任务 | 牵头单位 | 协办单位 | 完成时限',
      '1 | 道路清扫 | 区城管局 | 区交通局 | 长期坚持',
    );
    expect(merged(rows)).toEqual([
      '1. 道路清扫。完成时限：长期坚持。',
      '牵头单位：区城管局',
      '配合单位：区交通局',
    ]);
  });

  it('opens a section where the 类别 changes, and for a row across the table', () => {
    const rows = table(
      '序号 | 类别 | 任务 | 责任单位',
      '1 | 一、产业结构调整 | 淘汰落后产能 | 区工信局',
      '2 | 一、产业结构调整 | 整治散乱污企业 | 各镇',
      '二、面源污染治理 | 二、面源污染治理 | 二、面源污染治理 | 二、面源污染治理',
      '3 |  | 秸秆禁烧 | 区农委',
    );
    expect(merged(rows)).toEqual([
      '（一）产业结构调整',
      '1. 淘汰落后产能。',
      '责任单位：区工信局',
      '2. 整治散乱污企业。',
      '责任单位：各镇',
      '（二）面源污染治理',
      '3. 秸秆禁烧。',
      '责任单位：区农委',
    ]);
  });

  it('fills blank unit cells down only for a table without merge information', () => {
    const rows = table(
      '序号 | 工作任务 | 牵头单位 | 配合单位',
      '1 | 道路清扫 | 区城管局 | 区交通局',
      '2 | 渣土车治理 |  | ',
    );
    expect(fromText(rows)).toEqual([
      '1. 道路清扫。',
      '牵头单位：区城管局',
      '配合单位：区交通局',
      '2. 渣土车治理。',
      '牵头单位：区城管局',
      '配合单位：区交通局',
    ]);
    expect(merged(rows)!.slice(3)).toEqual(['2. 渣土车治理。']);
  });

  it('skips repeated headers, totals, notes, empty rows and rows without a task', () => {
    const rows = table(
      '附件1 | 重点任务清单 | 重点任务清单',
      '序号 | 工作任务 | 牵头单位',
      '1 | 道路清扫 | 区城管局',
      ' |  | ',
      '序号 | 工作任务 | 牵头单位',
      '2 |  | 区交通局',
      '合计 | 2项 | ',
      '注：各镇均为责任单位 |  | ',
    );
    expect(merged(rows)).toEqual(['附件1', '重点任务清单', '1. 道路清扫。', '牵头单位：区城管局']);
  });

  it('joins the paragraphs of a cell: sentences for text, a list for units', () => {
    const rows = [
      ['序号', '具体措施', '责任单位'],
      ['1', '（1）排查工地\n（2）安装监控', '区住建局\n各镇（街道）、'],
    ];
    expect(merged(rows)).toEqual(['1. （1）排查工地；（2）安装监控。', '责任单位：区住建局、各镇（街道）']);
  });

  it('reads cells as PDF writers leave them: names run together, spaces around digits, a trailing comma', () => {
    const rows = [
      ['序号', '具体措施', '牵头单位', '配合单位', '完成时限'],
      ['1', '排查工地，', '区住建局区城管局', '区委区政府\n区发展和改革委员会', '2026 年 12 月 31 日'],
      ['2', '清扫道路', '市场监管局', '区生态环境局高新区分局各镇（街道）', '12 月'],
    ];
    expect(merged(rows)).toEqual([
      '1. 排查工地。完成时限：2026年12月31日前。',
      '牵头单位：区住建局、区城管局',
      '配合单位：区委、区政府、区发展和改革委员会',
      '2. 清扫道路。完成时限：12月底前。',
      '牵头单位：市场监管局',
      '配合单位：区生态环境局高新区分局、各镇（街道）',
    ]);
  });
  it('numbers rows without a 序号 in order, and a 序号 like 一 opens a section', () => {
    const rows = table('序号 | 工作任务 | 牵头单位', '一 | 扬尘治理 | ', ' | 道路清扫 | 区城管局');
    expect(merged(rows)).toEqual(['（一）扬尘治理', '1. 道路清扫。', '牵头单位：区城管局']);
  });

  it.each([
    ['2026年11月30日', '2026年11月30日前', ['2026-11-30']],
    ['２０２６年１０月', '２０２６年１０月底前', ['2026-10-31']],
    ['10月份', '10月份底前', ['2026-10-31']],
    ['6月中旬、12月底前', '6月中旬前、12月底前', ['2026-06-20', '2026-12-31']],
    ['2026年第三季度', '2026年第三季度前', ['2026-09-30']],
    ['自2026年3月1日起', '自2026年3月1日起', []],
    ['长期坚持', '长期坚持', []],
  ])('writes the 完成时限 %s as a deadline phrase', (cell, phrase, deadlines) => {
    const lines = merged(table('序号 | 工作任务 | 完成时限', `1 | 道路清扫 | ${cell}`))!;
    expect(lines).toEqual([`1. 道路清扫。完成时限：${phrase}。`]);
    const text = ['惠济区2026年扬尘污染防治方案', ...lines].join('\n');
    expect(parsePlan(text).plans[0]!.tasks[0]!.deadlines).toEqual(deadlines);
  });

  it('strips the printed numbering of a 类别 and fills units down only within a group', () => {
    const rows = table(
      '序号 | 类别 | 工作任务 | 牵头单位',
      '1 | （一）施工扬尘 | 工地监控 | 区住建局',
      '（二）道路扬尘 |  |  | ',
      '2 |  | 道路清扫 | ',
    );
    expect(fromText(rows)).toEqual([
      '（一）施工扬尘',
      '1. 工地监控。',
      '牵头单位：区住建局',
      '（二）道路扬尘',
      '2. 道路清扫。',
    ]);
  });

  it('returns null without a recognisable header or without tasks', () => {
    expect(merged(table('姓名 | 职务 | 电话', '张三 | 局长 | 123'))).toBeNull();
    expect(merged(table('序号 | 工作任务 | 牵头单位'))).toBeNull();
  });
});

describe('withTsvTables', () => {
  it('converts a tab-separated table and leaves the lines around it', () => {
    const text = [
      '各镇人民政府：',
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t道路清扫\t区城管局\t2026年6月30日',
      '2\t渣土车治理\t\t9月底',
      '请认真落实。',
    ].join('\n');
    expect(withTsvTables(text).split('\n')).toEqual([
      '各镇人民政府：',
      '1. 道路清扫。完成时限：2026年6月30日前。',
      '牵头单位：区城管局',
      '2. 渣土车治理。完成时限：9月底前。',
      '牵头单位：区城管局',
      '请认真落实。',
    ]);
  });

  it('reads cells Excel quotes for their line breaks, tabs and quotes', () => {
    const text =
      '序号\t工作任务\t责任单位\r\n1\t"道路清扫\r\n落实""以克论净"""\t"区城管局\n各镇"\r\n2\t"a"b\t区交通局\r\n';
    expect(withTsvTables(text).split('\n')).toEqual([
      '1. 道路清扫；落实"以克论净"。',
      '责任单位：区城管局、各镇',
      '2. "a"b。',
      '责任单位：区交通局',
    ]);
  });

  it('returns the text unchanged when no block is a task table', () => {
    const text = '姓名\t电话\n张三\t123\n牵头单位：区环保局';
    expect(withTsvTables(text)).toBe(text);
  });
});

describe('a task table read by the plan parser', () => {
  it('yields the tasks, sections, units and deadlines of the table in an annex', () => {
    const notice = [
      '关于印发惠济区2026年扬尘污染防治重点任务清单的通知',
      '各镇人民政府、街道办事处，区直各部门：',
      '现将重点任务清单印发给你们，请认真贯彻落实。',
      '附件：惠济区2026年扬尘污染防治重点任务清单',
    ];
    const rows = table(
      '序号 | 类别 | 工作任务 | 具体措施 | 牵头单位 | 配合单位 | 责任单位 | 完成时限',
      '1 | 施工扬尘 | 工地监控 | 完成视频监控联网 | 区住建局 | 区城管局 | 各镇（街道） | 11月30日',
      '2 | 施工扬尘 | 裸地苫盖 | 完成裸露地块苫盖 | 区住建局 |  | 各镇（街道） | 2026年12月底前',
      '3 | 道路扬尘 | 机械化清扫 | 主次干道机械化清扫率达到100% | 区城管局 | 区交通局、区公安分局 | 各镇（街道） | 年底',
    );
    const plan = parsePlan([...notice, ...merged(rows)!].join('\n')).plans[0]!;
    expect(plan.year).toBe(2026);
    expect(plan.targets).toEqual([]);
    expect(
      plan.tasks.map((t) => [
        t.number,
        t.title,
        t.section,
        t.deadlines.join(),
        t.assignments.map((a) =>
          [a.lead_units, a.cooperating_units, a.responsible_units].map((u) => u.join('、')),
        ),
      ]),
    ).toEqual([
      ['1', '工地监控', '（一）施工扬尘', '2026-11-30', [['区住建局', '区城管局', '各镇（街道）']]],
      ['2', '裸地苫盖', '（一）施工扬尘', '2026-12-31', [['区住建局', '', '各镇（街道）']]],
      [
        '3',
        '机械化清扫',
        '（二）道路扬尘',
        '2026-12-31',
        [['区城管局', '区交通局、区公安分局', '各镇（街道）']],
      ],
    ]);
  });

  it("reads no annex tasks when they repeat the body's", () => {
    const text = [
      '1.道路清扫。主次干道机械化清扫。',
      '牵头单位：区城管局',
      '附件：任务清单',
      ...merged(table('序号 | 工作任务 | 牵头单位', '1 | 道路清扫 | 区城管局', '2 | 渣土车治理 | 区交通局'))!,
    ].join('\n');
    expect(parsePlan(text).plans[0]!.tasks.map((t) => t.title)).toEqual(['道路清扫']);
  });

  it("reads a 类别 that no two rows share as each row's task, and 重点内容 as its content", () => {
    expect(
      merged(
        table(
          '序号 | 任务类型 | 重点内容 | 责任单位 | 参考文件',
          '1 | 海绵城市建设管理 | 制定年度建设项目计划。 | 区建设管理委 | 《工作指引》',
          '2 | 海绵型地块 | 新改扩建项目全面落实海绵城市建设要求。 | 区规划资源局 | 《行动方案》',
        ),
      ),
    ).toEqual([
      '1. 海绵城市建设管理。制定年度建设项目计划。',
      '责任单位：区建设管理委',
      '2. 海绵型地块。新改扩建项目全面落实海绵城市建设要求。',
      '责任单位：区规划资源局',
    ]);
  });
});

describe('columnOf', () => {
  it('reads a name with a qualifier before it, letter-spaced or not', () => {
    expect(['主 要 工 作 任 务', '年度重点任务', '具体责任单位', '近期完成时限'].map(columnOf)).toEqual([
      'task',
      'task',
      'responsible',
      'deadline',
    ]);
    // Unit columns are named as unit labels are.
    expect(['承办部门', '协助处室', '主办单位', '牵头', '推进单位'].map(columnOf)).toEqual([
      'responsible',
      'cooperating',
      'lead',
      'lead',
      'responsible',
    ]);
    // A qualifier alone, or before no known name, names no column.
    expect(['主要', '主要做法', '全年推进情况'].map(columnOf)).toEqual([null, null, null]);
  });
});
