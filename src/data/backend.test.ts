import { describe, expect, it } from 'vitest';
import { BackendError, toBackendError } from './backend';

/** An error as node-postgres and PGlite throw it: an Error with the SQLSTATE in `code`. */
function dbError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}
/** An error as supabase-js returns it from `.rpc()`: a plain object (PostgrestError fields). */
function postgrestError(message: string, code: string) {
  return { message, code, details: null, hint: null };
}

describe('toBackendError', () => {
  it.each([
    ['invalid_bbox', dbError('invalid_bbox', '22023')],
    ['invalid_bbox', postgrestError('invalid_bbox', '22023')],
    ['invalid_bbox', dbError('invalid_bbox: min_lon < max_lon')],
    ['invalid_radius', dbError('invalid_radius', '22023')],
    ['invalid_radius', postgrestError('invalid_radius', '22023')],
  ] as const)('maps the reason %s raised by the SQL functions', (code, error) => {
    const mapped = toBackendError(error);
    expect(mapped).toBeInstanceOf(BackendError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(error.message);
  });

  it('does not mistake other messages that merely contain a reason for it', () => {
    expect(toBackendError(dbError('invalid_bboxes', '22023')).code).toBe('unknown');
    expect(toBackendError(dbError('error: invalid_bbox', '22023')).code).toBe('unknown');
    expect(toBackendError(dbError('invalid_radius_m')).code).toBe('unknown');
  });

  it('maps SQLSTATE 42501 to permission_denied from either client', () => {
    const fromPg = toBackendError(dbError('permission denied for function features_in_view', '42501'));
    expect(fromPg.code).toBe('permission_denied');
    expect(fromPg.message).toBe('permission denied for function features_in_view');
    expect(toBackendError(postgrestError('permission denied for table features', '42501')).code).toBe(
      'permission_denied',
    );
  });

  it('prefers the reason in the message over the SQLSTATE', () => {
    expect(toBackendError(dbError('invalid_radius', '42501')).code).toBe('invalid_radius');
  });

  it('maps a unique violation (23505) to already_exists and keeps the detail, parsed when JSON', () => {
    const e = toBackendError({
      ...dbError('duplicate key value violates unique constraint', '23505'),
      detail: 'x',
    });
    expect(e).toMatchObject({ code: 'already_exists', detail: 'x' });
    const stale = toBackendError({ message: 'stale_version', code: '40001', detail: '{"version":3}' });
    expect(stale).toMatchObject({ code: 'stale_version', detail: { version: 3 } });
    const viaPostgrest = toBackendError({
      message: 'stale_version',
      code: '40001',
      details: '{"version":4}',
    });
    expect(viaPostgrest.detail).toEqual({ version: 4 });
  });

  it('maps invalid_credentials from Supabase Auth', () => {
    expect(toBackendError({ message: 'Invalid login credentials', code: 'invalid_credentials' }).code).toBe(
      'invalid_credentials',
    );
  });

  it('passes a BackendError through unchanged', () => {
    const original = new BackendError('storage_unavailable', 'IndexedDB is blocked');
    expect(toBackendError(original)).toBe(original);
    const sqlLooking = new BackendError('network', 'invalid_bbox');
    expect(toBackendError(sqlLooking).code).toBe('network');
  });

  it.each([
    ['a plain Error', dbError('boom'), 'boom'],
    [
      'another SQLSTATE',
      dbError('value too long for type character varying(3)', '22001'),
      'value too long for type character varying(3)',
    ],
    ['a string', 'socket hang up', 'socket hang up'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, '42'],
  ])('maps %s to unknown, keeping its message', (_what, error, message) => {
    const mapped = toBackendError(error);
    expect(mapped).toBeInstanceOf(BackendError);
    expect(mapped).toBeInstanceOf(Error);
    expect(mapped.name).toBe('BackendError');
    expect(mapped.code).toBe('unknown');
    expect(mapped.message).toBe(message);
  });
});
