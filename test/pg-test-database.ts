import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface PgTestDatabase {
  url: string;
  drop: () => Promise<void>;
}

// An admin connection through TypeORM's own pg driver (the project has no pg typings).
async function onServer(url: string, sql: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url, poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

// A fresh database per test file on the server named by adminUrl, so parallel files never share tables.
export async function createPgTestDatabase(adminUrl: string): Promise<PgTestDatabase> {
  const name = `register_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onServer(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
