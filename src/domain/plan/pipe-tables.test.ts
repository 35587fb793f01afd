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

  it('leaves text without a task table as it is: a lone "|", a table of other things, prose with bars', () => {
    for (const text of [
      '一、工作目标\n|\n全区PM2.5浓度下降',
      '| 指标 | 2025年 |\n| --- | --- |\n| PM2.5 | 42 |',
      '|\n指标\n|\n目标\n|\n|\nPM2.5\n|\n42\n|',
      '监测值 |x| 不超过 5',
    ]) {
      expect(withPipeTables(text)).toBe(text);
    }
  });
});
