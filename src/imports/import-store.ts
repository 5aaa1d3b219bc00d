import { EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { Device } from '../devices/device.entity.js';
import { exhibitRefKey } from '../devices/exhibit-reference.js';

// Rows per INSERT statement: a batch of 500 devices is one statement (26 columns: 13,000 parameters,
// under SQLite's 32,766 and PostgreSQL's 65,535).
const ROWS_PER_INSERT = 500;

// Many rows in one INSERT, the SQL text made once per row count and table (better-sqlite3 keeps the
// prepared statement for a repeated text), values bound in column order: no query builder per batch.
class RowInserter<T extends ObjectLiteral> {
  private readonly columns: { name: string; property: string }[];
  private readonly table: string;
  private readonly statements = new Map<number, string>();
  private readonly postgres: boolean;

  constructor(manager: EntityManager, entity: EntityTarget<T>) {
    const meta = manager.connection.getMetadata(entity);
    const seen = new Set<string>();
    this.columns = [];
    for (const column of meta.columns) {
      if (column.relationMetadata && !column.propertyName.endsWith('Id')) continue;
      if (seen.has(column.databaseName)) continue;
      seen.add(column.databaseName);
      this.columns.push({ name: column.databaseName, property: column.propertyName });
    }
    this.table = meta.tableName;
    this.postgres = manager.connection.options.type === 'postgres';
  }

  private sql(rows: number): string {
    let sql = this.statements.get(rows);
    if (!sql) {
      const width = this.columns.length;
      const tuples: string[] = [];
      for (let r = 0; r < rows; r += 1) {
        const marks = this.columns.map((_, c) => (this.postgres ? `$${r * width + c + 1}` : '?'));
        tuples.push(`(${marks.join(',')})`);
      }
      const names = this.columns.map((c) => `"${c.name}"`).join(',');
      sql = `INSERT INTO "${this.table}" (${names}) VALUES ${tuples.join(',')}`;
      this.statements.set(rows, sql);
    }
    return sql;
  }

  async insert(manager: EntityManager, records: T[]): Promise<void> {
    for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
      const chunk = records.slice(i, i + ROWS_PER_INSERT);
      const values: unknown[] = [];
      for (const record of chunk) {
        for (const { property } of this.columns) values.push(record[property] ?? null);
      }
      await manager.query(this.sql(chunk.length), values);
    }
  }
}

export interface KnownCase {
  case: Case;
  /** Exhibit keys (exhibitRefKey) of its devices, voided ones included. */
  exhibits: Set<string>;
}

// What the import reads from and writes to the register, inside the caller's transaction.
export class ImportStore {
  private readonly cases: RowInserter<Case>;
  private readonly devices: RowInserter<Device>;

  constructor(readonly manager: EntityManager) {
    this.cases = new RowInserter(manager, Case);
    this.devices = new RowInserter(manager, Device);
  }

  // Cases by referenceKey (one index search each), with their devices' exhibit keys.
  async findCases(keys: string[]): Promise<KnownCase[]> {
    if (keys.length === 0) return [];
    const found = await this.manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.referenceKey IN (:...keys)', { keys })
      .getMany();
    if (found.length === 0) return [];
    const devices = await this.manager
      .getRepository(Device)
      .createQueryBuilder('d')
      .select(['d.caseId', 'd.exhibitRef'])
      .where('d.caseId IN (:...ids)', { ids: found.map((c) => c.id) })
      .getMany();
    const byId = new Map(found.map((c) => [c.id, { case: c, exhibits: new Set<string>() }]));
    for (const d of devices) byId.get(d.caseId)?.exhibits.add(exhibitRefKey(d.exhibitRef));
    return [...byId.values()];
  }

  /** Every device of these cases, voided ones included (to compare re-imported rows with). */
  async findDevices(caseIds: string[]): Promise<Device[]> {
    if (caseIds.length === 0) return [];
    return this.manager
      .getRepository(Device)
      .createQueryBuilder('d')
      .where('d.caseId IN (:...caseIds)', { caseIds })
      .getMany();
  }

  async insertCases(records: Case[]): Promise<void> {
    await this.cases.insert(this.manager, records);
  }

  async insertDevices(records: Device[]): Promise<void> {
    await this.devices.insert(this.manager, records);
  }
}
