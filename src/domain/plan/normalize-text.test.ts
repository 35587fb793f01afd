import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';

const raw = (line: string) => physicalLines(line)[0]!.raw;

describe('physicalLines', () => {
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
});
