import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { nowInstant } from '../common/columns.js';
import { voidRecord, type VoidTarget } from '../common/void-record.js';
import { NotFoundError, RuleViolationError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { checkSeizedAt } from './custody-rules.js';
import { CustodyEvent } from './custody-event.entity.js';
import { Device } from './device.entity.js';
import { changeDeviceAtVersion } from './device-versioned-change.js';
import { DEVICE_NEVER_NULL, DEVICE_PATCHABLE } from './device-record.js';
import { deviceCreateValues, deviceStoredValue } from './device-values.js';
import { DeviceCodes } from './device-codes.js';
import { DeviceWriter } from './device-writer.js';
import { requireFreeExhibit, requireFreeExhibitRef } from './exhibit-ref-free.js';
import { checkAgainstExaminations, examinationBounds } from './examination-bounds.js';
import { deviceRecord } from './dto/device-response.dto.js';
import { CreateDeviceDto } from './dto/create-device.dto.js';
import { UpdateDeviceDto } from './dto/update-device.dto.js';
import { exhibitRefKey } from './exhibit-reference.js';

const DEVICE_VOID: VoidTarget<Device> = {
  entity: Device,
  label: 'device',
  action: 'device.void',
  auditEntity: 'device',
  snapshot: deviceRecord,
};

@Injectable()
export class DevicesService {
  constructor(
    @InjectRepository(Device) private readonly devices: Repository<Device>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly codes: DeviceCodes,
    private readonly writer: DeviceWriter,
  ) {}

  // Used by other modules (examinations): the device, voided or not; 404 when unknown.
  async findOne(id: string): Promise<Device> {
    const device = await this.devices.findOneBy({ id });
    if (!device) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
    return device;
  }

  async create(dto: CreateDeviceDto, actor: AuthUser): Promise<Device> {
    const values = deviceCreateValues(dto);
    this.codes.check(values);
    this.requireSeizureTime(values.seizedAt, null);
    const exhibitKey = exhibitRefKey(values.exhibitRef);
    return this.writer.transaction(async (steps) => {
      await steps.requireOpenCase(dto.caseId);
      requireFreeExhibit(await steps.exhibitsOf(dto.caseId, exhibitKey), exhibitKey, null);
      const now = nowInstant();
      const device = Object.assign(new Device(), values, {
        id: newId(),
        caseId: dto.caseId,
        custodyStatus: 'SEIZED',
        ...newRecordColumns(actor.id, now),
      });
      await steps.insert(device);
      await steps.audit({
        actorId: actor.id,
        action: 'device.create',
        entity: 'device',
        entityId: device.id,
        after: deviceRecord(device),
      });
      return device;
    });
  }

  async update(
    id: string,
    dto: UpdateDeviceDto,
    ifMatch: string | undefined,
    actor: AuthUser,
  ): Promise<Device> {
    this.codes.rejectNulls(dto, DEVICE_NEVER_NULL);
    return this.dataSource.transaction(async (manager) => {
      const change = await changeDeviceAtVersion(manager, id, ifMatch, 'changed', async (current) => {
        const changes: Partial<Device> = {};
        for (const key of DEVICE_PATCHABLE) {
          const value = deviceStoredValue(key, dto[key]);
          if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
        }
        if (Object.keys(changes).length === 0) return null;
        this.codes.check(changes);
        if (changes.seizedAt)
          this.requireSeizureTime(changes.seizedAt, await this.firstCustodyAt(manager, id));
        if (changes.seizedAt || changes.deviceType) {
          const problem = checkAgainstExaminations(changes, await examinationBounds(manager, id));
          if (problem) throw new RuleViolationError('EXAMINATIONS_RECORDED', problem.field, problem.message);
        }
        if (changes.exhibitRef) await requireFreeExhibitRef(manager, current.caseId, changes.exhibitRef, id);
        return changes;
      });
      if (!change.changed) return change.before;
      const { before: current, after: updated } = change;
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'device.update',
        entity: 'device',
        entityId: id,
        before: deviceRecord(current),
        after: deviceRecord(updated),
      });
      return updated;
    });
  }

  async void(id: string, reason: string, actor: AuthUser): Promise<Device> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(Device).findOneBy({ id });
      if (!current) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
      return voidRecord(manager, this.audit, DEVICE_VOID, current, reason, actor.id);
    });
  }

  private requireSeizureTime(seizedAt: string, firstCustodyAt: string | null): void {
    const problem = checkSeizedAt(seizedAt, new Date(), firstCustodyAt);
    if (problem) throw new RuleViolationError('SEIZURE_TIME', problem.field, problem.message);
  }

  private async firstCustodyAt(manager: EntityManager, deviceId: string): Promise<string | null> {
    const first = await manager.getRepository(CustodyEvent).findOne({
      where: { deviceId, voidedAt: IsNull() },
      order: { at: 'ASC' },
      select: { id: true, at: true },
    });
    return first?.at ?? null;
  }
}
