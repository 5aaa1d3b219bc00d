import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { lockCaseOpen } from '../cases/key-lock.js';
import { ConflictError, RuleViolationError } from '../common/errors.js';
import { Device } from './device.entity.js';
import { changeDeviceAtVersion } from './device-versioned-change.js';
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
      let source: Case | undefined;
      let target: Case | undefined;
      const { before: current, after: moved } = await changeDeviceAtVersion(
        manager,
        id,
        ifMatch,
        'moved',
        async (device) => {
          if (device.caseId === targetCaseId) {
            throw new RuleViolationError(
              'SAME_CASE',
              'caseId',
              'The device is already filed under this case.',
            );
          }
          // Both cases' "open" locks, in one order, so a case void waits (PostgreSQL).
          const [first, second] = [device.caseId, targetCaseId].sort();
          await lockCaseOpen(manager, first);
          await lockCaseOpen(manager, second);
          source = await manager.getRepository(Case).findOneByOrFail({ id: device.caseId });
          if (source.voidedAt) throw new ConflictError('CASE_VOIDED', "The device's case is voided.");
          target = await this.cases.requireOpenCase(manager, targetCaseId);
          await requireFreeExhibitRef(manager, targetCaseId, device.exhibitRef, id);
          return { caseId: targetCaseId };
        },
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'device.move',
        entity: 'device',
        entityId: id,
        before: Object.assign(deviceRecord(current), { caseReference: source!.reference }),
        after: Object.assign(deviceRecord(moved), { caseReference: target!.reference, moveReason: reason }),
      });
      return moved;
    });
  }
}
