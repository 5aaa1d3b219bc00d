import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import { caseOpenLock, exhibitLock } from '../cases/key-lock.js';
import { requireOpenCase } from '../cases/case-open.js';
import { RegisterStatements, type WriteStatements } from '../database/statements.js';
import { Device } from './device.entity.js';

export interface Exhibit {
  id: string;
  exhibitRef: string;
}

// The statements of POST /api/devices, so DevicesService.create keeps its rules in one place. One path
// on both databases: RegisterStatements runs them as prepared statements on SQLite (one writer at a
// time, so the locks take nothing) and through TypeORM on PostgreSQL (advisory locks until commit).
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
  constructor(
    private readonly statements: RegisterStatements,
    private readonly auditService: AuditService,
  ) {}

  /** Runs fn in one write transaction: everything it does commits together, or nothing does. */
  transaction<T>(fn: (steps: DeviceCreateSteps) => Promise<T>): Promise<T> {
    return this.statements.transaction((tx) => fn(this.steps(tx)));
  }

  private steps(tx: WriteStatements): DeviceCreateSteps {
    return {
      requireOpenCase: async (caseId) => {
        await tx.lock(...caseOpenLock(caseId));
        const found = await tx.get<{ voidedAt: string | null }>(
          'SELECT "voidedAt" FROM "cases" WHERE "id" = ?',
          [caseId],
        );
        requireOpenCase(found, caseId);
      },
      exhibitsOf: async (caseId, exhibitKey) => {
        await tx.lock(...exhibitLock(caseId, exhibitKey));
        return tx.all<Exhibit>('SELECT "id", "exhibitRef" FROM "devices" WHERE "caseId" = ?', [caseId]);
      },
      insert: (device) => tx.insert(Device, device),
      audit: async (entry) => {
        await this.auditService.recordIn(tx, entry);
      },
    };
  }
}
