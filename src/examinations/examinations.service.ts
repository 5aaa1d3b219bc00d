import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccreditationService } from '../accreditation/accreditation.service.js';
import { isLocalDate, localDateOf, startOfLocalDate } from '../accreditation/local-date.js';
import { unknownCode } from '../accreditation/scope-entry-rules.js';
import { AuditService } from '../audit/audit.service.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { nowInstant, toInstant } from '../common/columns.js';
import { voidFields, voidRecord, type VoidTarget } from '../common/void-record.js';
import {
  ConflictError,
  FieldError,
  NotFoundError,
  PreconditionFailedError,
  RuleViolationError,
} from '../common/errors.js';
import { requireVersion } from '../common/if-match.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { appConfig } from '../config/app.config.js';
import { Device } from '../devices/device.entity.js';
import { DevicesService } from '../devices/devices.service.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { CreateExaminationDto } from './dto/create-examination.dto.js';
import { ExaminationQueryDto } from './dto/examination-query.dto.js';
import { UpdateExaminationDto } from './dto/update-examination.dto.js';
import { Examination } from './examination.entity.js';
import {
  checkOverrideReached,
  checkStartAfterReceipt,
  checkTimeline,
  checkTransition,
  dropUndefined,
  ExaminationRulesError,
  needsScopeRecompute,
  type OverrideInput,
  recorded,
  resolveOverride,
  SCOPE_FIELDS,
  type ScopeEnd,
  scopeInstant,
  withDefaultTimes,
} from './examination-rules.js';
import { firstLabReceiptAt } from '../devices/examination-bounds.js';

export interface ExaminedDevice {
  exhibitRef: string;
  caseReference: string;
  deviceType: string;
}

const EXAMINATION_VOID: VoidTarget<Examination> = {
  entity: Examination,
  label: 'examination',
  action: 'examination.void',
  auditEntity: 'examination',
  snapshot: voidFields,
};

