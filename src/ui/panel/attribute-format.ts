// Turns a feature's stored attributes into label/value text for the panel.
import { isMessageKey, type Translate } from '../../i18n/i18n';

/** The label of an attribute: its name in the catalogue when it has one, else the key itself. */
export function attributeLabel(key: string, t: Translate): string {
  const labelKey = `attr.${key}`;
  return isMessageKey(labelKey) ? t(labelKey) : key;
}

export function formatAttributes(attributes: Record<string, unknown>, t: Translate): [string, string][] {
  return Object.entries(attributes).map(([key, value]) => {
    const label = attributeLabel(key, t);
    let text: string;
    if (typeof value === 'boolean') text = t(value ? 'common.yes' : 'common.no');
    else if (Array.isArray(value)) text = value.map(String).join('、');
    else if (value === null || value === undefined) text = '—';
    else if (typeof value === 'object') text = JSON.stringify(value);
    else text = String(value);
    return [label, text];
  });
}
