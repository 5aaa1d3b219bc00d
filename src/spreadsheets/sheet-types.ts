// What a sheet reader gives, for the import and the errors workbook alike.
export type CellValue = string | number | boolean | Date | null;

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** The row number a spreadsheet shows (1 = the heading row). */
  number: number;
  /** 0-based cells. */
  cells: CellValue[];
}
