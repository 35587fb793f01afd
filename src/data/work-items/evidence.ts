// Evidence files on either backend. The embedded database keeps a file's bytes in
// public.evidence (sent base64 in act_on_item); on Supabase each file is uploaded to Storage first
// and act_on_item records its path. Uploads that no evidence row took are removed again.
import { evidencePath } from '../../domain/ledger/evidence-validation';
import type { EvidenceDraft, EvidenceFile, EvidenceUpload } from '../../domain/ledger/types';
import { BackendError, type Backend, type EvidenceStore } from '../backend';

/** A stored file ready to show or save. */
export interface EvidenceContent {
  id: string;
  file_name: string;
  mime_type: string;
  blob: Blob;
}

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function inDatabase({ blob, ...fields }: EvidenceDraft): Promise<EvidenceUpload> {
  return { ...fields, content_base64: toBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/**
 * Calls `send` with the drafts as act_on_item takes them. With a store, every file is uploaded
 * under the item's folder first; if an upload or `send` fails, the uploads are removed again.
 * Storage's delete policy keeps every file an evidence row holds, so a call that did store them
 * (its answer lost on the way back) loses nothing.
 */
export async function withEvidence<T>(
  backend: Backend,
  itemId: string,
  drafts: readonly EvidenceDraft[],
  send: (evidence: EvidenceUpload[]) => Promise<T>,
): Promise<T> {
  const store = backend.evidenceStore;
  if (!store || drafts.length === 0) return send(await Promise.all(drafts.map(inDatabase)));
  const paths = drafts.map((d) => evidencePath(itemId, crypto.randomUUID(), d.mime_type));
  try {
    await uploadAll(store, drafts, paths);
    return await send(
      drafts.map(({ blob, ...fields }, i) => ({ ...fields, storage_path: paths[i]!, size_bytes: blob.size })),
    );
  } catch (error) {
    // The caller hears of the first failure, not of a failed clean-up.
    await store.remove(paths).catch(() => undefined);
    throw error;
  }
}

/** Uploads every file, waiting for all of them to settle before the first failure is thrown. */
async function uploadAll(store: EvidenceStore, drafts: readonly EvidenceDraft[], paths: string[]) {
  const settled = await Promise.allSettled(
    drafts.map((d, i) => store.upload(paths[i]!, d.blob, d.mime_type)),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The file of an evidence_file answer: decoded from base64, or downloaded from Storage. */
export async function evidenceContent(backend: Backend, file: EvidenceFile): Promise<EvidenceContent> {
  const { id, file_name, mime_type } = file;
  if (file.storage_path === null) {
    return {
      id,
      file_name,
      mime_type,
      blob: new Blob([fromBase64(file.content_base64)], { type: mime_type }),
    };
  }
  if (!backend.evidenceStore) {
    throw new BackendError(
      'not_found',
      `evidence ${id} is kept in Supabase Storage, which this backend lacks`,
    );
  }
  return { id, file_name, mime_type, blob: await backend.evidenceStore.download(file.storage_path) };
}
