// The main text of Word 97 documents built byte by byte: one UTF-16 piece, no paragraph properties
// (.doc files that LibreOffice wrote are read in src/ui/plans/word-file.test.ts).
import { describe, expect, it } from 'vitest';
import { word97Text } from './word97-text';

const TEXT_AT = 1024;

/** A WordDocument stream holding `text` (the first `ccpText` characters the main document) and its 1Table. */
function document(text: string, ccpText = text.length, flags = 0x0200) {
  const word = new Uint8Array(TEXT_AT + text.length * 2);
  const fib = new DataView(word.buffer);
  fib.setUint16(0, 0xa5ec, true);
  fib.setUint16(2, 0xc1, true);
  fib.setUint16(0x0a, flags, true);
  fib.setUint16(32, 14, true); // csw
  fib.setUint16(62, 22, true); // cslw
  fib.setInt32(64 + 3 * 4, ccpText, true);
  fib.setUint16(152, 93, true); // cbRgFcLcb
  const clx = new Uint8Array(5 + 2 * 4 + 8);
  const table = new DataView(clx.buffer);
  clx[0] = 0x02;
  table.setUint32(1, clx.length - 5, true);
  table.setUint32(9, text.length, true);
  table.setUint32(13 + 2, TEXT_AT, true);
  fib.setUint32(154 + 33 * 8 + 4, clx.length, true);
  [...text].forEach((c, i) => fib.setUint16(TEXT_AT + i * 2, c.charCodeAt(0), true));
  return word97Text(word, (name) => (name === '1Table' ? clx : null));
}

const read = (text: string, ccpText?: number) => {
  const result = document(text, ccpText);
  return result.ok ? result.text : result.reason;
};

describe('word97Text', () => {
  it('gives paragraphs, line, page and column breaks as lines, blank ones dropped', () => {
    expect(read('一、总体要求\r\r（一）目标\x0b全年\x0c二、任务\x0e续\r')).toBe(
      '一、总体要求\n（一）目标\n全年\n二、任务\n续',
    );
  });

  it('keeps a field’s result and drops its code, however nested; a field without a result is nothing', () => {
    expect(read('见\x13 HYPERLINK "http://a.cn/" \x14区政府网站\x15。\r')).toBe('见区政府网站。');
    expect(read('第\x13 IF \x13 PAGE \x142\x15 > 1 "续" \x14续\x15页\r')).toBe('第续页');
    expect(read('散煤\x13 XE "散煤" \x15清零\r')).toBe('散煤清零');
  });

  it('drops anchors of pictures, objects, notes and comments and optional hyphens', () => {
    expect(read('图\x01示\x08例\x02注\x05释\x1f，0371\x1e63690000\r')).toBe('图示例注释，0371-63690000');
  });

  it('reads only the main document, not the notes and headers after it', () => {
    expect(read('正文\r脚注\r页眉\r', 3)).toBe('正文');
  });

  it('refuses encrypted and obfuscated files', () => {
    expect(document('正文\r', 3, 0x0200 | 0x0100)).toEqual({ ok: false, reason: 'encrypted' });
    expect(document('正文\r', 3, 0x0200 | 0x8000)).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('throws when the piece table or the text is missing', () => {
    expect(() => document('正文\r', 3, 0)).toThrow(RangeError); // its 0Table is not there
    expect(() => read('正文\r', 40)).toThrow(RangeError);
  });
});
