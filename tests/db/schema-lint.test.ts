// Rules every migration must keep, read from the catalog of the migrated database (the same
// rules Supabase's database linter checks). Each rule is one query that returns its violations;
// the last block proves that every query does catch a violation, inside a rolled-back transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/data/schema';
import { openTarget, targetNames, type DbTarget } from './targets';

const OUR_SCHEMAS = ['public', 'private'];
const LEDGER_TABLES = [
  'public.districts',
  'public.townships',
  'public.units',
  'public.features',
  'public.plans',
  'public.tasks',
  'public.task_units',
  'public.feature_tasks',
  'public.memberships',
  'public.work_items',
  'public.work_item_events',
  'public.evidence',
  'public.history',
  'public.client_submissions',
];

type Lint = (db: DbTarget) => Promise<string[]>;
const names = async (db: DbTarget, sql: string, params?: unknown[]) =>
  (await db.query<{ name: string }>(sql, params)).rows.map((r) => r.name);

/** `schema.name(argument types)` of a pg_proc row aliased p, joined to pg_namespace n. */
const FUNCTION_NAME = `format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))`;
/** True when pg_proc row p belongs to an extension (PostGIS and the like), not to our migrations. */
const FROM_EXTENSION = `exists (
  select 1 from pg_depend d
  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`;

