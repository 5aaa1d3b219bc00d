import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { Case } from '../cases/case.entity.js';
import { awaitingCourtResult } from '../cases/progressed-to-court.js';
import { nowInstant, toInstant } from '../common/columns.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  type FieldError,
} from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { checkCustodyEvent, checkDisposal, checkLabPurpose, LAB_CUSTODY_PURPOSES } from './custody-rules.js';
import { CustodyEvent } from './custody-event.entity.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { CreateCustodyEventDto } from './dto/create-custody-event.dto.js';
import { toCustodyEventResponse, VoidedCustodyEventResponseDto } from './dto/custody-event-response.dto.js';
import { deviceRecord } from './dto/device-response.dto.js';

const SEIZED = 'SEIZED';

// Continuity: append-only custody events; the device's custodyStatus follows the latest one that is
// not voided. A wrong event is voided with a reason (it stays in the trail, marked).
@Injectable()
export class CustodyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly codes: DeviceCodes,
  ) {}

  async record(deviceId: string, dto: CreateCustodyEventDto, actor: AuthUser): Promise<CustodyEvent> {
    if (actor.role === Role.Lab) this.requireLabPurpose(dto.purpose);
    this.codes.check({ toStatus: dto.toStatus, purpose: dto.purpose });
    return this.dataSource.transaction(async (manager) => {
      const device = await this.device(manager, deviceId);
      if (device.voidedAt)
        throw new ConflictError('DEVICE_VOIDED', 'This device is voided: custody cannot be recorded.');
      const at = toInstant(dto.at);
      const latest = await this.latest(manager, deviceId);
      const problem = checkCustodyEvent({ at, toStatus: dto.toStatus }, device.seizedAt, latest, new Date());
      if (problem) throw new RuleViolationError('CUSTODY_ORDER', problem.field, problem.message);
      await this.requireDisposalConfirmed(manager, device, dto);
      const now = nowInstant();
      const event = Object.assign(new CustodyEvent(), {
        id: newId(),
        deviceId,
        at,
        fromHolder: dto.fromHolder ?? latest?.toHolder ?? device.seizedBy,
        toHolder: dto.toHolder,
        toStatus: dto.toStatus,
        purpose: dto.purpose ?? null,
        notes: dto.notes ?? null,
        sealNumber: dto.sealNumber ?? null,
        sealIntact: dto.sealIntact ?? null,
        recordedBy: dto.recordedBy ?? actor.id,
        createdAt: now,
        createdBy: actor.id,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      });
      await manager.getRepository(CustodyEvent).insert(event);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'custody.record',
        entity: 'custody_event',
        entityId: event.id,
        after: toCustodyEventResponse(event),
      });
      await this.moveDevice(manager, device, dto.toStatus, now, actor);
      return event;
    });
  }

  // The event stays, marked voided; the device's status and holder follow the events that remain.
  async void(
    deviceId: string,
    eventId: string,
    reason: string,
    actor: AuthUser,
  ): Promise<VoidedCustodyEventResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.device(manager, deviceId);
      const repo = manager.getRepository(CustodyEvent);
      const event = await repo.findOneBy({ id: eventId, deviceId });
      if (!event)
        throw new NotFoundError('CUSTODY_EVENT_NOT_FOUND', 'This device has no custody event with this id.');
      if (device.voidedAt)
        throw new ConflictError('DEVICE_VOIDED', 'This device is voided: its custody cannot be changed.');
      if (event.voidedAt)
        throw new ConflictError(
          'CUSTODY_EVENT_VOIDED',
          `This custody event was voided at ${event.voidedAt}.`,
        );
      if (actor.role === Role.Lab && !LAB_CUSTODY_PURPOSES.includes(event.purpose ?? '')) {
        throw new ForbiddenError(
          'LAB_CUSTODY_PURPOSE',
          'The lab may void only the receipts and returns it records.',
          [
            {
              field: 'eventId',
              message: `the lab voids events with purpose ${LAB_CUSTODY_PURPOSES.join(' or ')} only`,
            },
          ],
        );
      }
      const now = nowInstant();
      const voided = Object.assign(new CustodyEvent(), event, {
        voidedAt: now,
        voidedBy: actor.id,
        voidReason: reason,
      });
      const changed = await manager
        .createQueryBuilder()
        .update(CustodyEvent)
        .set({ voidedAt: now, voidedBy: actor.id, voidReason: reason })
        .where('id = :eventId AND "voidedAt" IS NULL', { eventId })
        .execute();
      if (changed.affected !== 1)
        throw new ConflictError('CONCURRENT_CHANGE', 'The custody event changed meanwhile; retry.');
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'custody.void',
        entity: 'custody_event',
        entityId: event.id,
        before: toCustodyEventResponse(event),
        after: toCustodyEventResponse(voided),
      });
      const latest = await this.latest(manager, deviceId);
      const after = await this.moveDevice(manager, device, latest?.toStatus ?? SEIZED, now, actor);
      return Object.assign(toCustodyEventResponse(voided), {
        device: {
          id: after.id,
          custodyStatus: after.custodyStatus,
          custodyHolder: latest?.toHolder ?? device.seizedBy,
          version: after.version,
        },
      });
    });
  }

  // Chronological, voided events included (marked); readable for voided devices too.
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

  private requireLabPurpose(purpose: string | undefined): void {
    const problem = checkLabPurpose(purpose);
    if (problem) throw new ForbiddenError('LAB_CUSTODY_PURPOSE', problem.message, [problem]);
  }

  private async requireDisposalConfirmed(
    manager: EntityManager,
    device: Device,
    dto: CreateCustodyEventDto,
  ): Promise<void> {
    if (checkDisposal(dto.toStatus, true, dto.confirmDisposal) === null) return;
    const found = await manager.getRepository(Case).findOne({
      where: { id: device.caseId },
      select: { id: true, progressedToCourt: true, courtResult: true },
    });
    const awaiting = awaitingCourtResult(found?.progressedToCourt ?? null, found?.courtResult ?? null);
    const problem: FieldError | null = checkDisposal(dto.toStatus, awaiting, dto.confirmDisposal);
    if (problem) throw new RuleViolationError('DISPOSAL_NOT_CONFIRMED', problem.field, problem.message);
  }

  // The latest event that stands (not voided), in time order, ties by recording order.
  private latest(manager: EntityManager, deviceId: string): Promise<CustodyEvent | null> {
    return manager
      .getRepository(CustodyEvent)
      .findOne({ where: { deviceId, voidedAt: IsNull() }, order: { at: 'DESC', createdAt: 'DESC' } });
  }

  // The device's custodyStatus becomes `status` (its version moves on either way), audited.
  private async moveDevice(
    manager: EntityManager,
    device: Device,
    status: string,
    now: string,
    actor: AuthUser,
  ): Promise<Device> {
    const moved = await manager
      .createQueryBuilder()
      .update(Device)
      .set({ custodyStatus: status, updatedAt: now, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: device.id, version: device.version })
      .execute();
    if (moved.affected !== 1)
      throw new ConflictError('CONCURRENT_CHANGE', 'The device changed meanwhile; retry.');
    const after = await manager.getRepository(Device).findOneByOrFail({ id: device.id });
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'device.update',
      entity: 'device',
      entityId: device.id,
      before: deviceRecord(device),
      after: deviceRecord(after),
    });
    return after;
  }

  private async device(manager: EntityManager, id: string): Promise<Device> {
    const device = await manager.getRepository(Device).findOneBy({ id });
    if (!device) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
    return device;
  }
}
