import type { DataSource, Logger, QueryRunner } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

// A TypeORM Logger put on a live DataSource that records every statement the app issues (the driver calls
// logQuery for each one, whatever the logging option), so a test can count them or EXPLAIN them.
export class QueryCapture implements Logger {
  readonly queries: CapturedQuery[] = [];
  private readonly previous: Logger;

  constructor(private readonly dataSource: DataSource) {
    this.previous = dataSource.logger;
    (dataSource as { logger: Logger }).logger = this;
  }

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.queries.push({ sql: query, parameters: parameters ?? [] });
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** Runs fn and returns the statements it issued (transaction control statements left out). */
  async during(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
    const first = this.queries.length;
    await fn();
    return this.queries
      .slice(first)
      .filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.sql.trim()));
  }

  restore(): void {
    (this.dataSource as { logger: Logger }).logger = this.previous;
  }
}

export interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

// SQLite's plan for one captured statement, with the aliases of the FROM clause mapped to table names.
export async function explainSqlite(dataSource: DataSource, query: CapturedQuery): Promise<PlanRow[]> {
  return (await dataSource.query(`EXPLAIN QUERY PLAN ${query.sql}`, query.parameters)) as PlanRow[];
}

/** Aliases used for a table in a statement: `"devices" d`, `devices AS d`, or the bare table name. */
export function aliasesOf(sql: string, table: string): string[] {
  const aliases = new Set([table]);
  const pattern = new RegExp(`"?${table}"?\\s+(?:AS\\s+)?"?([A-Za-z_][A-Za-z0-9_]*)"?`, 'gi');
  const keywords = new Set([
    'where',
    'inner',
    'left',
    'join',
    'on',
    'group',
    'order',
    'limit',
    'set',
    'values',
  ]);
  for (const match of sql.matchAll(pattern)) {
    if (!keywords.has(match[1].toLowerCase())) aliases.add(match[1]);
  }
  return [...aliases];
}

/**
 * Plan lines that read every row of the table: `SCAN d`, and also `SCAN d USING [COVERING] INDEX …`,
 * which walks a whole index (every row, in that index's order) rather than searching a range of it.
 */
export function fullScansOf(plan: PlanRow[], aliases: string[]): string[] {
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const match = /^SCAN (\S+)/.exec(detail);
      return match !== null && aliases.includes(match[1]);
    });
}

/** Plan lines that read every device of a type ever seized: an index searched on deviceType alone. */
export function wholeHistoryOf(plan: PlanRow[], aliases: string[]): string[] {
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const match = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ \(deviceType=\?\)$/.exec(detail);
      return match !== null && aliases.includes(match[1]);
    });
}
