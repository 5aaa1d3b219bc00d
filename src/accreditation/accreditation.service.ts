import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { nowInstant } from '../common/columns.js';
import { voidFields, voidRecord, type VoidTarget } from '../common/void-record.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { appConfig } from '../config/app.config.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { CreateScopeEntryDto } from './dto/create-scope-entry.dto.js';
import { ScopeEntryQueryDto } from './dto/scope-entry-query.dto.js';
import { ScopeHistoryItemDto, ScopeStatusResponseDto } from './dto/scope-status-response.dto.js';
import { todayIn } from './local-date.js';
import {
  ALL_DIGITAL,
  normaliseActivity,
  plannedChanges,
  rowInForce,
  scopeHistory,
  ScopeStatus,
  toScopeStatus,
} from './scope.js';
import {
  checkDeviceType,
  checkPlanned,
  checkScopeEntryCodes,
  resolveScopeType,
} from './scope-entry-rules.js';
import { ScopeEntry } from './scope-entry.entity.js';

const SCOPE_ENTRY_VOID: VoidTarget<ScopeEntry> = {
  entity: ScopeEntry,
  label: 'scope entry',
  action: 'scope.void',
  auditEntity: 'scope_entry',
  snapshot: voidFields,
};

@Injectable()
export class AccreditationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async create(dto: CreateScopeEntryDto, actorId: string): Promise<ScopeEntry> {
    const errors = checkScopeEntryCodes(dto, this.reference);
    const scopeType = resolveScopeType(dto.status, dto.scopeType, (status) => this.canClaim(status));
    if (scopeType.error) errors.push(scopeType.error);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const planned = checkPlanned(dto.effectiveFrom, dto.planned, todayIn(this.app.timeZone));
    if (planned) throw new RuleViolationError('SCOPE_ENTRY_PLANNED', planned.field, planned.message);
    const now = nowInstant();
    const entry = Object.assign(new ScopeEntry(), {
      id: newId(),
      deviceType: dto.deviceType,
      activity: dto.activity?.trim() || null,
      activityKey: normaliseActivity(dto.activity) ?? '',
      standard: dto.standard ?? 'ISO/IEC 17025:2017',
      accreditationBody: dto.accreditationBody ?? 'UKAS',
      scheduleReference: dto.scheduleReference ?? null,
      fsaCode: dto.fsaCode ?? null,
      scopeType: scopeType.scopeType as ScopeEntry['scopeType'],
      status: dto.status,
      effectiveFrom: dto.effectiveFrom,
      notes: dto.notes ?? null,
      ...newRecordColumns(actorId, now),
    });
    return this.dataSource.transaction(async (manager) => {
      await this.assertLineFree(manager, entry);
      await manager.getRepository(ScopeEntry).insert(entry);
      await this.audit.record(manager, {
        actorId,
        action: 'scope.create',
        entity: 'scope_entry',
        entityId: entry.id,
        after: fieldsOf(entry),
      });
      return entry;
    });
  }

  async list(query: ScopeEntryQueryDto): Promise<Page<ScopeEntry>> {
    const qb = this.dataSource.getRepository(ScopeEntry).createQueryBuilder('s');
    if (query.deviceType) qb.andWhere('s.deviceType = :deviceType', { deviceType: query.deviceType });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (!query.includeVoided) qb.andWhere('s.voidedAt IS NULL');
    const [items, total] = await qb
      .orderBy('s.effectiveFrom', 'DESC')
      .addOrderBy('s.deviceType', 'ASC')
      .addOrderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<ScopeEntry> {
    const entry = await this.dataSource.getRepository(ScopeEntry).findOneBy({ id });
    if (!entry) throw new NotFoundError('SCOPE_ENTRY_NOT_FOUND', 'No scope entry has this id.');
    return entry;
  }

  async void(id: string, reason: string, actorId: string): Promise<ScopeEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await manager.getRepository(ScopeEntry).findOneBy({ id });
      if (!entry) throw new NotFoundError('SCOPE_ENTRY_NOT_FOUND', 'No scope entry has this id.');
      return voidRecord(manager, this.audit, SCOPE_ENTRY_VOID, entry, reason, actorId);
    });
  }

  // For the status endpoint and the FOI report: the register's answer for a device type on a local date.
  async statusOn(deviceType: string, on?: string, activity?: string): Promise<ScopeStatusResponseDto> {
    this.assertDeviceType(deviceType);
    const today = todayIn(this.app.timeZone);
    const date = on ?? today;
    const rows = await this.rowsFor(deviceType);
    const row = rowInForce(rows, deviceType, activity, date);
    return {
      deviceType,
      on: date,
      status: row?.status ?? 'NOT_ACCREDITED',
      scopeType: row?.scopeType ?? null,
      scheduleReference: row?.scheduleReference ?? null,
      since: row?.effectiveFrom ?? null,
      scopeStatus: this.toScopeStatus(row),
      appliesVia: row?.deviceType ?? null,
      entryId: row?.id ?? null,
      planned: row !== null && row.effectiveFrom > today,
      plannedChanges: plannedChanges(rows, deviceType, activity ?? null, date > today ? date : today).map(
        (planned) => ({
          effectiveFrom: planned.effectiveFrom,
          status: planned.status,
          scopeType: planned.scopeType,
          scheduleReference: planned.scheduleReference,
          scopeStatus: this.toScopeStatus(planned),
          appliesVia: planned.deviceType,
        }),
      ),
    };
  }

  // The device type's effective history (its own rows, ALL_DIGITAL rows while it has none), oldest first.
  async history(deviceType: string): Promise<ScopeHistoryItemDto[]> {
    this.assertDeviceType(deviceType);
    const today = todayIn(this.app.timeZone);
    const inForce = (await this.rowsFor(deviceType)).filter((row) => row.effectiveFrom <= today);
    return scopeHistory(inForce, deviceType).map(({ effectiveFrom, row }) => ({
      effectiveFrom,
      status: row.status,
      scopeType: row.scopeType,
      scheduleReference: row.scheduleReference,
      scopeStatus: this.toScopeStatus(row),
      appliesVia: row.deviceType,
      entryId: row.id,
    }));
  }

  // For examinations: the scope status an examination of this device type gets on a local date.
  async scopeStatusOn(deviceType: string, on: string, manager?: EntityManager): Promise<ScopeStatus> {
    return this.toScopeStatus(rowInForce(await this.rowsFor(deviceType, manager), deviceType, null, on));
  }

  private toScopeStatus(row: ScopeEntry | null): ScopeStatus {
    return toScopeStatus(row, (status) => this.canClaim(status));
  }

  private canClaim(status: string): boolean {
    return this.reference.get('accreditation-statuses', status)?.attributes.canClaimAccredited === true;
  }

  private assertDeviceType(deviceType: string): void {
    const error = checkDeviceType('deviceType', deviceType, this.reference);
    if (error) throw new ValidationFailedError([error]);
  }

  private rowsFor(deviceType: string, manager?: EntityManager): Promise<ScopeEntry[]> {
    return (manager ?? this.dataSource.manager).getRepository(ScopeEntry).findBy({
      deviceType: In([deviceType, ALL_DIGITAL]),
      voidedAt: IsNull(),
    });
  }

  // One row per line and date: a second row for the same change is a clash, not a correction (the
  // unique index UQ_scope_entries_line_from backs this check against a concurrent insert).
  private async assertLineFree(manager: EntityManager, entry: ScopeEntry): Promise<void> {
    const clash = await manager.getRepository(ScopeEntry).existsBy({
      deviceType: entry.deviceType,
      activityKey: entry.activityKey,
      effectiveFrom: entry.effectiveFrom,
      voidedAt: IsNull(),
    });
    if (clash) {
      throw new ConflictError(
        'SCOPE_ENTRY_EXISTS',
        `A scope entry for ${entry.deviceType}${entry.activity ? ` (${entry.activity})` : ''} from ${entry.effectiveFrom} already exists; void it first to replace it.`,
      );
    }
  }
}

function fieldsOf(entry: ScopeEntry): Record<string, unknown> {
  const { deviceType, activity, standard, accreditationBody, scheduleReference, fsaCode } = entry;
  const { scopeType, status, effectiveFrom, notes } = entry;
  return {
    deviceType,
    activity,
    standard,
    accreditationBody,
    scheduleReference,
    fsaCode,
    scopeType,
    status,
    effectiveFrom,
    notes,
  };
}
