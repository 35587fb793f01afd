import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';

const raw = (line: string) => physicalLines(line)[0]!.raw;
const text = (line: string) => physicalLines(line)[0]!.text;

describe('physicalLines', () => {
  it('drops a page number a copy ran into the line after it, not a range of months', () => {
    expect(text('- 2 - 2. 建立台账,动态管理。')).toBe('2.建立台账,动态管理。');
    expect(text('2 - 2. 建立台账。')).toBe('2.建立台账。');
    expect(text('1 - 3 月完成首轮排查。')).toBe('1 - 3月完成首轮排查。');
  });

  it("marks a collection's own heading as chrome", () => {
    expect(physicalLines('2021年各类工作方案合集26篇(第7/7页)').map((l) => l.chrome)).toEqual([true]);
    expect(physicalLines('2021年生态文明建设工作方案').map((l) => l.chrome)).toEqual([false]);
  });

  it("marks the rest of a page's markup as chrome", () => {
    expect(physicalLines('八、开展农村黑臭水体治理 /enpproperty-->').map((l) => l.chrome)).toEqual([true]);
    expect(physicalLines('八、开展农村黑臭水体治理').map((l) => l.chrome)).toEqual([false]);
  });

  it("drops a sharing site's banner and page footer run into the text", () => {
    expect(physicalLines('下载后可任意编辑全国文明城区集中整顿方案').map((l) => l.text)).toEqual([
      '全国文明城区集中整顿方案',
    ]);
    expect(physicalLines('质监站第 1 页共 5 页下载后可任意编辑牵头领导:张明').map((l) => l.text)).toEqual([
      '质监站牵头领导:张明',
    ]);
  });

  it('drops a page number a PDF put inside a sentence, not a range of years', () => {
    expect(text('每―10 ― 年3月底前,制定年度计划')).toBe('每年3月底前,制定年度计划');
    expect(text('围绕2017—2020年度建设任务')).toBe('围绕2017—2020年度建设任务');
  });

  it('reads a letter-spaced letterhead, title or number as its words', () => {
    expect(raw('郑 州 市 惠 济 区 人 民 政 府 文 件')).toBe('郑州市惠济区人民政府文件');
    expect(raw('惠 济 区   2 0 1 7   年 大 气 污 染 防 治 攻 坚 行 动 方 案')).toBe(
      '惠济区2017年大气污染防治攻坚行动方案',
    );
    expect(raw('（一）全 面 掌 握 土 壤 环 境 质 量 状 况')).toBe('（一）全面掌握土壤环境质量状况');
  });

  it('keeps the spaces of a heading as printed and between words', () => {
    expect(raw('(一) 优化布局')).toBe('(一) 优化布局');
    expect(raw('PM2.5 年均浓度 不高于 58 微克/立方米')).toBe('PM2.5 年均浓度 不高于 58 微克/立方米');
  });

  it('separates names of units printed with spaces between them on a line of units', () => {
    expect(text('责任单位：县水利局 县生态环境局')).toBe('责任单位：县水利局、县生态环境局');
    expect(text('配合单位：区城管局\u3000区交通局\u3000各街道办事处')).toBe(
      '配合单位：区城管局、区交通局、各街道办事处',
    );
    expect(text('责任单位：高新区 经开区 各镇')).toBe('责任单位：高新区、经开区、各镇');
    // Not before a further label, inside a name broken by a space, or on a line of text.
    expect(text('牵头单位：区环保局 配合单位：区住建局')).toBe('牵头单位：区环保局配合单位：区住建局');
    expect(text('责任单位：区住建局 完成时限：2023年底')).toBe('责任单位：区住建局完成时限：2023年底');
    expect(text('责任单位：惠济区 人民政府')).toBe('责任单位：惠济区人民政府');
    expect(text('协办单位:区城管局、区 中心办')).toBe('协办单位:区城管局、区中心办');
    expect(text('由县水利局 县生态环境局负责')).toBe('由县水利局县生态环境局负责');
  });
});

describe('a reprint and a sharing site', () => {
  it("drops pinyin glosses after characters, not a name's letters in brackets", () => {
    expect(text('(行業(yè)管理股牽頭)全區(qū)')).toBe('(行業管理股牽頭)全區');
    expect(text('挥发性有机物(VOCs)和细颗粒物(PM2.5)')).toBe('挥发性有机物(VOCs)和细颗粒物(PM2.5)');
  });

  it('reads the copyright line, the summary label and 下载本文档 as chrome, and drops 参考范文 after a title', () => {
    const lines = physicalLines(
      [
        '下載本文檔',
        '版權說明:本文檔由用戶提供并上傳,收益歸屬內容提供方',
        '文檔簡介',
        'XX區商務局2023年塑料污染治理工作實施方案參考范文',
      ].join('\n'),
    );
    expect(lines.map((l) => [l.text, !!l.chrome])).toEqual([
      ['下載本文檔', true],
      ['版權說明:本文檔由用戶提供并上傳,收益歸屬內容提供方', true],
      ['文檔簡介', true],
      ['XX區商務局2023年塑料污染治理工作實施方案', false],
    ]);
  });

  it('keeps a name a PDF broke at 城乡 whole among units parted by spaces', () => {
    expect(text('责任单位:住房城乡 建设厅 交通运输厅')).toBe('责任单位:住房城乡建设厅、交通运输厅');
  });
});
