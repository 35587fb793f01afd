import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_MIME_TYPES,
  MAX_EVIDENCE_BYTES,
  evidencePath,
  evidencePathItem,
  validateEvidence,
  validateEvidencePath,
} from './evidence-validation';

const ITEM = '0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const OBJECT = '7b0c2a4e-0f6d-4f7e-9a51-2d8f3c1e5b01';

describe('validateEvidence', () => {
  it('accepts photos, PDFs and office files up to 10 MB', () => {
    expect(validateEvidence({ mime_type: 'image/jpeg', size_bytes: 1 })).toEqual({ ok: true });
    expect(validateEvidence({ mime_type: 'application/pdf', size_bytes: MAX_EVIDENCE_BYTES })).toEqual({
      ok: true,
    });
  });
  it('refuses other types, empty files and files over 10 MB, with a reason', () => {
    expect(validateEvidence({ mime_type: 'application/x-msdownload', size_bytes: 10 })).toEqual({
      ok: false,
      reason: 'bad_type',
    });
    expect(validateEvidence({ mime_type: 'image/png', size_bytes: 0 })).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(validateEvidence({ mime_type: 'image/png', size_bytes: MAX_EVIDENCE_BYTES + 1 })).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });
});

describe('evidence paths in Storage', () => {
  it('puts every type of file under its item, with its extension', () => {
    expect(evidencePath(ITEM, OBJECT, 'image/jpeg')).toBe(`${ITEM}/${OBJECT}.jpg`);
    expect(evidencePath(ITEM, OBJECT, 'application/pdf')).toBe(`${ITEM}/${OBJECT}.pdf`);
    for (const mime of EVIDENCE_MIME_TYPES) {
      const path = evidencePath(ITEM, OBJECT, mime);
      expect(validateEvidencePath(path, ITEM), path).toEqual({ ok: true });
      expect(evidencePathItem(path)).toBe(ITEM);
    }
  });
  it('refuses a path of another shape or under another item, with a reason', () => {
    const other = 'a1b2c3d4-0000-4000-8000-000000000001';
    expect(validateEvidencePath(`${other}/${OBJECT}.png`, ITEM)).toEqual({ ok: false, reason: 'other_item' });
    for (const path of [
      `${ITEM}/photo.png`,
      `${ITEM}/${OBJECT}`,
      `${ITEM}/${OBJECT}.PNG`,
      `${ITEM}/sub/${OBJECT}.png`,
      `${ITEM.toUpperCase()}/${OBJECT}.png`,
      `../${ITEM}/${OBJECT}.png`,
      `${ITEM}/${OBJECT}.png/`,
    ]) {
      expect(validateEvidencePath(path, ITEM), path).toEqual({ ok: false, reason: 'bad_path' });
      expect(evidencePathItem(path), path).toBeNull();
    }
  });
});
