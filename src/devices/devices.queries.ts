import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page } from '../common/pagination.dto.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { applyDeviceFilters, seizedWindow } from './device-filters.js';
import { DeviceQueryDto } from './dto/device-query.dto.js';

@Injectable()
export class DevicesQueries {
  constructor(
    @InjectRepository(Device) private readonly devices: Repository<Device>,
    private readonly codes: DeviceCodes,
  ) {}

  async list(query: DeviceQueryDto): Promise<Page<Device>> {
    this.codes.check(query);
    const qb = applyDeviceFilters(this.devices.createQueryBuilder('d'), query, seizedWindow(query));
    const [items, total] = await qb
      .orderBy('d.seizedAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
