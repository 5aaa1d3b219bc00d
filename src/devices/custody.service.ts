import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { nowInstant, toInstant } from '../common/columns.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { checkCustodyEvent } from './custody-rules.js';
import { CustodyEvent } from './custody-event.entity.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { CreateCustodyEventDto } from './dto/create-custody-event.dto.js';
import { toCustodyEventResponse } from './dto/custody-event-response.dto.js';
import { deviceRecord } from './dto/device-response.dto.js';

// Continuity: append-only custody events; the device's custodyStatus follows the latest one.
@Injectable()
export class CustodyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly codes: DeviceCodes,
  ) {}

  async record(deviceId: string, dto: CreateCustodyEventDto, actor: AuthUser): Promise<CustodyEvent> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.device(manager, deviceId);
      if (device.voidedAt)
        throw new ConflictError('DEVICE_VOIDED', 'This device is voided: custody cannot be recorded.');
      this.codes.check({ toStatus: dto.toStatus });
      const at = toInstant(dto.at);
      const latest = await manager
        .getRepository(CustodyEvent)
        .findOne({ where: { deviceId }, order: { at: 'DESC', createdAt: 'DESC' } });
      const problem = checkCustodyEvent({ at, toStatus: dto.toStatus }, device.seizedAt, latest, new Date());
      if (problem) throw new RuleViolationError('CUSTODY_ORDER', problem.field, problem.message);
      const now = nowInstant();
      const event = Object.assign(new CustodyEvent(), {
        id: newId(),
        deviceId,
        at,
        fromHolder: dto.fromHolder ?? latest?.toHolder ?? device.seizedBy,
        toHolder: dto.toHolder,
        toStatus: dto.toStatus,
        purpose: dto.purpose ?? null,
        sealNumber: dto.sealNumber ?? null,
        sealIntact: dto.sealIntact ?? null,
        recordedBy: dto.recordedBy ?? actor.id,
        createdAt: now,
        createdBy: actor.id,
      });
      await manager.getRepository(CustodyEvent).insert(event);
      const moved = await manager
        .createQueryBuilder()
        .update(Device)
        .set({ custodyStatus: dto.toStatus, updatedAt: now, version: () => 'version + 1' })
        .where('id = :deviceId AND version = :version', { deviceId, version: device.version })
        .execute();
      if (moved.affected !== 1)
        throw new ConflictError('CONCURRENT_CHANGE', 'The device changed meanwhile; retry.');
      const after = await manager.getRepository(Device).findOneByOrFail({ id: deviceId });
      const entry = { actorId: actor.id, entity: 'custody_event', entityId: event.id };
      await this.audit.record(manager, {
        ...entry,
        action: 'custody.record',
        after: toCustodyEventResponse(event),
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'device.update',
        entity: 'device',
        entityId: deviceId,
        before: deviceRecord(device),
        after: deviceRecord(after),
      });
      return event;
    });
  }

  // Chronological; readable for voided devices too.
  async list(deviceId: string, limit: number, offset: number): Promise<Page<CustodyEvent>> {
    await this.device(this.dataSource.manager, deviceId);
    const [items, total] = await this.dataSource.getRepository(CustodyEvent).findAndCount({
      where: { deviceId },
      order: { at: 'ASC', createdAt: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total, limit, offset };
  }

  private async device(manager: EntityManager, id: string): Promise<Device> {
    const device = await manager.getRepository(Device).findOneBy({ id });
    if (!device) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
    return device;
  }
}
