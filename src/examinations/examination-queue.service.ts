import { dialectOf } from '../database/dialect.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Page } from '../common/pagination.dto.js';
import { Examination } from './examination.entity.js';

export const OPEN_STATUSES = ['REQUESTED', 'IN_PROGRESS'] as const;
type OpenStatus = (typeof OPEN_STATUSES)[number];

export type QueuedExamination = Pick<Examination, 'id' | 'status' | 'requestedAt' | 'deviceId'>;

export interface ExaminationQueue extends Page<QueuedExamination> {
  byStatus: Record<OpenStatus, number>;
}

const QUEUE_INDEX = 'IDX_examinations_open_queue';

// The lab's queue: examinations requested or in progress (not voided), oldest request first, a page at
// a time, with how many there are of each status. Both statements read the partial index of open
// examinations (migration AddPageListIndexes) and nothing else.
@Injectable()
export class ExaminationQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(limit: number, offset: number): Promise<ExaminationQueue> {
    const items = await this.read<QueuedExamination>(
      this.open()
        .select([
          'e.id AS "id"',
          'e.status AS "status"',
          'e.requestedAt AS "requestedAt"',
          'e.deviceId AS "deviceId"',
        ])
        .orderBy('e.requestedAt', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .limit(limit)
        .offset(offset),
    );
    const counts = await this.read<{ status: OpenStatus; n: number | string }>(
      this.open().select('e.status', 'status').addSelect('COUNT(*)', 'n').groupBy('e.status'),
    );
    const byStatus = { REQUESTED: 0, IN_PROGRESS: 0 };
    for (const row of counts) byStatus[row.status] = Number(row.n);
    return { items, total: byStatus.REQUESTED + byStatus.IN_PROGRESS, limit, offset, byStatus };
  }

  // Literals, not parameters: a planner uses a partial index only when it sees the query's WHERE imply
  // the index's.
  private open(): SelectQueryBuilder<Examination> {
    return this.dataSource
      .getRepository(Examination)
      .createQueryBuilder('e')
      .where(`e.status IN ('REQUESTED', 'IN_PROGRESS')`)
      .andWhere('e.voidedAt IS NULL');
  }

  // Without ANALYZE statistics SQLite prefers the plain status index (then sorts every open examination):
  // it is told to read the queue's own index.
  private async read<T>(qb: SelectQueryBuilder<Examination>): Promise<T[]> {
    const [sql, parameters] = qb.getQueryAndParameters();
    const through = dialectOf(this.dataSource).readThrough(sql, 'examinations', QUEUE_INDEX);
    return (await this.dataSource.query(through, parameters)) as T[];
  }
}
