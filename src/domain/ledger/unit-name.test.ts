import { describe, expect, it } from 'vitest';
import { cleanUnitName, MAX_UNIT_NAME_LENGTH, validateUnitName } from './unit-name';

const TAKEN = ['区环保局', '区城管执法局', '区黄标办'];

describe('validateUnitName', () => {
  it('takes a new name, trimmed', () => {
    expect(validateUnitName('郑州市生态环境局惠济分局', TAKEN)).toEqual({ ok: true });
    expect(cleanUnitName('\u3000 区住建局\t\n')).toBe('区住建局');
  });

  it.each(['', '   ', '\u3000', '\t\n\u00a0\ufeff'])('refuses the blank name %j', (name) => {
    expect(validateUnitName(name, TAKEN)).toEqual({ ok: false, reason: 'required' });
  });

  it('counts characters, not UTF-16 units, up to the limit', () => {
    expect(validateUnitName('局'.repeat(MAX_UNIT_NAME_LENGTH))).toEqual({ ok: true });
    expect(validateUnitName(` ${'局'.repeat(MAX_UNIT_NAME_LENGTH)} `)).toEqual({ ok: true });
    expect(validateUnitName('局'.repeat(MAX_UNIT_NAME_LENGTH + 1))).toEqual({
      ok: false,
      reason: 'too_long',
    });
    // 𠀀 is one character in two UTF-16 units.
    expect(validateUnitName('𠀀'.repeat(MAX_UNIT_NAME_LENGTH))).toEqual({ ok: true });
  });

  it('refuses a name another unit goes by, in any width or spacing', () => {
    for (const name of ['区环保局', ' 区 环保局 ', '区\u3000黄标办']) {
      expect(validateUnitName(name, TAKEN)).toEqual({ ok: false, reason: 'already_exists' });
    }
    expect(validateUnitName('ＡＢＣ局', ['ABC局'])).toEqual({ ok: false, reason: 'already_exists' });
    expect(validateUnitName('区环保局')).toEqual({ ok: true });
  });
});
