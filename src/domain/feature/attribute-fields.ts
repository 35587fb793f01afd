// A feature's attributes (features.properties) as form fields and back. Each value keeps its
// type: a number stays a number, yes/no stays a boolean, a list stays a list (typed with 、);
// values the form cannot edit (nested objects) pass through unchanged.
export type AttributeType = 'text' | 'number' | 'boolean' | 'list' | 'fixed';

export interface AttributeField {
  key: string;
  type: AttributeType;
  /** The value as typed: "true"/"false" for booleans; JSON for fixed values. */
  text: string;
}

export type AttributeProblem = 'empty_key' | 'duplicate_key' | 'not_a_number';

export type AttributesResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; reason: AttributeProblem; key: string };

export const LIST_SEPARATOR = '、';

function typeOf(value: unknown): AttributeType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'list';
  return 'fixed';
}

export function toFields(attributes: Record<string, unknown>): AttributeField[] {
  return Object.entries(attributes).map(([key, value]) => {
    const type = typeOf(value);
    const text =
      type === 'list'
        ? (value as string[]).join(LIST_SEPARATOR)
        : type === 'fixed'
          ? JSON.stringify(value)
          : String(value);
    return { key, type, text };
  });
}

function parseValue(field: AttributeField): unknown {
  switch (field.type) {
    case 'number':
      return Number(field.text.trim());
    case 'boolean':
      return field.text === 'true';
    case 'list':
      return field.text
        .split(/[、,，;；]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'fixed':
      return JSON.parse(field.text) as unknown;
    case 'text':
      return field.text.trim();
  }
}

export function fromFields(fields: AttributeField[]): AttributesResult {
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    const key = field.key.trim();
    if (!key) return { ok: false, reason: 'empty_key', key };
    if (key in value) return { ok: false, reason: 'duplicate_key', key };
    if (
      field.type === 'number' &&
      (field.text.trim() === '' || !Number.isFinite(Number(field.text.trim())))
    ) {
      return { ok: false, reason: 'not_a_number', key };
    }
    value[key] = parseValue(field);
  }
  return { ok: true, value };
}
