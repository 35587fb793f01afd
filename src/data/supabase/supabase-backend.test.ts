// The Supabase adapter speaks PostgREST's rpc protocol: POST /rest/v1/rpc/<function> with the
// arguments as a JSON object and the anon key, and maps PostgREST errors to the same codes as the
// embedded adapter. Evidence files go to Storage (/storage/v1/object/evidence/...) before the rpc
// that records them. A local fetch stands in for the network (no Supabase project is reachable here).
import { beforeAll, describe, expect, it } from 'vitest';
import { evidencePathItem } from '../../domain/ledger/evidence-validation';
import { actOnItem, getEvidenceFile } from '../work-items/work-items';
import { createSupabaseBackend } from './supabase-backend';

// supabase-js wants a WebSocket class for Realtime (unused here); Node 20 has none.
beforeAll(() => {
  if (!('WebSocket' in globalThis)) {
    Object.assign(globalThis, { WebSocket: class {} });
  }
});

interface Seen {
  url: string;
  method: string;
  body: unknown;
  apikey: string | null;
}

/** A canned answer: status and JSON body, or raw bytes for a download. */
type Answer = { status: number; json?: unknown; bytes?: Uint8Array<ArrayBuffer> };

/** Records every request; `answer` decides the response from the request. */
function fakeFetch(answer: (request: Request) => Answer, seen: Seen[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const type = request.headers.get('content-type') ?? '';
    const body = type.startsWith('multipart/form-data')
      ? Object.fromEntries(await request.clone().formData())
      : request.method === 'POST' || request.method === 'DELETE'
        ? await request.clone().json()
        : null;
    seen.push({ url: request.url, method: request.method, body, apikey: request.headers.get('apikey') });
    const { status, json, bytes } = answer(request);
    return bytes
      ? new Response(bytes, { status, headers: { 'content-type': 'image/png' } })
      : new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  };
}

const always = (status: number, json: unknown) => () => ({ status, json });
const URL_BASE = 'https://example.supabase.co';

describe('supabase backend', () => {
  it('calls the SQL function through PostgREST rpc with named arguments', async () => {
    const seen: Seen[] = [];
    const answer = { type: 'FeatureCollection', query: '新华旅馆', features: [] };
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(always(200, answer), seen),
    });
    expect(backend.mode).toBe('supabase');
    await expect(backend.call('search_features', { q: '新华旅馆' })).resolves.toEqual(answer);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      url: `${URL_BASE}/rest/v1/rpc/search_features`,
      method: 'POST',
      body: { q: '新华旅馆' },
      apikey: 'anon-key',
    });
  });

  it('maps a PostgREST error to the shared error codes', async () => {
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(
        always(400, { code: '22023', message: 'invalid_bbox', details: null, hint: null }),
        [],
      ),
    });
    await expect(
      backend.call('features_in_view', { min_lon: 2, min_lat: 0, max_lon: 1, max_lat: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_bbox' });
    const denied = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(
        always(401, { code: '42501', message: 'permission denied for function feature_detail' }),
        [],
      ),
    });
    await expect(denied.call('feature_detail', { feature_id: 'station-1324A' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
  });
});

