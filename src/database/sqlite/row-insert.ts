import type { EntityMetadata, ObjectLiteral } from 'typeorm';

interface Column {
  property: string;
  name: string;
}

const columnsOf = new WeakMap<EntityMetadata, Column[]>();

// The row inserter of the prepared-statement path: the entity's columns that the row sets (a column left
// undefined keeps its database default, as with TypeORM's insert); the same columns give the same SQL
// text, prepared once. better-sqlite3 binds no booleans: 1 and 0.
export function insertRowSql(meta: EntityMetadata, row: ObjectLiteral): { sql: string; values: unknown[] } {
  let columns = columnsOf.get(meta);
  if (!columns) {
    columns = meta.columns.map((c) => ({ property: c.propertyName, name: c.databaseName }));
    columnsOf.set(meta, columns);
  }
  const set = columns.filter((c) => row[c.property] !== undefined);
  const sql =
    `INSERT INTO "${meta.tableName}" (${set.map((c) => `"${c.name}"`).join(', ')}) ` +
    `VALUES (${set.map(() => '?').join(', ')})`;
  return { sql, values: set.map((c) => sqliteValue(row[c.property])) };
}

function sqliteValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
