import { describe, expect, it } from 'vitest';
import { MAX_CELL_TEXT, MAX_SHEET_NAME, safeCellValue, safeSheetNames, safeText } from './safe-cell';

describe('safeText', () => {
  it.each(['加强扬尘污染治理', '12 加强扬尘污染治理', 'a=b', '1-2月', "'quoted", ' =1+1', '', 'x\ty\nz\r'])(
    'leaves harmless text alone: %j',
    (text) => {
      expect(safeText(text)).toEqual({ text, reasons: [] });
    },
  );

  describe('formula_trigger', () => {
    it.each([
      ['=1+1'],
      ['+86 371 1234'],
      ['-2+3'],
      ['@SUM(A1:A2)'],
      ['\t=cmd'],
      ['\r=cmd'],
      ['＝1+1'],
      ['＋1'],
      ['－1'],
      ['＠SUM(A1)'],
      ['=HYPERLINK("http://evil.example","点击")'],
    ])('prefixes %j with an apostrophe', (text) => {
      expect(safeText(text)).toEqual({ text: `'${text}`, reasons: ['formula_trigger'] });
    });
  });

  describe('illegal_xml_char', () => {
    it.each([
      ['NUL', 'a\u0000b'],
      ['BEL', 'a\u0007b'],
      ['vertical tab', 'a\u000Bb'],
      ['form feed', 'a\u000Cb'],
      ['escape', 'a\u001Bb'],
      ['DEL', 'a\u007Fb'],
      ['C1 control', 'a\u0085\u009Fb'],
      ['lone high surrogate', 'a\uD83Db'],
      ['lone low surrogate', 'a\uDE00b'],
      ['U+FFFE', 'a\uFFFEb'],
      ['U+FFFF', 'a\uFFFFb'],
    ])('strips %s', (_name, text) => {
      expect(safeText(text)).toEqual({ text: 'ab', reasons: ['illegal_xml_char'] });
    });

    it('keeps characters outside the BMP (surrogate pairs)', () => {
      expect(safeText('𠀋 ok 😀')).toEqual({ text: '𠀋 ok 😀', reasons: [] });
    });

    it('strips before looking for a formula trigger', () => {
      expect(safeText('\u0000=1+1')).toEqual({
        text: "'=1+1",
        reasons: ['illegal_xml_char', 'formula_trigger'],
      });
    });
  });

  describe('too_long', () => {
    it('cuts to the cell limit', () => {
      const { text, reasons } = safeText('字'.repeat(MAX_CELL_TEXT + 5));
      expect(reasons).toEqual(['too_long']);
      expect(text).toBe('字'.repeat(MAX_CELL_TEXT));
    });

    it('counts the apostrophe prefix', () => {
      const { text, reasons } = safeText(`=${'a'.repeat(MAX_CELL_TEXT)}`);
      expect(reasons).toEqual(['formula_trigger', 'too_long']);
      expect(text.length).toBe(MAX_CELL_TEXT);
      expect(text.startsWith("'=")).toBe(true);
    });

    it('never splits a surrogate pair', () => {
      const { text } = safeText(`${'a'.repeat(MAX_CELL_TEXT - 1)}😀`);
      expect(text).toBe('a'.repeat(MAX_CELL_TEXT - 1));
    });

    it('accepts text exactly at the limit', () => {
      expect(safeText('a'.repeat(MAX_CELL_TEXT)).reasons).toEqual([]);
    });
  });
});

describe('safeCellValue', () => {
  it('makes strings safe', () => {
    expect(safeCellValue('=1+1')).toEqual({ value: "'=1+1", reasons: ['formula_trigger'] });
  });

  it.each([[0], [-3], [12.5]])('keeps the number %d', (n) => {
    expect(safeCellValue(n)).toEqual({ value: n, reasons: [] });
  });

  it('keeps dates and nulls', () => {
    const date = new Date('2026-11-20T06:30:00Z');
    expect(safeCellValue(date)).toEqual({ value: date, reasons: [] });
    expect(safeCellValue(null)).toEqual({ value: null, reasons: [] });
  });

  it.each([[NaN], [Infinity], [-Infinity]])('not_finite: empties %d', (n) => {
    expect(safeCellValue(n)).toEqual({ value: null, reasons: ['not_finite'] });
  });

  it('invalid_date: empties an invalid Date', () => {
    expect(safeCellValue(new Date('not a date'))).toEqual({ value: null, reasons: ['invalid_date'] });
  });
});

describe('safeSheetNames', () => {
  it('keeps valid names', () => {
    expect(safeSheetNames(['台账', '金水区 第47周'])).toEqual(['台账', '金水区 第47周']);
  });

  it('replaces characters Excel forbids and strips control characters', () => {
    expect(safeSheetNames(['a[b]c:d*e?f/g\\h\u0007'])).toEqual(['a_b_c_d_e_f_g_h']);
  });

  it('drops apostrophes and spaces at the ends', () => {
    expect(safeSheetNames(["  'report'  "])).toEqual(['report']);
  });

  it(`cuts to ${MAX_SHEET_NAME} characters`, () => {
    const [name] = safeSheetNames(['周'.repeat(40)]);
    expect(name).toBe('周'.repeat(MAX_SHEET_NAME));
  });

  it('names empty sheets by position', () => {
    expect(safeSheetNames(['台账', '', "'''"])).toEqual(['台账', 'Sheet2', 'Sheet3']);
  });

  it('makes names unique regardless of case, within the length limit', () => {
    const long = 'x'.repeat(40);
    expect(safeSheetNames(['Report', 'report', 'REPORT', long, long])).toEqual([
      'Report',
      'report (2)',
      'REPORT (3)',
      'x'.repeat(MAX_SHEET_NAME),
      `${'x'.repeat(MAX_SHEET_NAME - 4)} (2)`,
    ]);
  });
});
