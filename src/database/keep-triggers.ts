import type { QueryRunner } from 'typeorm';

interface SchemaObject {
  name: string;
  sql: string;
}

// TypeORM's schema builder changes a SQLite table (addColumn, changeColumn, dropColumn, …) by building a
// new table, copying the rows and dropping the old one: the table's triggers go with it, and a trigger on
// another table that names it stops the rename. Run such a change inside keepTriggers, naming the tables
// it alters: on SQLite every trigger on them or naming them is taken down first and created again
// afterwards from its own stored SQL (sqlite_master, so it comes back exactly as the migrations left it),
// an index the rebuild wrote differently is put back as it was, and the foreign keys are checked.
// PostgreSQL alters tables in place and keeps its triggers: the change just runs.
//
//   await keepTriggers(queryRunner, ['devices'], () =>
//     queryRunner.addColumn('devices', new TableColumn({ name: 'x', type: 'varchar', length: '64', isNullable: true })));
export async function keepTriggers(
  queryRunner: QueryRunner,
  tables: string[],
  change: () => Promise<unknown>,
): Promise<void> {
  if (queryRunner.connection.options.type !== 'better-sqlite3') {
    await change();
    return;
  }
  const outer = await foreignKeysOff(queryRunner);
  try {
    await rebuildKeeping(queryRunner, tables, change);
  } catch (error) {
    await restore(queryRunner, outer, 'ROLLBACK');
    throw error;
  }
  await restore(queryRunner, outer, 'COMMIT');
}

async function rebuildKeeping(queryRunner: QueryRunner, tables: string[], change: () => Promise<unknown>) {
  const triggers = await triggersOf(queryRunner, tables);
  const indexes = await indexesOf(queryRunner, tables);
  // TypeORM cannot rebuild an index on an expression (it reads its column as "null"): such indexes go
  // down with the triggers and come back from their stored SQL.
  const expressions = await expressionIndexes(queryRunner, indexes);
  for (const { name } of triggers) await queryRunner.query(`DROP TRIGGER "${name}"`);
  for (const { name } of expressions) await queryRunner.query(`DROP INDEX "${name}"`);
  await change();
  for (const { sql } of expressions) await queryRunner.query(sql);
  const now = new Map((await indexesOf(queryRunner, tables)).map((i) => [i.name, i.sql]));
  for (const { name, sql } of indexes) {
    const current = now.get(name);
    if (current === undefined || same(current, sql)) continue; // dropped on purpose, or kept as it was
    await queryRunner.query(`DROP INDEX "${name}"`);
    await queryRunner.query(sql);
  }
  for (const { name, sql } of triggers) {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await queryRunner.query(sql);
  }
  const broken = (await queryRunner.query('PRAGMA foreign_key_check')) as unknown[];
  if (broken.length > 0)
    throw new Error(`keepTriggers: the change left ${broken.length} broken foreign keys`);
}

// A rebuild drops the old table, which with foreign keys on deletes its rows first (refused: RESTRICT).
// TypeORM turns them off before a migration's transaction, but not before a revert's (nor for a migration
// with `transaction = false`), and SQLite ignores the setting inside a transaction. Then the change runs
// in a transaction of its own with the keys off (a revert's transaction is committed first, and a new one
// begun after, which TypeORM commits or rolls back as its own).
type Outer = 'as-is' | 'reopen' | 'none';

async function foreignKeysOff(queryRunner: QueryRunner): Promise<Outer> {
  const [{ foreign_keys: on }] = (await queryRunner.query('PRAGMA foreign_keys')) as {
    foreign_keys: number;
  }[];
  if (!on && queryRunner.isTransactionActive) return 'as-is';
  const outer = queryRunner.isTransactionActive ? 'reopen' : 'none';
  if (outer === 'reopen') await queryRunner.query('COMMIT');
  await queryRunner.query('PRAGMA foreign_keys = OFF');
  await queryRunner.query('BEGIN');
  return outer;
}

async function restore(queryRunner: QueryRunner, outer: Outer, end: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  if (outer === 'as-is') return;
  await queryRunner.query(end);
  await queryRunner.query('PRAGMA foreign_keys = ON');
  if (outer === 'reopen') await queryRunner.query('BEGIN');
}

async function triggersOf(queryRunner: QueryRunner, tables: string[]): Promise<SchemaObject[]> {
  const names = tables.map((t) => t.toLowerCase());
  const mentions = tables.map((t) => new RegExp(`\\b${t}\\b`, 'i'));
  const all = (await queryRunner.query(
    `SELECT "name", "tbl_name" AS "table", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "rowid"`,
  )) as (SchemaObject & { table: string })[];
  return all.filter((t) => names.includes(t.table.toLowerCase()) || mentions.some((m) => m.test(t.sql)));
}

async function indexesOf(queryRunner: QueryRunner, tables: string[]): Promise<SchemaObject[]> {
  return (await queryRunner.query(
    `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "sql" IS NOT NULL
       AND lower("tbl_name") IN (${tables.map(() => '?').join(', ')}) ORDER BY "rowid"`,
    tables.map((t) => t.toLowerCase()),
  )) as SchemaObject[];
}

async function expressionIndexes(queryRunner: QueryRunner, indexes: SchemaObject[]): Promise<SchemaObject[]> {
  const found: SchemaObject[] = [];
  for (const index of indexes) {
    const columns = (await queryRunner.query(`SELECT "cid" FROM pragma_index_info(?)`, [index.name])) as {
      cid: number;
    }[];
    if (columns.some((c) => c.cid === -2)) found.push(index);
  }
  return found;
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