@Injectable()
export class ExaminationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly devices: DevicesService,
    private readonly accreditation: AccreditationService,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async create(dto: CreateExaminationDto, actorId: string): Promise<Examination> {
    const device = await this.deviceFor(dto.deviceId);
    const now = nowInstant();
    const exam = Object.assign(new Examination(), {
      id: newId(),
      deviceId: device.id,
      status: 'REQUESTED',
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      scopeStatusAtStart: null,
      scopeStartOverrideReason: null,
      scopeStatusAtCompletion: null,
      scopeCompletionOverrideReason: null,
      codeCompliance: 'NOT_ASSESSED',
      dataRecovered: null,
      methods: null,
      findingsSummary: null,
      toolsUsed: null,
      ...newRecordColumns(actorId, now),
    });
    return this.dataSource.transaction(async (manager) => {
      const next = await this.apply(manager, exam, null, dto, device, now);
      await manager.getRepository(Examination).insert(next);
      await this.audit.record(manager, {
        actorId,
        action: 'examination.create',
        entity: 'examination',
        entityId: next.id,
        after: recorded(next),
      });
      return next;
    });
  }

  async update(id: string, dto: UpdateExaminationDto, ifMatch: string | undefined, actorId: string) {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findIn(manager, id);
      const expected = requireVersion(ifMatch, current.version);
      if (current.voidedAt) throw new ConflictError('VOIDED', 'A voided examination cannot be changed.');
      const device = await this.devices.findOne(current.deviceId);
      const now = nowInstant();
      const next = await this.apply(manager, current, current, dto, device, now);
      if (JSON.stringify(recorded(next)) === JSON.stringify(recorded(current))) return current;
      const changes = { ...recorded(next), updatedAt: now, version: expected + 1 };
      const result = await manager
        .getRepository(Examination)
        .update({ id, version: expected, voidedAt: IsNull() }, changes);
      if (result.affected === 0) {
        throw new PreconditionFailedError(
          'VERSION_STALE',
          'The record changed meanwhile; read it again and retry.',
        );
      }
      await this.audit.record(manager, {
        actorId,
        action: 'examination.update',
        entity: 'examination',
        entityId: id,
        before: recorded(current),
        after: recorded(next),
      });
      return Object.assign(new Examination(), next, { updatedAt: now, version: expected + 1 });
    });
  }

  async void(id: string, reason: string, actorId: string): Promise<Examination> {
    return this.dataSource.transaction(async (manager) =>
      voidRecord(manager, this.audit, EXAMINATION_VOID, await this.findIn(manager, id), reason, actorId),
    );
  }

  async list(query: ExaminationQueryDto): Promise<Page<Examination>> {
    const qb = this.dataSource.getRepository(Examination).createQueryBuilder('e');
    if (query.deviceId) qb.andWhere('e.deviceId = :deviceId', { deviceId: query.deviceId });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    for (const field of ['scopeStatusAtStart', 'scopeStatusAtCompletion'] as const) {
      if (query[field]) qb.andWhere(`e.${field} = :${field}`, { [field]: query[field] });
    }
    if (query.requestedFrom) qb.andWhere('e.requestedAt >= :from', { from: this.bound(query.requestedFrom) });
    if (query.requestedTo) qb.andWhere('e.requestedAt < :to', { to: this.bound(query.requestedTo) });
    if (!query.includeVoided) qb.andWhere('e.voidedAt IS NULL');
    const [items, total] = await qb
      .orderBy('e.requestedAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  // What a list item shows of each examination's device (one statement for the page).
  async devicesOf(exams: Pick<Examination, 'deviceId'>[]): Promise<Map<string, ExaminedDevice>> {
    const ids = [...new Set(exams.map((e) => e.deviceId))];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('d.id', 'id')
      .addSelect('d."exhibitRef"', 'exhibitRef')
      .addSelect('d."deviceType"', 'deviceType')
      .addSelect('c.reference', 'caseReference')
      .from('devices', 'd')
      .innerJoin('cases', 'c', 'c.id = d."caseId"')
      .where('d.id IN (:...ids)', { ids })
      .getRawMany<ExaminedDevice & { id: string }>();
    return new Map(rows.map(({ id, ...device }) => [id, device]));
  }

  async get(id: string): Promise<Examination> {
    return this.findIn(this.dataSource.manager, id);
  }

  // Merges the request into the record, checks every rule, and sets the scope status.
  private async apply(
    manager: EntityManager,
    base: Examination,
    current: Examination | null,
    dto: UpdateExaminationDto,
    device: Device,
    now: string,
  ): Promise<Examination> {
    const {
      scopeStatusAtStart,
      scopeStartOverrideReason,
      scopeStatusAtCompletion,
      scopeCompletionOverrideReason,
      ...fields
    } = dto;
    const next = Object.assign(new Examination(), base, dropUndefined(fields));
    for (const key of ['requestedAt', 'startedAt', 'completedAt', 'cancelledAt'] as const) {
      if (typeof next[key] === 'string') next[key] = toInstant(next[key]);
    }
    const errors: FieldError[] = [];
    const move = checkTransition(current?.status ?? 'REQUESTED', next.status);
    if (move) throw new RuleViolationError('STATUS_TRANSITION', move.field, move.message);
    Object.assign(next, withDefaultTimes(next, current?.status ?? 'REQUESTED', now));
    errors.push(...checkTimeline(next, device.seizedAt, now));
    if (next.startedAt && next.startedAt !== current?.startedAt) {
      const receipt = checkStartAfterReceipt(next.startedAt, await firstLabReceiptAt(manager, device.id));
      if (receipt) errors.push(receipt);
    }
    if (!this.reference.has('code-compliance', next.codeCompliance)) {
      errors.push(unknownCode('codeCompliance', 'code-compliance', this.reference));
    }
    const inputs: Record<ScopeEnd, OverrideInput> = {
      start: { scopeStatus: scopeStatusAtStart, scopeOverrideReason: scopeStartOverrideReason },
      completion: {
        scopeStatus: scopeStatusAtCompletion,
        scopeOverrideReason: scopeCompletionOverrideReason,
      },
    };
    const resolved = (['start', 'completion'] as const).map((end) => {
      const { status, reason } = SCOPE_FIELDS[end];
      const was = current?.[reason]
        ? { scopeStatus: current[status] ?? 'OUT_OF_SCOPE', reason: current[reason] }
        : null;
      const result = resolveOverride(inputs[end], was, end);
      const unreached = checkOverrideReached(end, result.override, next);
      return { end, ...result, errors: unreached ? [...result.errors, unreached] : result.errors };
    });
    for (const r of resolved) errors.push(...r.errors);
    if (errors.length > 0) throw new ExaminationRulesError(errors);
    for (const { end, override, cleared } of resolved) {
      const { status, reason } = SCOPE_FIELDS[end];
      next[reason] = override?.reason ?? null;
      if (override) {
        next[status] = override.scopeStatus;
      } else if (needsScopeRecompute(end, current, next, cleared)) {
        const at = scopeInstant(end, next);
        next[status] = at
          ? await this.accreditation.scopeStatusOn(
              device.deviceType,
              localDateOf(at, this.app.timeZone),
              manager,
            )
          : null;
      }
    }
    return next;
  }

  private async deviceFor(deviceId: string): Promise<Device> {
    const device = await this.devices.findOne(deviceId).catch((error: unknown) => {
      if (error instanceof NotFoundError) {
        throw new RuleViolationError('DEVICE_NOT_FOUND', 'deviceId', 'No device has this deviceId.');
      }
      throw error;
    });
    if (device.voidedAt) {
      throw new RuleViolationError(
        'DEVICE_VOIDED',
        'deviceId',
        'The device is voided; it cannot be examined.',
      );
    }
    return device;
  }

  private async findIn(manager: EntityManager, id: string): Promise<Examination> {
    const exam = await manager.getRepository(Examination).findOneBy({ id });
    if (!exam) throw new NotFoundError('EXAMINATION_NOT_FOUND', 'No examination has this id.');
    return exam;
  }

  private bound(value: string): string {
    return isLocalDate(value) ? startOfLocalDate(value, this.app.timeZone) : toInstant(value);
  }
}