describe('supabase backend: evidence in Storage', () => {
  const ITEM = '0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
  const UPLOAD = `${URL_BASE}/storage/v1/object/evidence/`;
  const RPC = `${URL_BASE}/rest/v1/rpc/act_on_item`;
  const photo = {
    file_name: '整改后.jpg',
    mime_type: 'image/jpeg',
    blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }),
    taken_at: '2026-11-20T01:30:00.000Z',
    lon: 113.55,
    lat: 34.85,
  };
  // A PDF whose Blob carries no type: the upload must still be typed as the evidence says.
  const report = { file_name: '验收单.pdf', mime_type: 'application/pdf', blob: new Blob(['%PDF-1.7']) };
  const args = {
    item_id: ITEM,
    action: 'complete' as const,
    base_version: 3,
    note: '整改完成',
    evidence: [photo, report],
  };

  /** Storage accepts uploads and deletes; the rpc answers `rpc`; an upload whose path matches `refuse` is refused. */
  function storage(rpc: Answer, refuse?: RegExp) {
    return (request: Request): Answer => {
      if (request.url === RPC) return rpc;
      if (request.method === 'POST' && refuse?.test(request.url))
        return {
          status: 400,
          json: {
            statusCode: '403',
            error: 'Unauthorized',
            message: 'new row violates row-level security policy',
          },
        };
      if (request.method === 'POST')
        return { status: 200, json: { Key: request.url.slice(UPLOAD.length - 9), Id: 'x' } };
      if (request.method === 'DELETE') return { status: 200, json: [] };
      throw new Error(`unexpected ${request.method} ${request.url}`);
    };
  }

  it('uploads each file under the item, then calls act_on_item with their storage paths', async () => {
    const seen: Seen[] = [];
    const item = { id: ITEM, status: 'done', version: 4 };
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(storage({ status: 200, json: item }), seen),
    });
    await expect(actOnItem(backend, args)).resolves.toEqual(item);

    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST']);
    const uploads = seen.slice(0, 2);
    const paths = uploads.map((u) => u.url.slice(UPLOAD.length));
    for (const [i, u] of uploads.entries()) {
      expect(u.url.startsWith(UPLOAD)).toBe(true);
      expect(evidencePathItem(paths[i]!)).toBe(ITEM);
      const file = (u.body as Record<string, File>)[''];
      expect(file?.type).toBe(args.evidence[i]!.mime_type);
      expect(file?.size).toBe(args.evidence[i]!.blob.size);
    }
    expect(paths[0]).toMatch(/\.jpg$/);
    expect(paths[1]).toMatch(/\.pdf$/);
    expect(seen[2]).toMatchObject({
      url: RPC,
      body: {
        item_id: ITEM,
        action: 'complete',
        base_version: 3,
        note: '整改完成',
        evidence: [
          {
            file_name: '整改后.jpg',
            mime_type: 'image/jpeg',
            size_bytes: 4,
            storage_path: paths[0],
            taken_at: photo.taken_at,
            lon: 113.55,
            lat: 34.85,
          },
          { file_name: '验收单.pdf', mime_type: 'application/pdf', size_bytes: 8, storage_path: paths[1] },
        ],
      },
    });
    const sent = (seen[2]!.body as { evidence: object[] }).evidence;
    expect(sent.every((e) => !('content_base64' in e) && !('blob' in e))).toBe(true);
  });

  it('removes the uploads when act_on_item is refused, and reports the refusal', async () => {
    const seen: Seen[] = [];
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(
        storage({ status: 400, json: { code: '22023', message: 'status_not_allowed' } }),
        seen,
      ),
    });
    await expect(actOnItem(backend, args)).rejects.toMatchObject({ code: 'status_not_allowed' });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST', 'DELETE']);
    const paths = seen.slice(0, 2).map((u) => u.url.slice(UPLOAD.length));
    expect(seen[3]).toMatchObject({
      url: `${URL_BASE}/storage/v1/object/evidence`,
      body: { prefixes: paths },
    });
  });

  it('does not call act_on_item when an upload is refused, and removes the files that did go up', async () => {
    const seen: Seen[] = [];
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(storage({ status: 200, json: {} }, /\.pdf$/), seen),
    });
    await expect(actOnItem(backend, args)).rejects.toMatchObject({ code: 'permission_denied' });
    expect(seen.some((s) => s.url === RPC)).toBe(false);
    const paths = seen.filter((s) => s.method === 'POST').map((u) => u.url.slice(UPLOAD.length));
    expect(paths).toHaveLength(2);
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', body: { prefixes: paths } });
  });

  it('downloads a file that evidence_file says is in Storage', async () => {
    const seen: Seen[] = [];
    const path = `${ITEM}/7b0c2a4e-0f6d-4f7e-9a51-2d8f3c1e5b01.png`;
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const backend = createSupabaseBackend(URL_BASE, 'anon-key', {
      fetch: fakeFetch(
        (request) =>
          request.url.endsWith('/rpc/evidence_file')
            ? {
                status: 200,
                json: {
                  id: 'e1',
                  file_name: '现场.png',
                  mime_type: 'image/png',
                  content_base64: null,
                  storage_path: path,
                },
              }
            : { status: 200, bytes },
        seen,
      ),
    });
    const file = await getEvidenceFile(backend, 'e1');
    expect(file).toMatchObject({ id: 'e1', file_name: '现场.png', mime_type: 'image/png' });
    expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(bytes);
    expect(seen[1]).toMatchObject({ method: 'GET', url: `${URL_BASE}/storage/v1/object/evidence/${path}` });
  });
});
