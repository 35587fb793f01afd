import { describe, expect, it } from 'vitest';
import { pdfLines, type PdfTextItem } from './pdf-lines';

/** A text item of a 16 pt font on baseline y. */
const item = (str: string, y: number, hasEOL = false, size = 16): PdfTextItem => ({
  str,
  hasEOL,
  transform: [size, 0, 0, size, 72, y],
  width: [...str].length * size,
});

describe('pdfLines', () => {
  it('joins the items of one baseline into one line', () => {
    expect(pdfLines([[item('牵头单位：', 700), item('区住建局', 700), item('、区环保局', 700.4)]])).toEqual([
      '牵头单位：区住建局、区环保局',
    ]);
  });

  it('starts a new line where the baseline moves, up or down', () => {
    const page = [item('一、工作目标', 700), item('全区PM2.5平均浓度', 676), item('二、重点任务', 652)];
    expect(pdfLines([page])).toEqual(['一、工作目标', '全区PM2.5平均浓度', '二、重点任务']);
    // A second column or a footer drawn before the body still breaks the line.
    expect(pdfLines([[item('正文', 400), item('— 1 —', 40), item('下文', 400)]])).toEqual([
      '正文',
      '— 1 —',
      '下文',
    ]);
  });

  it('keeps sub- and superscripts on their line', () => {
    expect(pdfLines([[item('不高于55微克/立方米', 700), item('3', 705, false, 9), item('。', 700)]])).toEqual(
      ['不高于55微克/立方米3。'],
    );
  });

  it('ends a line where pdf.js marks one, even on the same baseline', () => {
    const page = [item('1.散煤清零。', 700, true), item('牵头单位：区发改统计局', 700), item('', 700, true)];
    expect(pdfLines([page])).toEqual(['1.散煤清零。', '牵头单位：区发改统计局']);
  });

  it('reads pages in order, a line never running from one page into the next', () => {
    const pages = [[item('第一页末行', 60)], [], [item('第三页首行', 60), item('', 60, true)]];
    expect(pdfLines(pages)).toEqual(['第一页末行', '第三页首行']);
  });

  it('keeps the spaces pdf.js puts inside a line, not around it, and skips blank lines', () => {
    const page = [
      item('  ', 700, true),
      item('惠政办', 676),
      item(' ', 676),
      item('〔2026〕31号 ', 676, true),
    ];
    expect(pdfLines([page])).toEqual(['惠政办 〔2026〕31号']);
    expect(pdfLines([[], [item(' ', 10, true)]])).toEqual([]);
  });

  it('reads Kangxi radicals and compatibility ideographs as the ideographs they look like', () => {
    // ⽅ U+2F45, ⼯ U+2F2F, 豈 U+F900; full-width punctuation and ⺌ (no ideograph) stay.
    expect(pdfLines([[item('专项整治\u2F45案（\u2F2F地）\uF900\u2E8C', 700)]])).toEqual([
      '专项整治方案（工地）豈\u2E8C',
    ]);
  });
});
