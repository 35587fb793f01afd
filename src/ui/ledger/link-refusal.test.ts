import { describe, expect, it } from 'vitest';
import { BackendError } from '../../data/backend';
import { translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { linkRefusalText } from './link-refusal';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

const outside = (featureDistrict: { code: string; name: string } | null) =>
  new BackendError('outside_plan_district', 'outside_plan_district', {
    feature: { id: 'mine-SB001', name: '送表一矿' },
    feature_district: featureDistrict,
    plan_district: { code: '410108', name: '惠济区' },
  });

describe('linkRefusalText', () => {
  it('names the district the feature lies in and the plan’s district', () => {
    expect(linkRefusalText(outside({ code: '410185', name: '登封市' }), zh)).toBe(
      '关联失败：“送表一矿”位于登封市，不在本方案所属的惠济区范围内，不能关联',
    );
    expect(linkRefusalText(outside({ code: '410185', name: 'Dengfeng' }), en)).toBe(
      "Could not link: “送表一矿” lies in Dengfeng, outside the plan's district, 惠济区, and cannot be linked",
    );
  });

  it('says only the plan’s district when the feature lies in none of the districts', () => {
    expect(linkRefusalText(outside(null), zh)).toBe(
      '关联失败：“送表一矿”不在本方案所属的惠济区范围内，不能关联',
    );
  });

  it('falls back to the message of any other refusal', () => {
    expect(linkRefusalText(new BackendError('permission_denied', 'permission_denied'), zh)).toBe(
      '关联失败：当前身份没有权限执行此操作',
    );
  });
});
