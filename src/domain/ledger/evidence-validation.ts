// What may be attached as evidence (photos and files behind 已完成), and where a file is kept in
// Supabase Storage. The same rules stand as checks on public.evidence (migrations
// create_work_items and keep_evidence_in_storage); this copy tells the user before upload.
import type { Validation } from '../feature/feature-validation';

/** The types evidence may be, each with the extension its object in Storage gets. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
};
export const EVIDENCE_MIME_TYPES: readonly string[] = Object.keys(EVIDENCE_TYPES);
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

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OBJECT_PATH = new RegExp(`^(${UUID})/${UUID}\\.[a-z0-9]{1,8}$`);

/**
 * Where a file of an item is kept in the Storage bucket `evidence`: `<item_id>/<object_id>.<ext>`,
 * under the item's folder, which is what Storage's upload policy lets a member who acts on the
 * item write. `objectId` is a fresh lowercase UUID.
 */
export function evidencePath(itemId: string, objectId: string, mimeType: string): string {
  return `${itemId}/${objectId}.${EVIDENCE_TYPES[mimeType] ?? 'bin'}`;
}

/** The item whose folder an object path lies in, or null for a path of any other shape. */
export function evidencePathItem(path: string): string | null {
  return OBJECT_PATH.exec(path)?.[1] ?? null;
}

export type EvidencePathRefusal = 'bad_path' | 'other_item';

/** Whether `path` is a path of the item's evidence (private.evidence_path_verdict in SQL). */
export function validateEvidencePath(path: string, itemId: string): Validation<EvidencePathRefusal> {
  const item = evidencePathItem(path);
  if (item === null) return { ok: false, reason: 'bad_path' };
  if (item !== itemId.toLowerCase()) return { ok: false, reason: 'other_item' };
  return { ok: true };
}
