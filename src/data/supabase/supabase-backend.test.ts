// The Supabase adapter speaks PostgREST's rpc protocol: POST /rest/v1/rpc/<function> with the
// arguments as a JSON object and the anon key, and maps PostgREST errors to the same codes as the
// embedded adapter. A local fetch stands in for the network (no Supabase project is reachable here).
import { beforeAll, describe, expect, it } from 'vitest';
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

function fakeFetch(status: number, payload: unknown, seen: Seen[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      body: request.method === 'POST' ? await request.json() : null,
      apikey: request.headers.get('apikey'),
    });
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('supabase backend', () => {
  it('calls the SQL function through PostgREST rpc with named arguments', async () => {
    const seen: Seen[] = [];
    const answer = { type: 'FeatureCollection', query: '新华旅馆', features: [] };
    const backend = createSupabaseBackend('https://example.supabase.co', 'anon-key', {
      fetch: fakeFetch(200, answer, seen),
    });
    expect(backend.mode).toBe('supabase');
    await expect(backend.call('search_features', { q: '新华旅馆' })).resolves.toEqual(answer);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      url: 'https://example.supabase.co/rest/v1/rpc/search_features',
      method: 'POST',
      body: { q: '新华旅馆' },
      apikey: 'anon-key',
    });
  });

  it('maps a PostgREST error to the shared error codes', async () => {
    const backend = createSupabaseBackend('https://example.supabase.co', 'anon-key', {
      fetch: fakeFetch(400, { code: '22023', message: 'invalid_bbox', details: null, hint: null }, []),
    });
    await expect(
      backend.call('features_in_view', { min_lon: 2, min_lat: 0, max_lon: 1, max_lat: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_bbox' });
    const denied = createSupabaseBackend('https://example.supabase.co', 'anon-key', {
      fetch: fakeFetch(401, { code: '42501', message: 'permission denied for function feature_detail' }, []),
    });
    await expect(denied.call('feature_detail', { feature_id: 'station-1324A' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
  });
});
