import { describe, expect, it } from 'vitest';
import { withPipeTables } from './pipe-tables';

const TASKS = [
  '1. 完善城市管理体制。完成时限：2016年底前。',
  '责任单位：市委编办、市住建局',
  '2. 推进数字化城市管理平台建设。完成时限：常态工作。',
  '责任单位：市城管局',
];

describe('withPipeTables', () => {
  it('reads a Markdown task table, its rule row skipped and <br> a paragraph break', () => {
    const text = [
      '附件',
      '| 序号 | 工作任务 | 负责部门 | 时间进度 |',
      '| :-- | --- | --- | ---: |',
      '| 1 | 完善城市管理体制 | 市委编办<br>市住建局 | 2016年底前 |',
      '| 2 | 推进数字化城市管理平台建设 | 市城管局 | 常态工作 |',
      '以上任务按期完成。',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual(['附件', ...TASKS, '以上任务按期完成。']);
  });

  it('reads a table flattened one cell per line, an empty cell kept in its column', () => {
    const rows = [
      ['序号', '工作任务', '牵头单位', '负责部门', '时间进度'],
      ['1', '完善城市管理体制', '', '市委编办、市住建局', '2016年底前'],
      ['2', '推进数字化城市管理\n平台建设', '', '市城管局', '常态工作'],
    ];
    const text = [
      '附件',
      ...rows.flatMap((row) => ['|', ...row.flatMap((cell) => [cell, '|'])]),
      '以上任务按期完成。',
    ]
      .join('\n')
      // An empty cell leaves nothing between its "|" lines.
      .replace(/\|\n\n\|/g, '|\n|');
    expect(withPipeTables(text).split('\n')).toEqual([
      '附件',
      TASKS[0],
      TASKS[1],
      '2. 推进数字化城市管理；平台建设。完成时限：常态工作。',
      TASKS[3],
      '以上任务按期完成。',
    ]);
  });

  it('reads a table whose cells open with "|" and whose rows close with a bare "|", a merged cell repeated', () => {
    const text = [
      '序号',
      '| 项目内容',
      '| 工 作 要 求',
      '| 责任单位',
      '|',
      '7',
      '| 污水处理厂和',
      '管网工程建设',
      '| 完成征润洲污水处理厂技术改造。',
      '| 市建设局',
      '|',
      // The 项目内容 cell is merged into the row above: three cells of four.
      '8',
      '| 大港污水处理厂扩建工程2008年6月底前投入运行。',
      '| 市建设局',
      '镇江新区管委会',
      '|',
      '以上工程按期完成。',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual([
      '（一）污水处理厂和管网工程建设',
      '7. 完成征润洲污水处理厂技术改造。',
      '责任单位：市建设局',
      '8. 大港污水处理厂扩建工程2008年6月底前投入运行。',
      '责任单位：市建设局、镇江新区管委会',
      '以上工程按期完成。',
    ]);
  });

  it('reads rows with " | " between cells and "|" at their end, a cell broken over two lines', () => {
    const text = [
      '任务 内容 | 标准或要求 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |',
      '生 态 环 境 | 1、城市大环境绿化扎实开展。 | 禁止开发城市周围的自然山体。 | 市规划局 | 市国土资源局',
      '市农牧林业局 | 2010年9月20日前 |',
      // The category is merged: the row has five cells, the number is the text's own.
      '2、建设防护绿地。 | 加强防护绿地的管护。 | 市规划局 市建设局 | 有关部门 | 2010年9月20日前 |',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual([
      '（一）生态环境',
      '1. 城市大环境绿化扎实开展。禁止开发城市周围的自然山体。完成时限：2010年9月20日前。',
      '配合单位：市国土资源局、市农牧林业局',
      '责任单位：市规划局',
      '2. 建设防护绿地。加强防护绿地的管护。完成时限：2010年9月20日前。',
      '配合单位：有关部门',
      '责任单位：市规划局、市建设局',
    ]);
  });

  it('leaves text without a task table as it is: a lone "|", a table of other things, prose with bars', () => {
    for (const text of [
      '一、工作目标\n|\n全区PM2.5浓度下降',
      '| 指标 | 2025年 |\n| --- | --- |\n| PM2.5 | 42 |',
      '|\n指标\n|\n目标\n|\n|\nPM2.5\n|\n42\n|',
      '监测值 |x| 不超过 5',
      '指标 | 2025年 | 备注 |\nPM2.5 | 42 | 国考 |',
      '序号\n| 指标\n| 目标\n|\n1\n| PM2.5\n| 42\n|',
      '序号 | 工作任务 | 责任单位 |\n以上任务按期完成。',
    ]) {
      expect(withPipeTables(text)).toBe(text);
    }
  });

  it('reads a row that prints empty cells at its end for its merged ones as going on with the task above', () => {
    const text = [
      '序号 | 项目名称 | 项目内容 | 当前进展情况 | 主办单位 |',
      '1 | 农村人居环境整治提升工程 | 推广网格化管理,试点村达到100个。 | 试点村达到100个; | 县整治工作专班 |',
      '新增国家卫生乡镇2个。 | 验收材料已准备完毕。 | |||',
      '完成生活污水治理村庄61个。 | 1.常态化开展保洁。2.委托设计院设计。 | |||',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual([
      // Their text goes on with task 1; measures numbered in a run are its sub-items, not tasks.
      '1. 农村人居环境整治提升工程。推广网格化管理,试点村达到100个。新增国家卫生乡镇2个。验收材料已准备完毕。完成生活污水治理村庄61个。常态化开展保洁。（2）委托设计院设计。',
      '牵头单位：县整治工作专班',
    ]);
  });

  it('reads a record printed as field rows: each label with its value, the numbered work as its own line', () => {
    const text = [
      '重点工作: | 135.统筹违法建设治理与城市更新。 |',
      '牵头单位: | 市城市管理综合执法局 |',
      '年度阶段性工作目标: | 第一季度:印发《工作方案》。 |',
      '进展情况、存在问题 及下一步工作建议: |',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual([
      '135.统筹违法建设治理与城市更新。',
      '牵头单位:市城市管理综合执法局',
      '年度阶段性工作目标:第一季度:印发《工作方案》。',
      '进展情况、存在问题 及下一步工作建议:',
    ]);
    // A field of two cells, and work not numbered, stay as printed.
    expect(withPipeTables('责任单位: | 市城管局 | 各区政府 |')).toBe('责任单位: | 市城管局 | 各区政府 |');
    expect(withPipeTables('重点工作: | 统筹违法建设治理。 |')).toBe('重点工作:统筹违法建设治理。');
  });

  it('reads a project table: its 项目建设内容 the work, its 完成年限 the deadline', () => {
    const text = [
      '| 序号 | 乡镇 | 项目建设内容 | 总投资(万元) | 完成年限 | 责任单位 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| 1 | 君塘镇 | 修建一体化污水处理设施1套 | 32 | 2021年12月 | 达州市宣汉生态环境局 |',
    ].join('\n');
    expect(withPipeTables(text).split('\n')).toEqual([
      '1. 修建一体化污水处理设施1套。完成时限：2021年12月底前。',
      '责任单位：达州市宣汉生态环境局',
    ]);
  });
});
