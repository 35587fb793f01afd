// Why linking a feature to a task was refused, in words, for both ways of linking (搜索关联 in the
// ledger and 地图选取 on the map): a feature outside the plan's district names both districts.
import type { BackendError } from '../../data/backend';
import { outsidePlanDistrictOf } from '../../data/ledger/ledger';
import type { Translate } from '../../i18n/i18n';

export function linkRefusalText(error: BackendError, t: Translate): string {
  const outside = outsidePlanDistrictOf(error);
  const reason = !outside
    ? t(`error.${error.code}`, { message: error.message })
    : outside.feature_district
      ? t('ledger.link.outsideIn', {
          feature: outside.feature.name,
          featureDistrict: outside.feature_district.name,
          district: outside.plan_district.name,
        })
      : t('ledger.link.outside', { feature: outside.feature.name, district: outside.plan_district.name });
  return t('ledger.link.failed', { reason });
}