const lints = {
  tablesWithoutRls: (db) =>
    names(
      db,
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relrowsecurity
       order by 1`,
      [OUR_SCHEMAS],
    ),
  tablesWithoutComment: (db) =>
    names(
      db,
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any ($1) and c.relkind in ('r', 'p')
         and coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''
       order by 1`,
      [OUR_SCHEMAS],
    ),
  securityDefinerWithoutSearchPath: (db) =>
    names(
      db,
      `select ${FUNCTION_NAME} as name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1) and p.prosecdef
         and not coalesce(p.proconfig @> array['search_path=""'], false)
       order by 1`,
      [OUR_SCHEMAS],
    ),
  ownFunctionsWithoutEmptySearchPath: (db) =>
    names(
      db,
      `select ${FUNCTION_NAME} as name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1) and not ${FROM_EXTENSION}
         and not coalesce(p.proconfig @> array['search_path=""'], false)
       order by 1`,
      [OUR_SCHEMAS],
    ),
  securityDefinerAnonCanExecute: (db) =>
    names(
      db,
      `select ${FUNCTION_NAME} as name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1) and p.prosecdef and has_function_privilege('anon', p.oid, 'EXECUTE')
       order by 1`,
      [OUR_SCHEMAS],
    ),
  tablesWithSeveralPoliciesPerOperation: (db) =>
    names(
      db,
      `select format('%I.%I %s', schemaname, tablename, cmd) as name
       from pg_policies where schemaname = 'public'
       group by schemaname, tablename, cmd having count(*) > 1
       order by 1`,
    ),
  viewsWithoutSecurityInvoker: (db) =>
    names(
      db,
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'v'
         and not coalesce((
           select o.option_value::boolean from pg_options_to_table(c.reloptions) o
           where o.option_name = 'security_invoker'), false)
       order by 1`,
    ),
  policiesNotForAuthenticated: (db) =>
    names(
      db,
      `select format('%I.%I: %s', schemaname, tablename, policyname) as name
       from pg_policies
       where schemaname = 'public' and roles::text[] <> array['authenticated']
       order by 1`,
    ),
  writePoliciesThatAllowEverything: (db) =>
    names(
      db,
      `select format('%I.%I: %s', schemaname, tablename, policyname) as name
       from pg_policies
       where schemaname = 'public' and cmd in ('INSERT', 'UPDATE', 'DELETE', 'ALL')
         and (lower(regexp_replace(coalesce(qual, ''), '[\\s()]', '', 'g')) = 'true'
           or lower(regexp_replace(coalesce(with_check, ''), '[\\s()]', '', 'g')) = 'true')
       order by 1`,
    ),
  functionsAnonCanExecute: (db) =>
    names(
      db,
      `select ${FUNCTION_NAME} as name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'EXECUTE')
       order by 1`,
    ),
  geometryColumnsNotWgs84: (db) =>
    names(
      db,
      `select format('%I.%I.%I (SRID %s)', f_table_schema, f_table_name, f_geometry_column, srid) as name
       from extensions.geometry_columns
       where f_table_schema = 'public' and srid <> 4326
       order by 1`,
    ),
  geometryColumnsWithoutGistIndex: (db) =>
    names(
      db,
      `select format('%I.%I.%I', g.f_table_schema, g.f_table_name, g.f_geometry_column) as name
       from extensions.geometry_columns g
       join pg_namespace n on n.nspname = g.f_table_schema
       join pg_class c on c.relnamespace = n.oid and c.relname = g.f_table_name
       join pg_attribute a on a.attrelid = c.oid and a.attname = g.f_geometry_column
       where g.f_table_schema = 'public' and c.relkind in ('r', 'p')
         and not exists (
           select 1 from pg_index i
           join pg_class ic on ic.oid = i.indexrelid
           join pg_am am on am.oid = ic.relam
           where i.indrelid = c.oid and am.amname = 'gist' and i.indkey[0] = a.attnum and i.indpred is null)
       order by 1`,
    ),
} satisfies Record<string, Lint>;

/** Functions our migrations create in public and private, read from the migration files. */
function functionsInMigrations(): string[] {
  const found = new Set<string>();
  // In migration order, so that a function dropped later (or dropped and created again) counts.
  for (const m of migrations) {
    for (const match of m.sql.matchAll(
      /(create\s+(?:or\s+replace\s+)?|drop\s+)function\s+(?:if\s+exists\s+)?(public|private)\.(\w+)\s*\(/gi,
    )) {
      const name = `${match[2]!.toLowerCase()}.${match[3]!.toLowerCase()}`;
      if (match[1]!.toLowerCase().startsWith('drop')) found.delete(name);
      else found.add(name);
    }
  }
  return [...found].sort();
}

describe.each(targetNames())('schema rules on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('tables', () => {
    it('finds the ledger tables (so the rules below have something to check)', async () => {
      const tables = await names(
        db,
        `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = any ($1) and c.relkind in ('r', 'p')`,
        [OUR_SCHEMAS],
      );
      expect(tables).toEqual(expect.arrayContaining(LEDGER_TABLES));
    });

    it('has row level security on every table in public and private', async () => {
      expect(await lints.tablesWithoutRls(db)).toEqual([]);
    });

    it('has a comment on every table in public and private', async () => {
      expect(await lints.tablesWithoutComment(db)).toEqual([]);
    });
  });

  describe('functions', () => {
    it('finds every function the migrations create (so the rules below cover them)', async () => {
      const own = await names(
        db,
        `select format('%s.%s', n.nspname, p.proname) as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = any ($1) and not ${FROM_EXTENSION}`,
        [OUR_SCHEMAS],
      );
      const declared = functionsInMigrations();
      expect(declared).toEqual(expect.arrayContaining(['public.features_in_view', 'private.feature_json']));
      expect(own).toEqual(expect.arrayContaining(declared));
    });

    it('is SECURITY DEFINER only with search_path pinned to empty', async () => {
      expect(await lints.securityDefinerWithoutSearchPath(db)).toEqual([]);
    });

    it('lets anon execute no SECURITY DEFINER function, in any schema of ours', async () => {
      expect(await lints.securityDefinerAnonCanExecute(db)).toEqual([]);
    });

    it('pins search_path to empty on every function of ours', async () => {
      expect(await lints.ownFunctionsWithoutEmptySearchPath(db)).toEqual([]);
    });

    it('lets anon execute no function in public, while authenticated may call the API', async () => {
      expect(await lints.functionsAnonCanExecute(db)).toEqual([]);
      const callable = await names(
        db,
        `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'EXECUTE')`,
      );
      expect(callable).toEqual(
        expect.arrayContaining([
          'features_in_view',
          'feature_detail',
          'task_features',
          'search_features',
          'sources_in_control_zone',
        ]),
      );
    });
  });

  it('has security_invoker on every view in public', async () => {
    expect(await lints.viewsWithoutSecurityInvoker(db)).toEqual([]);
  });

  describe('policies', () => {
    it('finds the read policies (so the rules below have something to check)', async () => {
      const tables = await names(
        db,
        `select distinct format('%I.%I', schemaname, tablename) as name from pg_policies`,
      );
      expect(tables).toEqual(expect.arrayContaining(LEDGER_TABLES));
    });

    it('has one policy per table and operation', async () => {
      expect(await lints.tablesWithSeveralPoliciesPerOperation(db)).toEqual([]);
    });

    it('grants every policy in public to authenticated only', async () => {
      expect(await lints.policiesNotForAuthenticated(db)).toEqual([]);
    });

    it('has no write policy whose condition is literally true', async () => {
      expect(await lints.writePoliciesThatAllowEverything(db)).toEqual([]);
    });
  });

  describe('geometry', () => {
    it('finds the geometry columns (so the rules below have something to check)', async () => {
      const columns = await names(
        db,
        `select format('%s.%s', f_table_name, f_geometry_column) as name
         from extensions.geometry_columns where f_table_schema = 'public'`,
      );
      expect(columns).toEqual(expect.arrayContaining(['districts.geom', 'features.geom']));
    });

    it('stores every geometry column in public in WGS84 (SRID 4326)', async () => {
      expect(await lints.geometryColumnsNotWgs84(db)).toEqual([]);
    });

    it('has a GIST index on every geometry column in public', async () => {
      expect(await lints.geometryColumnsWithoutGistIndex(db)).toEqual([]);
    });
  });

  describe('every rule catches a violation', () => {
    /** Runs `ddl` in a transaction, returns what `lint` reports then, and rolls back. */
    async function violationsAfter(lint: Lint, ddl: string): Promise<string[]> {
      await db.exec('begin');
      try {
        await db.exec(ddl);
        return await lint(db);
      } finally {
        await db.exec('rollback');
      }
    }

    it('a table without RLS or comment', async () => {
      const ddl = 'create table private.lint_probe (id int primary key)';
      expect(await violationsAfter(lints.tablesWithoutRls, ddl)).toEqual(['private.lint_probe']);
      expect(await violationsAfter(lints.tablesWithoutComment, ddl)).toEqual(['private.lint_probe']);
      const fixed = `${ddl}; alter table private.lint_probe enable row level security;
        comment on table private.lint_probe is 'probe'`;
      expect(await violationsAfter(lints.tablesWithoutRls, fixed)).toEqual([]);
      expect(await violationsAfter(lints.tablesWithoutComment, fixed)).toEqual([]);
    });

    it('a SECURITY DEFINER function without search_path, and a function without search_path', async () => {
      const definer =
        'create function public.lint_probe() returns int language sql security definer as $$ select 1 $$';
      expect(await violationsAfter(lints.securityDefinerWithoutSearchPath, definer)).toEqual([
        'public.lint_probe()',
      ]);
      const pinned = `${definer} set search_path = ''`;
      expect(await violationsAfter(lints.securityDefinerWithoutSearchPath, pinned)).toEqual([]);
      const invoker = 'create function private.lint_probe(x int) returns int language sql as $$ select x $$';
      expect(await violationsAfter(lints.ownFunctionsWithoutEmptySearchPath, invoker)).toEqual([
        'private.lint_probe(x integer)',
      ]);
      const publicPath = `${invoker} set search_path = public`;
      expect(await violationsAfter(lints.ownFunctionsWithoutEmptySearchPath, publicPath)).toEqual([
        'private.lint_probe(x integer)',
      ]);
    });

    it('a function in public that anon may execute', async () => {
      // The Supabase default privileges grant EXECUTE on new functions in public to anon.
      const ddl = `create function public.lint_probe() returns int language sql set search_path = '' as $$ select 1 $$`;
      expect(await violationsAfter(lints.functionsAnonCanExecute, ddl)).toEqual(['public.lint_probe()']);
      const revoked = `${ddl}; revoke execute on function public.lint_probe() from anon, public`;
      expect(await violationsAfter(lints.functionsAnonCanExecute, revoked)).toEqual([]);
    });

    it('a SECURITY DEFINER function that anon may execute', async () => {
      const ddl = `create function private.lint_probe() returns int language sql security definer
        set search_path = '' as $$ select 1 $$; grant execute on function private.lint_probe() to anon`;
      expect(await violationsAfter(lints.securityDefinerAnonCanExecute, ddl)).toEqual([
        'private.lint_probe()',
      ]);
      const revoked = `${ddl}; revoke execute on function private.lint_probe() from anon, public`;
      expect(await violationsAfter(lints.securityDefinerAnonCanExecute, revoked)).toEqual([]);
    });

    it('two policies for the same operation on one table', async () => {
      const ddl = 'create policy "lint probe" on public.units for insert to authenticated with check (false)';
      expect(await violationsAfter(lints.tablesWithSeveralPoliciesPerOperation, ddl)).toEqual([
        'public.units INSERT',
      ]);
    });

    it('a view without security_invoker', async () => {
      const ddl = 'create view public.lint_probe as select code from public.districts';
      expect(await violationsAfter(lints.viewsWithoutSecurityInvoker, ddl)).toEqual(['public.lint_probe']);
      const off = 'create view public.lint_probe with (security_invoker = off) as select 1 as x';
      expect(await violationsAfter(lints.viewsWithoutSecurityInvoker, off)).toEqual(['public.lint_probe']);
      const on =
        'create view public.lint_probe with (security_invoker = on) as select code from public.districts';
      expect(await violationsAfter(lints.viewsWithoutSecurityInvoker, on)).toEqual([]);
      const plainTrue = 'create view public.lint_probe with (security_invoker) as select 1 as x';
      expect(await violationsAfter(lints.viewsWithoutSecurityInvoker, plainTrue)).toEqual([]);
    });

    it('a policy for anon or for everyone', async () => {
      for (const role of ['anon', 'public', 'anon, authenticated']) {
        const ddl = `create policy "lint probe" on public.units for select to ${role} using (true)`;
        expect(await violationsAfter(lints.policiesNotForAuthenticated, ddl), role).toEqual([
          'public.units: lint probe',
        ]);
      }
    });

    it('a write policy that allows everything', async () => {
      for (const ddl of [
        'create policy "lint probe" on public.units for insert to authenticated with check (true)',
        'create policy "lint probe" on public.units for update to authenticated using (true)',
        'create policy "lint probe" on public.units for update to authenticated using (auth.uid() is not null) with check (true)',
        'create policy "lint probe" on public.units for delete to authenticated using ((true))',
        'create policy "lint probe" on public.units for all to authenticated using (true)',
      ]) {
        expect(await violationsAfter(lints.writePoliciesThatAllowEverything, ddl), ddl).toEqual([
          'public.units: lint probe',
        ]);
      }
      const scoped = `create policy "lint probe" on public.units for insert to authenticated
        with check ((select auth.uid()) is not null)`;
      expect(await violationsAfter(lints.writePoliciesThatAllowEverything, scoped)).toEqual([]);
      const readAll = 'create policy "lint probe" on public.units for select to authenticated using (true)';
      expect(await violationsAfter(lints.writePoliciesThatAllowEverything, readAll)).toEqual([]);
    });

    it('a geometry column in another SRID, or without a GIST index', async () => {
      const ddl = `create table public.lint_probe (id int primary key, g extensions.geometry(point, 3857))`;
      expect(await violationsAfter(lints.geometryColumnsNotWgs84, ddl)).toEqual([
        'public.lint_probe.g (SRID 3857)',
      ]);
      expect(await violationsAfter(lints.geometryColumnsWithoutGistIndex, ddl)).toEqual([
        'public.lint_probe.g',
      ]);
      const untyped = 'create table public.lint_probe (g extensions.geometry)';
      expect(await violationsAfter(lints.geometryColumnsNotWgs84, untyped)).toEqual([
        'public.lint_probe.g (SRID 0)',
      ]);
      const btree = `${ddl}; create index on public.lint_probe (g)`;
      expect(await violationsAfter(lints.geometryColumnsWithoutGistIndex, btree)).toEqual([
        'public.lint_probe.g',
      ]);
      const gist = `${ddl}; create index on public.lint_probe using gist (g)`;
      expect(await violationsAfter(lints.geometryColumnsWithoutGistIndex, gist)).toEqual([]);
    });
  });
});
