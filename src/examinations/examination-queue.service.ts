import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '../common/pagination.dto.js';
import { Examination } from './examination.entity.js';

export const OPEN_STATUSES = ['REQUESTED', 'IN_PROGRESS'] as const;

export interface ExaminationQueue extends Page<Examination> {
  byStatus: Record<(typeof OPEN_STATUSES)[number], number>;
}

// The lab's queue: examinations requested or in progress (not voided), oldest request first, a page at
// a time, with how many there are of each status.
@Injectable()
export class ExaminationQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(limit: number, offset: number): Promise<ExaminationQueue> {
    const open = () =>
      this.dataSource
        .getRepository(Examination)
        .createQueryBuilder('e')
        .where('e.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere('e.voidedAt IS NULL');
    const items = await open().orderBy('e.requestedAt', 'ASC').addOrderBy('e.id', 'ASC').take(limit).skip(offset).getMany();
    const counts = await open()
      .select('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.status')
      .getRawMany<{ status: (typeof OPEN_STATUSES)[number]; n: number | string }>();
    const byStatus = { REQUESTED: 0, IN_PROGRESS: 0 };
    for (const row of counts) byStatus[row.status] = Number(row.n);
    return { items, total: byStatus.REQUESTED + byStatus.IN_PROGRESS, limit, offset, byStatus };
  }
}
