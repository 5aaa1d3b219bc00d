import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Brackets, DataSource } from 'typeorm';
import { Role } from '../auth/role.enum.js';
import { Case } from '../cases/case.entity.js';
import { toCaseResponse } from '../cases/dto/case-response.dto.js';
import { appConfig } from '../config/app.config.js';
import { Device } from '../devices/device.entity.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { applyDeviceFilters, seizedWindow, type SeizedWindow } from '../devices/device-filters.js';
import { toDeviceResponse } from '../devices/dto/device-response.dto.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';
import type { DeviceExportQueryDto } from './dto/device-export-query.dto.js';

export const EXPORT_PAGE_SIZE = 1000;

export type ExportCell = string | Date | null;

export interface DeviceExport {
  columns: SheetColumn[];
  /** Pages of rows, read from the database one page at a time (keyset on seizedAt, id). */
  pages: () => AsyncGenerator<ExportCell[][]>;
}

// The device list as spreadsheet rows, with the importer's headings: export, edit, import again.
@Injectable()
export class DeviceExportService {
  private readonly codes: DeviceCodes;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    reference: ReferenceDataService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.codes = new DeviceCodes(reference);
  }

  // Checks the filters (as GET /api/devices does) before anything is streamed.
  prepare(query: DeviceExportQueryDto, role: Role): DeviceExport {
    this.codes.check(query);
    const window = seizedWindow(query);
    // Personal and restricted fields follow the caller's role, through the API's own response mapper.
    const visible = new Set(Object.keys(toDeviceResponse(new Device(), role)));
    const columns = DEVICE_SHEET_COLUMNS.filter((c) => c.target === 'case' || visible.has(c.field));
    return { columns, pages: () => this.pages(query, role, columns, window) };
  }

  private async *pages(
    query: DeviceExportQueryDto,
    role: Role,
    columns: SheetColumn[],
    window: SeizedWindow,
  ): AsyncGenerator<ExportCell[][]> {
    let after: { seizedAt: string; id: string } | null = null;
    for (;;) {
      const qb = this.dataSource
        .getRepository(Device)
        .createQueryBuilder('d')
        .innerJoinAndMapOne('d.case', Case, 'c', 'c.id = d.caseId');
      applyDeviceFilters(qb, query, window);
      if (after) {
        // The range on seizedAt alone lets the seizedAt index do the work; the rest breaks ties by id.
        qb.andWhere('d.seizedAt >= :afterAt', { afterAt: after.seizedAt }).andWhere(
          new Brackets((w) =>
            w.where('d.seizedAt > :afterAt').orWhere('d.id > :afterId', { afterId: after!.id }),
          ),
        );
      }
      // limit, not take: one case per device, so no de-duplicating sub-query over the whole set is needed.
      const devices = await qb
        .orderBy('d.seizedAt', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .limit(EXPORT_PAGE_SIZE)
        .getMany();
      if (devices.length === 0) return;
      yield devices.map((device) => this.row(device, role, columns));
      if (devices.length < EXPORT_PAGE_SIZE) return;
      const last = devices[devices.length - 1];
      after = { seizedAt: last.seizedAt, id: last.id };
    }
  }

  private row(device: Device, role: Role, columns: SheetColumn[]): ExportCell[] {
    const record: Record<string, unknown> = {};
    Object.assign(record, toCaseResponse(device.case), toDeviceResponse(device, role));
    return columns.map((column) => this.cell(column, record[column.field]));
  }

  // Instants as local ISO 8601 with the offset (exact, and unambiguous when the clocks go back); dates
  // as date cells; yes/no as words; everything else as text.
  private cell(column: SheetColumn, value: unknown): ExportCell {
    if (value === null || value === undefined) return null;
    switch (column.type) {
      case 'instant':
        return DateTime.fromISO(value as string, { zone: this.app.timeZone }).toISO({
          suppressMilliseconds: true,
        });
      case 'date':
        return new Date(`${value as string}T00:00:00.000Z`);
      case 'boolean':
        return value ? 'Yes' : 'No';
      default:
        return String(value as string | number);
    }
  }
}
