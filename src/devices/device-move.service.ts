import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { lockCaseOpen } from '../cases/key-lock.js';
import { nowInstant } from '../common/columns.js';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  RuleViolationError,
} from '../common/errors.js';
import { requireVersion } from '../common/if-match.js';
import { Device } from './device.entity.js';
import { deviceRecord } from './dto/device-response.dto.js';
import { requireFreeExhibitRef } from './exhibit-ref-free.js';

// A device logged against the wrong case is moved, never re-created (issue 13, part 2): its exhibit
// reference must be free in the target case and neither case voided. The FOI copies of the case's
// fields on the device (and its examinations) follow at once, by the triggers of migration CopyFoiFields.
@Injectable()
export class DeviceMoveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async move(
    id: string,
    targetCaseId: string,
    reason: string,
    ifMatch: string | undefined,
    actor: AuthUser,
  ): Promise<Device> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Device);
      const current = await repo.findOneBy({ id });
      if (!current) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
      const expected = requireVersion(ifMatch, current.version);
      if (current.voidedAt)
        throw new ConflictError('DEVICE_VOIDED', 'This device is voided and cannot be moved.');
      if (current.caseId === targetCaseId) {
        throw new RuleViolationError('SAME_CASE', 'caseId', 'The device is already filed under this case.');
      }
      // Both cases' "open" locks, in one order, so a case void waits (PostgreSQL).
      const [first, second] = [current.caseId, targetCaseId].sort();
      await lockCaseOpen(manager, first);
      await lockCaseOpen(manager, second);
      const source = await manager.getRepository(Case).findOneByOrFail({ id: current.caseId });
      if (source.voidedAt) throw new ConflictError('CASE_VOIDED', "The device's case is voided.");
      const target = await this.cases.requireOpenCase(manager, targetCaseId);
      await requireFreeExhibitRef(manager, targetCaseId, current.exhibitRef, id);
      const result = await manager
        .createQueryBuilder()
        .update(Device)
        .set({ caseId: targetCaseId, updatedAt: nowInstant(), version: () => 'version + 1' })
        .where('id = :id AND version = :expected', { id, expected })
        .execute();
      if (result.affected !== 1)
        throw new PreconditionFailedError('VERSION_STALE', 'The device changed meanwhile.');
      const moved = await repo.findOneByOrFail({ id });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'device.move',
        entity: 'device',
        entityId: id,
        before: Object.assign(deviceRecord(current), { caseReference: source.reference }),
        after: Object.assign(deviceRecord(moved), { caseReference: target.reference, moveReason: reason }),
      });
      return moved;
    });
  }
}
