import { codesSheet, coverSheet, type CoverOptions } from './foi-cover.js';
import type { CodeUsed, LabelledFoiReport } from './foi-labels.js';
import type { FoiReport } from './foi-report.types.js';
import { foiSheets } from './foi-workbook-sheets.js';
import { lastDayOf } from './report-window.js';
import { addPrintableSheet, type PrintOptions, type SheetSpec } from './workbook-layout.js';
import { setZipTimestamps } from './zip-timestamps.js';

const CREATOR = 'Seizure register';

export type FoiWorkbookOptions = CoverOptions;

// The FOI answer as an .xlsx ready to attach: the "Response" cover, a sheet per question, Definitions
// and the Codes appendix, every sheet print-ready. The same report gives the same bytes (fixed creator,
// dates from generatedAt, zip entry times rewritten), so a released file can be matched to its report.
export async function buildFoiWorkbook(
  report: LabelledFoiReport,
  codes: CodeUsed[],
  options: FoiWorkbookOptions,
): Promise<Buffer> {
  const { response } = report.meta;
  const print = {
    footerLeft: response.requestReference ? `FOI ${response.requestReference}` : 'FOI response',
    headerLeft: response.forceName,
  };
  const sheets = [
    coverSheet(report, options),
    ...foiSheets(report, options.devicesCounted),
    codesSheet(codes),
  ];
  return buildWorkbook(sheets, [], report.meta.generatedAt, print);
}

// Any FOI answer laid out as the report's workbook is (print-ready sheets, the same bytes for the same
// content): sheets as plain tables, the preamble lines above each sheet's own notes. GET
// /api/foi/counts.xlsx uses it too.
export async function buildWorkbook(
  sheets: SheetSpec[],
  preambleLines: string[],
  generatedAtIso: string,
  print: PrintOptions = { footerLeft: 'FOI response' },
): Promise<Buffer> {
  const generatedAt = new Date(generatedAtIso);
  if (Number.isNaN(generatedAt.getTime())) {
    throw new Error(`meta.generatedAt is not an instant: ${generatedAtIso}`);
  }
  // Loaded here, not at start-up: ExcelJS is a sixth of the server's module loading (test/bench/README.md).
  const { default: exceljs } = await import('exceljs');
  const workbook = new exceljs.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  for (const spec of sheets) {
    addPrintableSheet(workbook, { ...spec, notes: [...preambleLines, ...spec.notes] }, print);
  }
  const zip = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipTimestamps(zip, generatedAt);
}

// e.g. foi-SMART_PLUG-2023-04-01-to-2024-03-31-suppressed-below-5.xlsx, or …-NOT-suppressed.xlsx (the
// last day inclusive, as people read it); a request reference, when given, comes first.
export function foiWorkbookFileName(report: FoiReport): string {
  const { deviceTypes, deviceFamilies, from, suppressBelow, response } = report.meta;
  const types =
    deviceTypes.length === 0 || deviceTypes.includes('ALL')
      ? 'ALL'
      : deviceFamilies.length > 0
        ? `family-${deviceFamilies.join('+')}`
        : deviceTypes.join('+');
  const suppression = suppressBelow > 1 ? `suppressed-below-${suppressBelow}` : 'NOT-suppressed';
  const reference = response?.requestReference ? `${response.requestReference}-` : '';
  const name = `foi-${reference}${types}-${from}-to-${lastDayOf(report.meta)}-${suppression}`;
  return `${name.replace(/[^A-Za-z0-9_+.-]/g, '_')}.xlsx`;
}
