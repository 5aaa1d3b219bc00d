import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { lockKey } from '../cases/key-lock.js';
import { requireOpenCase } from '../cases/case-open.js';
import { SqliteStatements } from '../database/sqlite-statements.js';
import { Device } from './device.entity.js';

export interface Exhibit {
  id: string;
  exhibitRef: string;
}

// The statements of POST /api/devices, so DevicesService.create keeps its rules in one place while
// each database runs them its own way: PostgreSQL through TypeORM (with its advisory locks), SQLite as
// prepared statements on the driver (one writer at a time, so no locks).
export interface DeviceCreateSteps {
  /** 422 naming `caseId` when no case has this id or the case is voided. */
  requireOpenCase(caseId: string): Promise<void>;
  /** Every device of the case, voided ones included (exhibitKey: the normalised reference to lock). */
  exhibitsOf(caseId: string, exhibitKey: string): Promise<Exhibit[]>;
  insert(device: Device): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
}

@Injectable()
export class DeviceWriter {
  private readonly sqlite: SqliteStatements | null;
  private readonly columns: { property: keyof Device; name: string }[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly auditService: AuditService,
  ) {
    this.sqlite = SqliteStatements.for(dataSource);
    this.columns = dataSource.getMetadata(Device).columns.map((c) => ({
      property: c.propertyName as keyof Device,
      name: c.databaseName,
    }));
  }

  // The entity's columns that the device sets (a column left undefined keeps its database default, as
  // with TypeORM's insert); the same columns give the same SQL text, prepared once.
  private sqliteInsert(sqlite: SqliteStatements, device: Device): void {
    const set = this.columns.filter((c) => device[c.property] !== undefined);
    const sql =
      `INSERT INTO "devices" (${set.map((c) => `"${c.name}"`).join(', ')}) ` +
      `VALUES (${set.map(() => '?').join(', ')})`;
    sqlite.run(
      sql,
      set.map((c) => sqliteValue(device[c.property])),
    );
  }

  /** Runs fn in one write transaction: everything it does commits together, or nothing does. */
  transaction<T>(fn: (steps: DeviceCreateSteps) => Promise<T>): Promise<T> {
    const sqlite = this.sqlite;
    if (sqlite) return sqlite.transaction(() => fn(this.sqliteSteps(sqlite)));
    return this.dataSource.transaction((manager) => fn(this.typeormSteps(manager)));
  }

  private sqliteSteps(sqlite: SqliteStatements): DeviceCreateSteps {
    return {
      requireOpenCase: async (caseId) => {
        const found = sqlite.get<{ voidedAt: string | null }>(
          'SELECT "voidedAt" FROM "cases" WHERE "id" = ?',
          [caseId],
        );
        requireOpenCase(found, caseId);
      },
      exhibitsOf: async (caseId) =>
        sqlite.all<Exhibit>('SELECT "id", "exhibitRef" FROM "devices" WHERE "caseId" = ?', [caseId]),
      insert: async (device) => this.sqliteInsert(sqlite, device),
      audit: async (entry) => {
        this.auditService.recordSqlite(sqlite, entry);
      },
    };
  }

  private typeormSteps(manager: EntityManager): DeviceCreateSteps {
    return {
      requireOpenCase: async (caseId) => {
        await this.cases.requireOpenCase(manager, caseId);
      },
      exhibitsOf: async (caseId, exhibitKey) => {
        await lockKey(manager, `exhibit:${caseId}:${exhibitKey}`);
        return manager
          .getRepository(Device)
          .find({ where: { caseId }, select: { id: true, exhibitRef: true } });
      },
      // Every column is set by the caller: updateEntity(false) spares TypeORM's re-read of the defaulted
      // columns after the INSERT.
      insert: async (device) => {
        await manager.createQueryBuilder().insert().into(Device).values(device).updateEntity(false).execute();
      },
      audit: async (entry) => {
        await this.auditService.record(manager, entry);
      },
    };
  }
}

// better-sqlite3 binds no booleans.
function sqliteValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
