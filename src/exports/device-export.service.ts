import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Role } from '../auth/role.enum.js';
import { Case } from '../cases/case.entity.js';
import { appConfig } from '../config/app.config.js';
import { Device } from '../devices/device.entity.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { SearchIndex } from '../cases/search-index.js';
import { applyDeviceFilters, seizedWindow, type SeizedWindow } from '../devices/device-filters.js';
import { toDeviceResponse } from '../devices/dto/device-response.dto.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { DEVICE_SHEET_COLUMNS } from '../imports/device-columns.js';
import type { DeviceExportQueryDto } from './dto/device-export-query.dto.js';
import { openPageReader } from '../database/page-reader.js';
import { rowBuilder, valueName, type ExportColumn, type ExportRow } from './export-rows.js';

export const EXPORT_PAGE_SIZE = 2000;

export interface DeviceExport {
  columns: ExportColumn[];
  /** Pages of rows, read from the database one page at a time (keyset on seizedAt, id). */
  pages: () => AsyncGenerator<ExportRow[]>;
}

// SQLite keeps no statistics, so for a filter on custody status, evidential use or several device
// types it would take that column's index, then read and sort every remaining match to find each page
// (5 s a page at a million devices, for every page). Read in seizure order through the seizure-time
// index instead, each page is a short range; a case, an exhibit, a property reference or one device
// type has a better index.
const SEIZURE_INDEX = { table: 'devices', index: 'IDX_devices_seized_foi' };
const walksSeizureIndex = (query: DeviceExportQueryDto) =>
  query.caseId === undefined &&
  query.exhibitRef === undefined &&
  query.propertyReference === undefined &&
  query.deviceType?.length !== 1;

// The result columns of the page's keyset (TypeORM orders the selected columns its own way).
const AFTER_AT = 'k_at';
const AFTER_ID = 'k_id';

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
    return { columns, pages: () => this.pages(query, columns, window) };
  }

  // Plain rows, no entities: one statement per page, the device joined to its case, and the next page
  // starting after the last row read (an index range, however deep into the register).
  private async *pages(
    query: DeviceExportQueryDto,
    columns: ExportColumn[],
    window: SeizedWindow,
  ): AsyncGenerator<ExportRow[]> {
    if (query.q !== undefined) await new SearchIndex(this.dataSource).fold();
    const builder = rowBuilder(columns, this.app.timeZone);
    const walk = walksSeizureIndex(query) ? SEIZURE_INDEX : undefined;
    const page = this.pageQuery(query, columns, window);
    const reader = openPageReader(this.dataSource);
    try {
      let [afterAt, afterId] = ['', ''];
      for (;;) {
        const [sql, parameters] = page.setParameters({ afterAt, afterId }).getQueryAndParameters();
        const { names, rows } = await reader.read(sql, parameters, walk);
        if (rows.length === 0) return;
        yield rows.map(builder(names));
        if (rows.length < EXPORT_PAGE_SIZE) return;
        const last = rows[rows.length - 1];
        [afterAt, afterId] = [String(last[names.indexOf(AFTER_AT)]), String(last[names.indexOf(AFTER_ID)])];
      }
    } finally {
      reader.close();
    }
  }

  private pageQuery(
    query: DeviceExportQueryDto,
    columns: ExportColumn[],
    window: SeizedWindow,
  ): SelectQueryBuilder<Device> {
    const qb = this.dataSource
      .getRepository(Device)
      .createQueryBuilder('d')
      .innerJoin(Case, 'c', 'c.id = d.caseId')
      .select('d.seizedAt', AFTER_AT)
      .addSelect('d.id', AFTER_ID);
    columns.forEach((c, i) => qb.addSelect(`${c.target === 'case' ? 'c' : 'd'}.${c.field}`, valueName(i)));
    applyDeviceFilters(qb, query, window);
    // The range on seizedAt alone lets the seizedAt index do the work; the rest breaks ties by id.
    // Before the first page both are '' (every stored instant and id sorts after it).
    return qb
      .andWhere('d.seizedAt >= :afterAt')
      .andWhere('(d.seizedAt > :afterAt OR d.id > :afterId)')
      .orderBy('d.seizedAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(EXPORT_PAGE_SIZE);
  }
}
