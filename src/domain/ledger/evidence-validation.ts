// What may be attached as evidence (photos and files behind 已完成). The same rules stand as
// checks on public.evidence (migration create_work_items); this copy tells the user before upload.
import type { Validation } from '../feature/feature-validation';

export const EVIDENCE_MIME_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
];
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** act_on_item takes at most this many files per action. */
export const MAX_EVIDENCE_FILES = 10;

export type EvidenceRefusal = 'bad_type' | 'too_large' | 'empty';

export function validateEvidence(file: {
  mime_type: string;
  size_bytes: number;
}): Validation<EvidenceRefusal> {
  if (!EVIDENCE_MIME_TYPES.includes(file.mime_type)) return { ok: false, reason: 'bad_type' };
  if (file.size_bytes < 1) return { ok: false, reason: 'empty' };
  if (file.size_bytes > MAX_EVIDENCE_BYTES) return { ok: false, reason: 'too_large' };
  return { ok: true };
}
