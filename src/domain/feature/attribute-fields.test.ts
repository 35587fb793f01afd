import { describe, expect, it } from 'vitest';
import { fromFields, toFields } from './attribute-fields';

const stored = {
  code: '1324A',
  level: '国控',
  control_point: true,
  area_m2: 1200.5,
  restricted: ['渣土车', '商砼车'],
  boundary: { source: 'osm', id: 42 },
};

describe('attribute fields', () => {
  it('round-trips every kind of value unchanged', () => {
    expect(fromFields(toFields(stored))).toEqual({ ok: true, value: stored });
  });

  it('keeps types when values are edited as text', () => {
    const fields = toFields(stored).map((f) =>
      f.key === 'area_m2'
        ? { ...f, text: ' 980 ' }
        : f.key === 'restricted'
          ? { ...f, text: '渣土车，商砼车、 柴油货车' }
          : f.key === 'control_point'
            ? { ...f, text: 'false' }
            : f,
    );
    const result = fromFields([...fields, { key: ' 联系人 ', type: 'text', text: ' 张三 ' }]);
    expect(result).toEqual({
      ok: true,
      value: {
        ...stored,
        area_m2: 980,
        restricted: ['渣土车', '商砼车', '柴油货车'],
        control_point: false,
        联系人: '张三',
      },
    });
  });

  it('names the field of an empty key, a repeated key and a number that is not one', () => {
    expect(fromFields([{ key: '  ', type: 'text', text: 'x' }])).toMatchObject({
      ok: false,
      reason: 'empty_key',
    });
    expect(
      fromFields([
        { key: 'code', type: 'text', text: 'a' },
        { key: 'code ', type: 'text', text: 'b' },
      ]),
    ).toEqual({ ok: false, reason: 'duplicate_key', key: 'code' });
    for (const text of ['', '十二', '12a'])
      expect(fromFields([{ key: 'seats', type: 'number', text }])).toEqual({
        ok: false,
        reason: 'not_a_number',
        key: 'seats',
      });
  });
});
