// Once per test run: build (or reuse) the prebuilt PGlite database, and when PostgreSQL 15 is
// configured, a template database with the same bootstrap, migrations and seed.
import pg from 'pg';
import { buildPrebuiltDatabase } from '../../scripts/build-db';
import { migrateAndSeed, PG_TEMPLATE } from './targets';

export default async function setup(): Promise<void> {
  await buildPrebuiltDatabase();
  const url = process.env.TUZHANG_PG_URL;
  if (!url) {
    if (process.env.CI)
      throw new Error('CI must run the database tests on PostgreSQL 15: set TUZHANG_PG_URL');
    console.warn('TUZHANG_PG_URL is not set: database tests run on PGlite only (scripts/pg15.sh start).');
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_TEMPLATE}`);
    await admin.query(`create database ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${PG_TEMPLATE}`;
  const client = new pg.Client({ connectionString: templateUrl.toString() });
  await client.connect();
  try {
    await migrateAndSeed(client);
  } finally {
    await client.end();
  }
}
