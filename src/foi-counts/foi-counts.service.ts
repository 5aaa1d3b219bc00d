import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FoiReportService } from '../foi-reports/foi-report.service.js';
import { runSql, toCount } from '../foi-reports/foi-sql.js';
import { buildWorkbook } from '../foi-reports/foi-workbook.js';
import { monthBoundaries, type ReportWindow } from '../foi-reports/report-window.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { type CountsRequest, resolveCountsRequest } from './counts-request.js';
import { type CountsResponse, publishCounts, type RawCountRow } from './counts-response.js';
import { countsSheets, countsWorkbookFileName, countsPreamble } from './counts-workbook.js';
import { countsStatement } from './counts-sql.js';
import {
  DIMENSIONS,
  type Dimension,
  type DimensionCode,
  MEASURE_LABELS,
  MEASURES,
  UNRECORDED,
  UNRECORDED_LABEL,
} from './dimensions.js';
import { isTimeDimension, timeCodeOf, timeCodes } from './time-codes.js';

export interface CountsWorkbookFile {
  fileName: string;
  content: Buffer;
  counts: CountsResponse;
}

export interface PublishedDimension {
  name: string;
  label: string;
  level: Dimension['level'];
  description: string;
  /** The measures it may split; every measure may be filtered by it unless it is examination-level. */
  measures: string[];
  /** Its codes and labels; time dimensions take theirs from the window asked for. */
  codes: DimensionCode[] | null;
  codesFrom: string;
}

// GET /api/foi/counts and the foi:counts command: one statement, then the table, its margins and the
// suppression across it, from the same code for JSON, the workbook and the CLI.
@Injectable()
export class FoiCountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: FoiReportService,
    private readonly reference: ReferenceDataService,
  ) {}

  dimensions(): { measures: { name: string; label: string }[]; dimensions: PublishedDimension[] } {
    return {
      measures: MEASURES.map((name) => ({ name, label: MEASURE_LABELS[name] })),
      dimensions: DIMENSIONS.map((d) => ({
        name: d.name,
        label: d.label,
        level: d.level,
        description: d.description,
        measures: MEASURES.filter((m) =>
          m === 'cases' ? d.level === 'case' : m === 'devices' ? d.level !== 'examination' : true,
        ),
        codes: d.codes === 'window' ? null : this.listCodes(d),
        codesFrom:
          d.codes === 'window'
            ? 'the window asked for'
            : typeof d.codes === 'string'
              ? `/api/reference/${d.codes}`
              : 'this list',
      })),
    };
  }

  resolve(query: Record<string, unknown>, now = new Date()): CountsRequest {
    return resolveCountsRequest(query, {
      foi: (input) => this.reports.resolve(input, now),
      codes: (dimension, window) => this.codes(dimension, window),
    });
  }

  async counts(query: Record<string, unknown>, now = new Date()): Promise<CountsResponse> {
    const request = this.resolve(query, now);
    const { window } = request.foi;
    const months = monthBoundaries(window, window.timeZone);
    const statement = countsStatement(request, months, this.reports.devices().families);
    const rows = await runSql(this.dataSource, statement.sql, statement.params);
    const raw: RawCountRow[] = rows.map((row) => ({
      codes: statement.columns.map((column, i) => {
        const dimension = request.by[i];
        if (column === 'month' && isTimeDimension(dimension.name)) {
          return timeCodeOf(dimension.name, months[toCount(row.month)].month).code;
        }
        const value = row[column];
        return value === null || value === undefined ? UNRECORDED : String(value as string);
      }),
      count: toCount(row.count),
      digest: row,
    }));
    return publishCounts(request, raw, (dimension) => this.codes(dimension, window), now);
  }

  async workbook(query: Record<string, unknown>, now = new Date()): Promise<CountsWorkbookFile> {
    const counts = await this.counts(query, now);
    const content = await buildWorkbook(
      countsSheets(counts),
      countsPreamble(counts),
      counts.meta.generatedAt,
    );
    return { counts, fileName: countsWorkbookFileName(counts), content };
  }

  // A dimension's codes for a window, in reference order, UNRECORDED last where it applies.
  codes(dimension: Dimension, window: ReportWindow): DimensionCode[] {
    if (isTimeDimension(dimension.name)) {
      return timeCodes(
        dimension.name,
        monthBoundaries(window, window.timeZone).map((m) => m.month),
      );
    }
    return this.listCodes(dimension);
  }

  private listCodes(dimension: Dimension): DimensionCode[] {
    const codes =
      typeof dimension.codes === 'string'
        ? this.reference.items(dimension.codes).map((i) => ({ code: i.code, label: i.label }))
        : [...(dimension.codes as readonly DimensionCode[])];
    if (dimension.unrecorded) codes.push({ code: UNRECORDED, label: UNRECORDED_LABEL });
    return codes;
  }
}
