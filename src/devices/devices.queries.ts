import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { SearchIndex } from '../cases/search-index.js';
import { Page } from '../common/pagination.dto.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { applyDeviceFilters, seizedWindow, type DeviceFilters } from './device-filters.js';
import { DeviceQueryDto } from './dto/device-query.dto.js';

// The filters that narrow the list beyond "open or not" (includeVoided): every one, or a compile error.
const NARROWING = Object.keys({
  caseId: true,
  deviceType: true,
  custodyStatus: true,
  evidentialUse: true,
  seizedFrom: true,
  seizedTo: true,
  exhibitRef: true,
  propertyReference: true,
  macAddress: true,
  serialNumber: true,
  sealNumber: true,
  q: true,
} satisfies Record<Exclude<keyof DeviceFilters, 'includeVoided'>, true>) as (keyof DeviceFilters)[];

// Every open device: all rows less the voided ones (a partial index holds only those).
const OPEN_DEVICES_SQL =
  'SELECT (SELECT COUNT(*) FROM "devices") - (SELECT COUNT(*) FROM "devices" WHERE "voidedAt" IS NOT NULL) AS "total"';

@Injectable()
export class DevicesQueries {
  constructor(
    @InjectRepository(Device) private readonly devices: Repository<Device>,
    private readonly codes: DeviceCodes,
    private readonly searchIndex: SearchIndex,
  ) {}

  async list(query: DeviceQueryDto): Promise<Page<Device>> {
    this.codes.check(query);
    if (query.q !== undefined) await this.searchIndex.fold();
    const qb = applyDeviceFilters(this.devices.createQueryBuilder('d'), query, seizedWindow(query));
    const items = await qb
      .clone()
      .orderBy('d.seizedAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getMany();
    return { items, total: await this.total(qb, query), limit: query.limit, offset: query.offset };
  }

  // The references of the devices' cases (one statement for the page), for list items.
  async caseReferences(devices: Device[]): Promise<Map<string, string>> {
    const ids = [...new Set(devices.map((d) => d.caseId))];
    if (ids.length === 0) return new Map();
    const rows = await this.devices.manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.reference', 'reference')
      .from('cases', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<{ id: string; reference: string }>();
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  // The list reads one table without joins, so COUNT(*) counts each device once (as TypeORM's COUNT(1)
  // did); an index covering the filters answers it alone (a device type: its range of the type/seizure
  // index). Unfiltered, "not voided" has no index to range over (a scan of a million index entries,
  // 100 ms), so it is all rows less the few voided ones.
  private async total(qb: SelectQueryBuilder<Device>, query: DeviceFilters): Promise<number> {
    type Row = { total: number | string };
    const everyOpenDevice = !query.includeVoided && NARROWING.every((key) => query[key] === undefined);
    const raw = everyOpenDevice
      ? ((await this.devices.query(OPEN_DEVICES_SQL)) as Row[])[0]
      : await qb.select('COUNT(*)', 'total').getRawOne<Row>();
    return Number(raw?.total ?? 0);
  }
}
