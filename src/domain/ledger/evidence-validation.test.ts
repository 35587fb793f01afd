import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES, validateEvidence } from './evidence-validation';

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
