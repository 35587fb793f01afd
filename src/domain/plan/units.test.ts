import { describe, expect, it } from 'vitest';
import { classifyUnit, expandGroup, unitKey } from './units';

describe('classifyUnit', () => {
  it.each([
    ['区环保局', 'department'],
    ['市公安局长兴路分局', 'department'],
    ['交警四中队', 'department'],
    ['区新型城镇化办公室', 'department'],
    ['东回舍镇', 'township'],
    ['大吾乡', 'township'],
    ['高寨街道办事处', 'township'],
    ['城关镇人民政府', 'township'],
    ['各镇（街道）', 'group'],
    ['各镇(街道)', 'group'],
    ['相关镇(街道)', 'group'],
    ['各行政村', 'group'],
    ['矿区各行政村', 'group'],
    ['各县（区）人民政府', 'group'],
    ['县(市、区)政府', 'group'],
    ['区大气污染防治工作领导小组各成员单位', 'group'],
    ['东送表村', 'village'],
    ['王各庄村', 'village'],
    ['矿区西送表村', 'village'],
    ['登封市宏昌水泥有限公司', 'enterprise'],
  ] as const)('%s is a %s', (name, kind) => {
    expect(classifyUnit(name)).toBe(kind);
  });
});

describe('unitKey', () => {
  it('ignores full/half-width parentheses and spaces', () => {
    expect(unitKey('各镇（街道）')).toBe(unitKey('各镇(街道)'));
    expect(unitKey(' 区 环保局 ')).toBe(unitKey('区环保局'));
    expect(unitKey('区环保局')).toBe('区环保局');
  });

  it('does not merge aliases by itself', () => {
    expect(unitKey('区环保局')).not.toBe(unitKey('区生态环境局'));
  });

  it('merges the aliases a user gave', () => {
    const aliases = { 区环保局: '区生态环境局', '区城管局 ': '区城市管理局' };
    expect(unitKey('区环保局', aliases)).toBe(unitKey('区生态环境局'));
    expect(unitKey('区城管局', aliases)).toBe('区城市管理局');
    expect(unitKey('区住建局', aliases)).toBe('区住建局');
  });
});

describe('expandGroup', () => {
  const townships = ['古荥镇', '花园口镇', '新城街道', '刘寨街道办事处', '大河村'];

  it.each(['各镇（街道）', '各镇(街道)', '各镇街区', '各乡镇、街道'])(
    '%s stands for all townships',
    (name) => {
      expect(expandGroup(name, townships)).toEqual({
        kind: 'all',
        townships: ['古荥镇', '花园口镇', '新城街道', '刘寨街道办事处'],
      });
    },
  );

  it('各街道办事处 and 各乡镇 stand for their own kind only', () => {
    expect(expandGroup('各街道办事处', townships)).toEqual({
      kind: 'all',
      townships: ['新城街道', '刘寨街道办事处'],
    });
    expect(expandGroup('各乡镇人民政府', townships)).toEqual({
      kind: 'all',
      townships: ['古荥镇', '花园口镇'],
    });
  });

  it('相关镇(街道) is unknown until a user picks', () => {
    expect(expandGroup('相关镇(街道)', townships)).toEqual({
      kind: 'pick',
      candidates: ['古荥镇', '花园口镇', '新城街道', '刘寨街道办事处'],
    });
    expect(expandGroup('相关街道办事处', townships)).toMatchObject({ kind: 'pick' });
  });

  it('does not expand other groups or single units', () => {
    expect(expandGroup('各行政村', townships)).toEqual({ kind: 'none' });
    expect(expandGroup('各县（区）人民政府', townships)).toEqual({ kind: 'none' });
    expect(expandGroup('古荥镇', townships)).toEqual({ kind: 'none' });
  });
});
