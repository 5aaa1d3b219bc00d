import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { toCaseResponse } from '../cases/dto/case-response.dto.js';
import { nowInstant } from '../common/columns.js';
import { ConflictError } from '../common/errors.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { Device } from '../devices/device.entity.js';
import { deviceRecord } from '../devices/dto/device-response.dto.js';
import type { ImportStore } from './import-store.js';
import { orderedId } from './ordered-ids.js';
import type { CaseValues, DeviceValues } from './row-values.js';

// The records of a batch of good rows, written while no row of the file has failed: cases before their
// devices, one audit event per record, all in the import's transaction.
export class ImportWriter {
  readonly cases: Case[] = [];
  readonly devices: Device[] = [];

  constructor(
    private readonly audit: AuditService,
    private readonly actor: AuthUser,
  ) {}

  private stamps(id: string) {
    return { id, ...newRecordColumns(this.actor.id, nowInstant()) };
  }

  addCase(id: string, values: CaseValues): void {
    this.cases.push(Object.assign(new Case(), values, this.stamps(id)));
  }

  addDevice(caseId: string, values: DeviceValues): void {
    this.devices.push(
      Object.assign(new Device(), values, this.stamps(orderedId()), { caseId, custodyStatus: 'SEIZED' }),
    );
  }

  clear(): void {
    this.cases.length = 0;
    this.devices.length = 0;
  }

  async write(store: ImportStore): Promise<void> {
    const { cases, devices } = this;
    try {
      await store.insertCases(cases);
    } catch (error) {
      // The unique referenceKey: a case of the file was created meanwhile by someone else (PostgreSQL).
      if (error instanceof QueryFailedError && /unique|23505/i.test(error.message)) {
        throw new ConflictError(
          'REFERENCE_TAKEN',
          'A case reference in the file was recorded by someone else during the import; import the file again.',
        );
      }
      throw error;
    }
    // In seizure-time order: the two covering indexes that start with (or follow the type by) seizedAt
    // then take each batch as runs of neighbouring keys instead of jumps across years (a third less
    // CPU for the inserts on the 1,000,000-device register).
    await store.insertDevices(
      [...devices].sort((a, b) => (a.seizedAt < b.seizedAt ? -1 : a.seizedAt > b.seizedAt ? 1 : 0)),
    );
    const entries = [];
    for (const c of cases) {
      entries.push({ actorId: this.actor.id, action: 'case.create', entity: 'case', entityId: c.id, after: toCaseResponse(c) });
    }
    for (const d of devices) {
      entries.push({ actorId: this.actor.id, action: 'device.create', entity: 'device', entityId: d.id, after: deviceRecord(d) });
    }
    await this.audit.recordMany(store.manager, entries);
    this.clear();
  }
}
