import { describe, expect, it } from 'vitest';
import { withBoxTables } from './box-tables';

describe('withBoxTables', () => {
  it('reads a table drawn with box characters, each cell wrapped over lines inside its box', () => {
    const text = [
      '附件1 责任分解表',
      '┌──┬────────┬────┬─────┐',
      '│序号│  工作任务  │牵头单位│ 完成时限 │',
      '├──┼────────┼────┼─────┤',
      '│1 │开展道路扬尘│区城管局│2021年6月 │',
      '│  │专项整治。  │、区住建│底前      │',
      '│  │            │局      │          │',
      '├──┼────────┼────┼─────┤',
      '│2 │淘汰燃煤锅炉│区生态环│年底前    │',
      '│  │            │境分局  │          │',
      '└──┴────────┴────┴─────┘',
      '以上任务按期完成。',
    ].join('\n');
    expect(withBoxTables(text).split('\n')).toEqual([
      '附件1 责任分解表',
      '1. 开展道路扬尘专项整治。完成时限：2021年6月底前。',
      '牵头单位：区城管局、区住建局',
      '2. 淘汰燃煤锅炉。完成时限：年底前。',
      '牵头单位：区生态环境分局',
      '以上任务按期完成。',
    ]);
  });

  it('gives every row under a cell merged down over rows that cell, where the rule crosses the other columns only', () => {
    const text = [
      '┌────┬──────┬─────┐',
      '│类别│工作任务    │责任单位 │',
      '├────┼──────┼─────┤',
      '│大气│治理工地扬尘│区住建局 │',
      '│污染├──────┼─────┤',
      '│防治│整治散乱污  │区工信局 │',
      '└────┴──────┴─────┘',
    ].join('\n');
    expect(withBoxTables(text).split('\n')).toEqual([
      '（一）大气污染防治',
      '1. 治理工地扬尘。',
      '责任单位：区住建局',
      '2. 整治散乱污。',
      '责任单位：区工信局',
    ]);
  });

  it('reads a row across the table as a group heading, and a task numbered 一、 in its cell by that number', () => {
    const text = [
      '┌──────┬──────┬────┐',
      '│项目        │责任分解内容│主办单位│',
      '├──────┴──────┴────┤',
      '│大气污染防治                    │',
      '├──────┬──────┬────┤',
      '│一、违章建筑│全面清拆违法│市规划局│',
      '│            │建筑        │        │',
      '└──────┴──────┴────┘',
    ].join('\n');
    expect(withBoxTables(text).split('\n')).toEqual([
      '（一）大气污染防治',
      '一、违章建筑。全面清拆违法建筑。',
      '牵头单位：市规划局',
    ]);
  });

  it('keeps a space where a Latin word wraps, and leaves a drawn table that is no task table as it is', () => {
    const tasks = [
      '┌──┬──────┬────┐',
      '│序号│工作任务    │责任单位│',
      '├──┼──────┼────┤',
      '│1 │升级 Smart  │区大数据│',
      '│  │City 平台   │局      │',
      '└──┴──────┴────┘',
    ].join('\n');
    expect(withBoxTables(tasks).split('\n')[0]).toBe('1. 升级Smart City平台。');
    const other = ['┌──┬──┐', '│指标│数值│', '├──┼──┤', '│PM2.5│35 │', '└──┴──┘'].join('\n');
    expect(withBoxTables(other)).toBe(other);
  });
});
