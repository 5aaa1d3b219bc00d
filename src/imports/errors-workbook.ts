import type ExcelJS from 'exceljs';
import type { ImportResult } from './import-types.js';
import { openSheet } from '../spreadsheets/sheet-reader.js';
import type { SheetFormat } from '../spreadsheets/sheet-types.js';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

// The uploaded rows as they were, with an Errors column added, and a second sheet listing the errors
// the answer lists (the first ERRORS_LISTED, values quoted at most ERROR_VALUE_CHARS) and how many more
// there are; written with the streaming writer so a large file never sits in memory.
export async function writeErrorsWorkbook(
  source: string,
  format: SheetFormat,
  result: ImportResult,
  target: string,
): Promise<void> {
  const byRow = new Map<number, string[]>();
  const badCells = new Map<number, Set<string>>();
  for (const error of result.errors) {
    const list = byRow.get(error.row) ?? [];
    list.push(error.message); // it names the column (import-wording.ts)
    byRow.set(error.row, list);
    badCells.set(error.row, (badCells.get(error.row) ?? new Set()).add(error.column.toLowerCase()));
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true });
  const rows = workbook.addWorksheet('Rows', { views: [{ state: 'frozen', ySplit: 1 }] });
  let headings: string[] | null = null;
  let errorsColumn = 1;
  for await (const row of openSheet(source, format).rows) {
    const cells = [...row.cells];
    if (!headings) {
      headings = cells.map((cell) => (cell === null ? '' : String(cell)).trim().toLowerCase());
      errorsColumn = cells.length + 1;
      cells[errorsColumn - 1] = 'Errors';
      const added = rows.addRow(cells);
      added.font = { bold: true };
      added.commit();
      continue;
    }
    const messages = byRow.get(row.number);
    if (messages) cells[errorsColumn - 1] = messages.join('\n');
    const added = rows.addRow(cells);
    if (messages) {
      const bad = badCells.get(row.number)!;
      headings.forEach((heading, i) => {
        if (bad.has(heading)) added.getCell(i + 1).fill = ERROR_FILL;
      });
      added.getCell(errorsColumn).fill = ERROR_FILL;
    }
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm';
    });
    added.commit();
  }
  rows.getColumn(errorsColumn).width = 60;
  rows.commit();

  const list = workbook.addWorksheet('Errors', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: 'Row', key: 'row', width: 8 },
    { header: 'Column', key: 'column', width: 24 },
    { header: 'Value', key: 'value', width: 24 },
    { header: 'Message', key: 'message', width: 80 },
  ];
  list.getRow(1).font = { bold: true };
  for (const message of result.fileErrors) list.addRow({ row: 1, column: '', value: '', message }).commit();
  for (const error of result.errors) list.addRow(error).commit();
  const unlisted = result.errorCount - result.errors.length;
  if (unlisted > 0) {
    const message = `… and ${unlisted} more error(s) not listed: fix these and upload again to see the rest.`;
    list.addRow({ row: null, column: '', value: '', message }).commit();
  }
  list.commit();
  await workbook.commit();
}
