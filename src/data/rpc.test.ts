import { describe, expect, it } from 'vitest';
import { RPC_NAMES, rpcStatement, type RpcName } from './rpc';

describe('rpcStatement', () => {
  it('calls the function by name with named, numbered parameters', () => {
    expect(rpcStatement('feature_detail', { feature_id: 'station-1324A' })).toEqual({
      sql: 'select public.feature_detail(feature_id => $1) as result',
      params: ['station-1324A'],
    });
  });

  it('keeps the order of the arguments and sends every value as text', () => {
    const { sql, params } = rpcStatement('features_in_view', {
      min_lon: 113.5,
      min_lat: 34.75,
      max_lon: 114,
      max_lat: -0.5,
    });
    expect(sql).toBe(
      'select public.features_in_view(min_lon => $1, min_lat => $2, max_lon => $3, max_lat => $4) as result',
    );
    expect(params).toEqual(['113.5', '34.75', '114', '-0.5']);
  });

  it('sends NaN as the text NaN (which the SQL function rejects as invalid_bbox)', () => {
    expect(
      rpcStatement('features_in_view', { min_lon: Number.NaN, min_lat: 0, max_lon: 1, max_lat: 1 }).params[0],
    ).toBe('NaN');
  });

  it('leaves undefined arguments out, so the function default applies', () => {
    expect(
      rpcStatement('sources_in_control_zone', { station_id: 'station-1324A', radius_m: undefined }),
    ).toEqual({
      sql: 'select public.sources_in_control_zone(station_id => $1) as result',
      params: ['station-1324A'],
    });
    const view = rpcStatement('features_in_view', {
      min_lon: 1,
      min_lat: 2,
      kinds: undefined,
      max_lon: 3,
      max_lat: 4,
    });
    expect(view.sql).not.toContain('kinds');
    expect(view.sql).toContain('max_lon => $3');
    expect(view.params).toEqual(['1', '2', '3', '4']);
  });

  it('keeps null arguments as SQL null', () => {
    const { sql, params } = rpcStatement('features_in_view', {
      min_lon: 1,
      min_lat: 2,
      max_lon: 3,
      max_lat: 4,
      kinds: null,
    });
    expect(sql).toContain('kinds => $5');
    expect(params).toHaveLength(5);
    expect(params[4]).toBeNull();
  });

  it('passes a radius of 0 rather than dropping it as falsy', () => {
    expect(rpcStatement('sources_in_control_zone', { station_id: 's-1', radius_m: 0 }).params).toEqual([
      's-1',
      '0',
    ]);
  });

  it('sends booleans as text', () => {
    expect(rpcStatement('search_features', { q: true } as never).params).toEqual(['true']);
  });

  describe('arrays as PostgreSQL array literals', () => {
    const literal = (items: string[]) =>
      rpcStatement('features_in_view', {
        min_lon: 0,
        min_lat: 0,
        max_lon: 1,
        max_lat: 1,
        kinds: items as never,
      }).params[4];

    it('quotes every element', () => {
      expect(literal(['station', 'mine'])).toBe('{"station","mine"}');
    });

    it('sends an empty array as {}', () => {
      expect(literal([])).toBe('{}');
    });

    it('escapes double quotes and backslashes with a backslash', () => {
      expect(literal(['a"b'])).toBe('{"a\\"b"}');
      expect(literal(['a\\b'])).toBe('{"a\\\\b"}');
      expect(literal(['\\"'])).toBe('{"\\\\\\""}');
      expect(literal(['ends with \\'])).toBe('{"ends with \\\\"}');
    });

    it('keeps commas, braces, spaces and the word NULL inside the quotes', () => {
      expect(literal(['a,b', '{c}', ' d ', 'NULL', ''])).toBe('{"a,b","{c}"," d ","NULL",""}');
    });

    it('keeps Chinese text as it is', () => {
      expect(literal(['岗李水库', '各镇（街道）', '各镇(街道)'])).toBe(
        '{"岗李水库","各镇（街道）","各镇(街道)"}',
      );
    });

    it('never lets an element close the literal early', () => {
      const value = literal(['x"}', '{"y']);
      // Between the outer braces, every unescaped quote is an element delimiter: 4 of them.
      const inner = value!.slice(1, -1);
      const unescapedQuotes = inner.replace(/\\./g, '').match(/"/g) ?? [];
      expect(unescapedQuotes).toHaveLength(4);
      expect(value).toBe('{"x\\"}","{\\"y"}');
    });
  });

  it('never puts a value into the SQL text', () => {
    const q = "岗李'); drop table public.features; --";
    const { sql, params } = rpcStatement('search_features', { q });
    expect(sql).toBe('select public.search_features(q => $1) as result');
    expect(params).toEqual([q]);
  });

  it.each(RPC_NAMES.map((n) => [n]))('builds a statement for %s', (name) => {
    expect(rpcStatement(name, {}).sql).toBe(`select public.${name}() as result`);
  });

  it.each([
    ['drop_everything'],
    ['features_in_view; drop table public.features'],
    ['public.feature_detail'],
    ['Feature_Detail'],
    ['source_kinds'],
    [''],
  ])('rejects the unknown function name %j', (name) => {
    expect(() => rpcStatement(name as RpcName, {})).toThrow(/unknown API function/);
  });

  it.each([
    ['featureId'],
    ['feature-id'],
    ['1st'],
    [''],
    ['feature_id => $1); drop table public.features; --'],
    ['q '],
    ['名称'],
  ])('rejects the argument name %j', (key) => {
    expect(() => rpcStatement('feature_detail', { [key]: 'x' })).toThrow(/bad argument name/);
  });
});
