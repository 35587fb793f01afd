// Evidence on the embedded backend: the bytes travel base64-encoded inside act_on_item and come
// back from evidence_file the same; a file kept in Storage cannot be read without it.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import type { RpcArgs, RpcName } from '../rpc';
import { actOnItem, getEvidenceFile } from './work-items';

/** An embedded-like backend (no evidence store) that records calls and answers from `answers`. */
function recordingBackend(answers: Partial<Record<RpcName, unknown>>) {
  const calls: { name: RpcName; args: unknown }[] = [];
  const backend = {
    mode: 'embedded',
    ready: async () => undefined,
    onProgress: () => () => undefined,
    call: async <N extends RpcName>(name: N, args: RpcArgs<N>) => {
      calls.push({ name, args });
      return answers[name];
    },
  } as Backend;
  return { backend, calls };
}

// Larger than one chunk of the base64 encoder, with every byte value.
const BYTES = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);

describe('evidence on the embedded backend', () => {
  it('sends each file base64-encoded in act_on_item', async () => {
    const { backend, calls } = recordingBackend({ act_on_item: { id: 'i1' } });
    await actOnItem(backend, {
      item_id: 'i1',
      action: 'complete',
      base_version: 2,
      evidence: [
        { file_name: 'a.png', mime_type: 'image/png', blob: new Blob([BYTES]), lon: 113.5, lat: 34.8 },
      ],
    });
    expect(calls).toHaveLength(1);
    const [file] = (calls[0]!.args as RpcArgs<'act_on_item'>).evidence!;
    expect(file).toEqual({
      file_name: 'a.png',
      mime_type: 'image/png',
      lon: 113.5,
      lat: 34.8,
      content_base64: Buffer.from(BYTES).toString('base64'),
    });
  });

  it('decodes a file evidence_file returns with its bytes', async () => {
    const { backend } = recordingBackend({
      evidence_file: {
        id: 'e1',
        file_name: 'a.png',
        mime_type: 'image/png',
        content_base64: Buffer.from(BYTES).toString('base64'),
        storage_path: null,
      },
    });
    const file = await getEvidenceFile(backend, 'e1');
    expect(file!.blob.type).toBe('image/png');
    expect(Buffer.from(await file!.blob.arrayBuffer()).equals(BYTES)).toBe(true);
  });

  it('says not_found for a file kept in Storage, and null for one out of reach', async () => {
    const { backend } = recordingBackend({
      evidence_file: {
        id: 'e1',
        file_name: 'a.png',
        mime_type: 'image/png',
        content_base64: null,
        storage_path: 'x/y.png',
      },
    });
    await expect(getEvidenceFile(backend, 'e1')).rejects.toMatchObject({ code: 'not_found' });
    expect(await getEvidenceFile(recordingBackend({ evidence_file: null }).backend, 'e2')).toBeNull();
  });
});
