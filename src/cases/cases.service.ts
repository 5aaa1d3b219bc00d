import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { nowInstant } from '../common/columns.js';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationFailedError,
} from '../common/errors.js';
import { requireVersion } from '../common/if-match.js';
import { voidRecord, type VoidTarget } from '../common/void-record.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { appConfig } from '../config/app.config.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { Case } from './case.entity.js';
import { requireOpenCase } from './case-open.js';
import { lockAgainstImports, lockCaseOpen, lockKey } from './key-lock.js';
import { CASE_FIELD_KEYS, CaseFields, checkCase, unknownCode } from './case-rules.js';
import { CaseQueryDto } from './dto/case-query.dto.js';
import { toCaseResponse } from './dto/case-response.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { UpdateCaseDto } from './dto/update-case.dto.js';
import { referenceKeyOf } from './reference-key.js';
import { caseReferenceMatch, requireSearchText } from './text-search.js';
import { dialectOf } from '../database/dialect.js';
import { SearchIndex } from './search-index.js';
import { RuleViolationsError } from './rule-violations.js';

type CaseInput = CaseFields & { reference: string };
type CaseValues = Omit<Case, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'version' | `void${string}`>;

const CASE_VOID: VoidTarget<Case> = {
  entity: Case,
  label: 'case',
  action: 'case.void',
  auditEntity: 'case',
  snapshot: toCaseResponse,
};

// The filters of GET /api/cases that narrow the list beyond "open or not" (includeVoided): every one, or
// a compile error.
const CASE_FILTERS = Object.keys({
  reference: true,
  q: true,
  kind: true,
  offenceGroup: true,
  offenceSubgroup: true,
  incidentCategory: true,
  policeOutcome: true,
  courtStage: true,
  policingArea: true,
  progressedToCourt: true,
} satisfies Record<Exclude<keyof CaseQueryDto, 'includeVoided' | 'limit' | 'offset'>, true>) as (keyof CaseQueryDto)[];

