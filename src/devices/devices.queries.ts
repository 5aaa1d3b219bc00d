import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { toInstant } from '../common/columns.js';
import { RuleViolationError } from '../common/errors.js';
import { Page } from '../common/pagination.dto.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { DeviceQueryDto } from './dto/device-query.dto.js';
import { normaliseExhibitRef } from './exhibit-reference.js';

@Injectable()
export class DevicesQueries {
  constructor(
    @InjectRepository(Device) private readonly devices: Repository<Device>,
    private readonly codes: DeviceCodes,
  ) {}

  async list(query: DeviceQueryDto): Promise<Page<Device>> {
    this.codes.check(query);
    const from = query.seizedFrom === undefined ? undefined : toInstant(query.seizedFrom);
    const to = query.seizedTo === undefined ? undefined : toInstant(query.seizedTo);
    if (from !== undefined && to !== undefined && from > to) {
      throw new RuleViolationError('WINDOW_REVERSED', 'seizedTo', 'seizedTo is before seizedFrom');
    }
    const qb = this.devices.createQueryBuilder('d');
    if (!query.includeVoided) qb.andWhere('d.voidedAt IS NULL');
    if (query.caseId !== undefined) qb.andWhere('d.caseId = :caseId', { caseId: query.caseId });
    if (query.deviceType !== undefined)
      qb.andWhere('d.deviceType IN (:...types)', { types: query.deviceType });
    for (const field of ['custodyStatus', 'evidentialUse'] as const) {
      if (query[field] !== undefined) qb.andWhere(`d.${field} = :${field}`, { [field]: query[field] });
    }
    if (from !== undefined) qb.andWhere('d.seizedAt >= :from', { from });
    if (to !== undefined) qb.andWhere('d.seizedAt < :to', { to });
    if (query.exhibitRef !== undefined) {
      qb.andWhere('d.exhibitRef = :exhibitRef', { exhibitRef: normaliseExhibitRef(query.exhibitRef) });
    }
    const [items, total] = await qb
      .orderBy('d.seizedAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
