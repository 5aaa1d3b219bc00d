import type { Dialect } from '../dialect.js';

const texts = new Map<string, string>();

// `?` → `$1`, `$2`, … (the SQL texts of the register hold no `?` of their own).
function numbered(text: string): string {
  let sql = texts.get(text);
  if (sql === undefined) {
    let n = 0;
    sql = text.replace(/\?/g, () => `$${++n}`);
    texts.set(text, sql);
  }
  return sql;
}

// LIKE pattern (backslash is PostgreSQL's default escape).
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  sql: numbered,
  valueTuples(rows, width) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r += 1) {
      const marks: string[] = [];
      for (let c = 0; c < width; c += 1) marks.push(`$${r * width + c + 1}`);
      tuples.push(`(${marks.join(',')})`);
    }
    return tuples.join(',');
  },
  bind: (value) => value,
  async lock(manager, space, key, mode = 'exclusive') {
    if (key !== undefined) {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [space, key]);
    } else if (mode === 'shared') {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [space]);
    } else {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [space]);
    }
  },
  containsText({ table, alias, text }, q) {
    return {
      sql: `SELECT ${alias}."id" FROM "${table}" ${alias} WHERE lower(${text}) LIKE :pattern`,
      params: { pattern: likePattern(q) },
    };
  },
  readThrough: (sql) => sql,
  // pg_trgm indexes are kept as rows are written.
  foldSearch: () => Promise.resolve(),
  foldSearchIn: () => Promise.resolve(),
};