const OPEN_CASES_SQL =
  'SELECT (SELECT COUNT(*) FROM "cases") - (SELECT COUNT(*) FROM "cases" WHERE "voidedAt" IS NOT NULL) AS "total"';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reference: ReferenceDataService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly searchIndex: SearchIndex,
  ) {}

  async create(dto: CreateCaseDto, actor: AuthUser): Promise<Case> {
    const input = { reference: dto.reference } as CaseInput;
    for (const key of CASE_FIELD_KEYS) Object.assign(input, { [key]: dto[key] ?? null });
    return this.dataSource.transaction(async (manager) => {
      const values = await this.resolve(manager, input, null);
      const now = nowInstant();
      const entity = Object.assign(new Case(), values, {
        id: newId(),
        ...newRecordColumns(actor.id, now),
      });
      await manager.getRepository(Case).insert(entity);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'case.create',
        entity: 'case',
        entityId: entity.id,
        after: toCaseResponse(entity),
      });
      return entity;
    });
  }

  async findOne(id: string, manager: EntityManager = this.dataSource.manager): Promise<Case> {
    const found = await manager.getRepository(Case).findOneBy({ id });
    if (!found) throw new NotFoundError('CASE_NOT_FOUND', 'No case has this id.');
    return found;
  }

  async update(id: string, dto: UpdateCaseDto, ifMatch: string | undefined, actor: AuthUser): Promise<Case> {
    const nulls = (['reference', 'kind'] as const).filter((key) => dto[key] === null);
    if (nulls.length > 0) {
      throw new ValidationFailedError(
        nulls.map((field) => ({ field, message: `${field} cannot be cleared` })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findOne(id, manager);
      const expected = requireVersion(ifMatch, current.version);
      if (current.voidedAt)
        throw new ConflictError('CASE_VOIDED', 'This case is voided and cannot be changed.');
      const input = { reference: dto.reference ?? current.reference } as CaseInput;
      for (const key of CASE_FIELD_KEYS)
        Object.assign(input, { [key]: dto[key] === undefined ? current[key] : dto[key] });
      // A new Home Office code alone moves the case to that code's sub-group.
      if (dto.homeOfficeCode != null && dto.offenceSubgroup === undefined) input.offenceSubgroup = null;
      const values = await this.resolve(manager, input, id);
      const changed = Object.entries(values).filter(([key, value]) => current[key as keyof Case] !== value);
      if (changed.length === 0) return current;
      const result = await manager
        .createQueryBuilder()
        .update(Case)
        .set({ ...values, updatedAt: nowInstant(), version: () => 'version + 1' })
        .where('id = :id AND version = :expected', { id, expected })
        .execute();
      if (result.affected !== 1)
        throw new PreconditionFailedError('VERSION_STALE', 'The case changed meanwhile.');
      const updated = await this.findOne(id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'case.update',
        entity: 'case',
        entityId: id,
        before: toCaseResponse(current),
        after: toCaseResponse(updated),
      });
      return updated;
    });
  }

  async void(id: string, reason: string, actor: AuthUser): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      await lockAgainstImports(manager);
      await lockCaseOpen(manager, id);
      const current = await this.findOne(id, manager);
      if (current.voidedAt) throw new ConflictError('ALREADY_VOIDED', 'This case is already voided.');
      if ((await this.countOpenDevices(manager, id)) > 0) {
        throw new ConflictError(
          'CASE_HAS_DEVICES',
          'This case still has devices that are not voided: void its devices first, or move them to the right case.',
        );
      }
      return voidRecord(manager, this.audit, CASE_VOID, current, reason, actor.id);
    });
  }

  async list(query: CaseQueryDto): Promise<Page<Case>> {
    const lists = [
      ['offenceGroup', 'offence-groups'],
      ['offenceSubgroup', 'offence-subgroups'],
      ['incidentCategory', 'incident-categories'],
      ['policeOutcome', 'police-outcomes'],
      ['courtStage', 'court-stages'],
      ['policingArea', 'policing-areas'],
    ] as const;
    const unknown = lists.filter(
      ([field, list]) => query[field] !== undefined && !this.reference.has(list, query[field]),
    );
    if (unknown.length > 0) {
      throw new ValidationFailedError(
        unknown.map(([field, list]) => unknownCode(this.reference, list, field)),
      );
    }
    const qb = this.dataSource.getRepository(Case).createQueryBuilder('c');
    if (!query.includeVoided) qb.andWhere('c.voidedAt IS NULL');
    if (query.reference !== undefined) {
      qb.andWhere('c.referenceKey = :referenceKey', { referenceKey: referenceKeyOf(query.reference) });
    }
    if (query.q !== undefined) {
      const q = requireSearchText(query.q);
      await this.searchIndex.fold();
      const match = caseReferenceMatch(dialectOf(qb.connection), q, 's');
      qb.andWhere(`c.id IN (${match.sql})`, match.params);
    }
    for (const field of ['kind', ...lists.map(([f]) => f)] as const) {
      if (query[field] !== undefined) qb.andWhere(`c.${field} = :${field}`, { [field]: query[field] });
    }
    if (query.progressedToCourt !== undefined) {
      qb.andWhere('c.progressedToCourt = :progressed', { progressed: query.progressedToCourt });
    }
    // Newest first, read backwards along IDX_cases_created (ties by id, the same way).
    const items = await qb
      .clone()
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getMany();
    const total = await this.total(qb, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  // Every open case, unfiltered: all rows less the few voided ones (a partial index holds only those),
  // instead of counting 300,000 open cases one by one. Filtered: the filtered count.
  private async total(qb: SelectQueryBuilder<Case>, query: CaseQueryDto): Promise<number> {
    const narrowing = CASE_FILTERS.some((key) => query[key] !== undefined);
    if (narrowing || query.includeVoided) return qb.getCount();
    const row = (await this.dataSource.query(OPEN_CASES_SQL)) as { total: number | string }[];
    return Number(row[0]?.total ?? 0);
  }

  // For devices: the case a device is (to be) filed under must exist and be open (422 naming the field).
  // Holds the case's open lock until the caller commits, so the case cannot be voided meanwhile.
  async requireOpenCase(manager: EntityManager, caseId: string, field = 'caseId'): Promise<Case> {
    await lockCaseOpen(manager, caseId);
    const found = await manager.getRepository(Case).findOneBy({ id: caseId });
    requireOpenCase(found, caseId, field);
    return found!;
  }

  private async resolve(
    manager: EntityManager,
    input: CaseInput,
    selfId: string | null,
  ): Promise<CaseValues> {
    const today = DateTime.now().setZone(this.app.timeZone).toISODate() as string;
    const check = checkCase(input, this.reference, today);
    if (check.invalid.length > 0) throw new ValidationFailedError(check.invalid);
    if (check.violations.length > 0) throw new RuleViolationsError('CASE_RULES', check.violations);
    const referenceKey = referenceKeyOf(input.reference);
    // The unique index on referenceKey enforces this too; the check names the clash first.
    await lockKey(manager, `case:${referenceKey}`);
    const clash = manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.referenceKey = :referenceKey', { referenceKey });
    if (selfId) clash.andWhere('c.id <> :selfId', { selfId });
    if (await clash.getExists()) {
      const message = `The reference ${input.reference} is already used by another case (voided ones included).`;
      throw new ConflictError('REFERENCE_TAKEN', message, [{ field: 'reference', message }]);
    }
    return { ...input, referenceKey, ...check.derived };
  }

  // Devices are filed under cases; the count reads the devices table without importing that module.
  private async countOpenDevices(manager: EntityManager, caseId: string): Promise<number> {
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('devices', 'd')
      .where('d."caseId" = :caseId AND d."voidedAt" IS NULL', { caseId })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }
}
