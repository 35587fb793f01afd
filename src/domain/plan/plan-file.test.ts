import { describe, expect, it } from 'vitest';
import { decodePlanText } from './plan-file';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodePlanText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodePlanText(utf8('一、总体要求\n'))).toEqual({
      ok: true,
      text: '一、总体要求\n',
      encoding: 'utf-8',
    });
    expect(decodePlanText(utf8('\uFEFF二、主要任务'))).toMatchObject({ ok: true, text: '二、主要任务' });
  });

  it('reads GB18030 (GBK) text, as older government files are saved', () => {
    // "一、总体要求" in GBK.
    const gbk = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3]);
    expect(decodePlanText(gbk)).toEqual({ ok: true, text: '一、总体要求', encoding: 'gb18030' });
  });

  it('refuses empty and binary files with a reason', () => {
    expect(decodePlanText(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodePlanText(utf8(' \n\t '))).toEqual({ ok: false, reason: 'empty' });
    // The start of a .docx (a zip) and of a PNG.
    expect(decodePlanText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
    expect(decodePlanText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
  });
});
