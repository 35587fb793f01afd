// The SQL that builds a Tuzhang database: the Supabase-compat bootstrap (only off Supabase) and
// the migrations in version order. Bundled into the database worker chunk and used by the build,
// tests and benchmarks, so every database is built by the same files.
import bootstrapSql from '../../supabase/bootstrap/supabase-compat.sql?raw';

const files = import.meta.glob<string>('../../supabase/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const file = path.slice(path.lastIndexOf('/') + 1, -'.sql'.length);
    const match = /^(\d{14})_(.+)$/.exec(file);
    if (!match) throw new Error(`migration file name must be YYYYMMDDHHmmss_verb_noun.sql: ${file}`);
    return { version: match[1]!, name: match[2]!, sql };
  })
  .sort((a, b) => a.version.localeCompare(b.version));

export { bootstrapSql };

/** The smallest piece of a SQL client the migrator needs; PGlite and node-postgres both fit. */
export interface SqlSession {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/**
 * Applies the bootstrap (idempotent) and every migration not yet recorded in
 * supabase_migrations.schema_migrations, each in its own transaction. Returns the versions applied.
 */
export async function migrate(db: SqlSession): Promise<string[]> {
  await db.exec(bootstrapSql);
  const done = new Set(
    (
      await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')
    ).rows.map((r) => r.version),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.exec('begin');
    try {
      await db.exec(m.sql);
      await db.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        m.version,
        m.name,
      ]);
      await db.exec('commit');
    } catch (error) {
      await db.exec('rollback');
      throw new Error(`migration ${m.version}_${m.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    applied.push(m.version);
  }
  return applied;
}
