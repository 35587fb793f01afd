// What makes a value safe to put into a spreadsheet cell. Task titles, notes and unit names are
// typed by users, so a note like `=HYPERLINK(...)` or `@SUM(...)` must never become a formula
// (OWASP "CSV injection"), and a stray control character must never make the file unreadable.
import type { CellValue } from './spreadsheet';

export type CellSafetyReason =
  /** Began with a character that starts a formula: prefixed with `'`. */
  | 'formula_trigger'
  /** Held characters XML 1.0 forbids (or discourages): removed. */
  | 'illegal_xml_char'
  /** Longer than a cell may hold: cut. */
  | 'too_long'
  /** NaN or ±Infinity: left empty. */
  | 'not_finite'
  /** An invalid Date: left empty. */
  | 'invalid_date';

export interface SafeCellValue {
  value: CellValue;
  reasons: CellSafetyReason[];
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

// OWASP's list (= + - @ tab CR) plus the full-width forms, which spreadsheet programs with
// Chinese input methods may also take as the start of a formula.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

// C0 controls other than tab, LF and CR, DEL and C1 controls, lone surrogates, U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ILLEGAL_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|\p{Cs}/gu;

export function safeText(text: string): { text: string; reasons: CellSafetyReason[] } {
  const reasons: CellSafetyReason[] = [];
  let out = text.replace(ILLEGAL_XML, '');
  if (out !== text) reasons.push('illegal_xml_char');
  // Checked after stripping: "\u0000=1+1" must not turn into a live "=1+1".
  if (FORMULA_TRIGGERS.has(out.charAt(0))) {
    out = `'${out}`;
    reasons.push('formula_trigger');
  }
  if (out.length > MAX_CELL_TEXT) {
    out = truncate(out, MAX_CELL_TEXT);
    reasons.push('too_long');
  }
  return { text: out, reasons };
}

export function safeCellValue(value: CellValue): SafeCellValue {
  if (typeof value === 'string') {
    const { text, reasons } = safeText(value);
    return { value: text, reasons };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { value: null, reasons: ['not_finite'] };
  if (value instanceof Date && Number.isNaN(value.getTime()))
    return { value: null, reasons: ['invalid_date'] };
  return { value, reasons: [] };
}

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * Sheet names Excel accepts: without []:*?/\ or control characters, not starting or ending with
 * an apostrophe, at most 31 characters, unique regardless of case, never empty.
 */
export function safeSheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const cleaned = name.replace(ILLEGAL_XML, '').replace(/[[\]:*?/\\]/g, '_');
    const base = sheetNameWithin(cleaned, MAX_SHEET_NAME) || `Sheet${i + 1}`;
    let unique = base;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      unique = sheetNameWithin(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(unique.toLowerCase());
    return unique;
  });
}

// Trimmed after cutting, so the cut never leaves an apostrophe or a space at the end.
function sheetNameWithin(name: string, max: number): string {
  return truncate(name.trim(), max).replace(/^['\s]+|['\s]+$/g, '');
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}
