import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { toInstant } from '../common/columns.js';
import { NotFoundError } from '../common/errors.js';
import { userNames } from '../common/user-names.js';
import { Page } from '../common/pagination.dto.js';
import { AuditEvent } from './audit-event.entity.js';
import { ChainReport, StoredAuditEvent, verifyChain } from './audit-verify.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

// The records that have a history route, with the table that holds them.
export const HISTORY_TABLES = {
  case: 'cases',
  device: 'devices',
  examination: 'examinations',
} as const;
export type HistoryEntity = keyof typeof HISTORY_TABLES;

// Reads the audit trail; never writes it (AuditService.record is the only writer).
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  verify(batchSize?: number): Promise<ChainReport> {
    return verifyChain(
      (afterSeq, limit) =>
        this.events()
          .where('e.seq > :afterSeq', { afterSeq })
          .orderBy('e.seq', 'ASC')
          .limit(limit)
          .getMany() as Promise<StoredAuditEvent[]>,
      batchSize,
    );
  }

  // The hash stored for one event, to compare with a head hash recorded earlier outside the register.
  async hashOf(seq: number): Promise<string | null> {
    const event = await this.events().select(['e.seq', 'e.hash']).where('e.seq = :seq', { seq }).getOne();
    return event?.hash ?? null;
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEvent>> {
    const qb = this.events();
    if (query.entity) qb.andWhere('e.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.at >= :from', { from: toInstant(query.from) });
    if (query.to) qb.andWhere('e.at < :to', { to: toInstant(query.to) });
    return this.page(qb, query.limit, query.offset);
  }

  // A record's whole history; a device's includes its custody events.
  async history(entity: HistoryEntity, id: string, limit: number, offset: number): Promise<Page<AuditEvent>> {
    const exists = await this.dataSource
      .createQueryBuilder()
      .select('r.id', 'id')
      .from(HISTORY_TABLES[entity], 'r')
      .where('r.id = :id', { id })
      .getRawOne();
    if (!exists) throw new NotFoundError(`${entity.toUpperCase()}_NOT_FOUND`, `No ${entity} has this id.`);
    const qb = this.events().where('(e.entity = :entity AND e.entityId = :id)', { entity, id });
    if (entity === 'device') {
      qb.orWhere(
        `(e.entity = 'custody_event' AND e.entityId IN (SELECT c.id FROM custody_events c WHERE c."deviceId" = :id))`,
      );
    }
    return this.page(qb, limit, offset);
  }

  /** The names of the users who made these events, by id (ids without a user are left out). */
  actorNames(events: AuditEvent[]): Promise<Map<string, string>> {
    return userNames(
      this.dataSource,
      events.map((e) => e.actorId),
    );
  }

  private events(): SelectQueryBuilder<AuditEvent> {
    return this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
  }

  private async page(
    qb: SelectQueryBuilder<AuditEvent>,
    limit: number,
    offset: number,
  ): Promise<Page<AuditEvent>> {
    const [items, total] = await qb.orderBy('e.seq', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items, total, limit, offset };
  }
}
