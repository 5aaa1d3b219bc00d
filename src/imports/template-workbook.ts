import type ExcelJS from 'exceljs';
import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';

interface ListSource {
  items(list: string): { code: string; label: string }[];
}

const ROWS_WITH_DROPDOWNS = 5000;
const SAMPLE: Record<string, unknown> = {
  reference: 'EXAMPLE/24/000123',
  kind: 'CRIME',
  offenceSubgroup: 'DRUG_TRAFFICKING',
  homeOfficeCode: '92A',
  exhibitRef: 'ABC/1',
  deviceType: 'SMART_PLUG',
  make: 'TP-Link',
  model: 'Tapo P100',
  serialNumber: '22331A000123',
  macAddress: 'AA:BB:CC:DD:EE:01',
  firmwareVersion: '1.2.3',
  seizedAt: '01/03/2024 14:30',
  seizedBy: 'PC1234',
  seizureLocation: 'Kitchen, 1 Example Street',
  powerStateAtSeizure: 'ON',
  photographedInSitu: 'Yes',
  networkIsolated: 'Yes',
  companionApp: 'Tapo',
  evidentialUse: 'UNKNOWN',
  propertyReference: 'PR/123456/24',
};

const HINTS: Record<string, string> = {
  instant: 'Date and time, dd/mm/yyyy HH:mm (register time zone) or ISO 8601 with offset',
  date: 'Date, dd/mm/yyyy',
  boolean: 'Yes or No',
  code: 'Pick from the list (code or label)',
};

// exceljs has worksheet.dataValidations (ranges such as D2:D5000 included) but does not type it.
type Validations = { add(range: string, validation: ExcelJS.DataValidation): void };
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: Validations }).dataValidations;

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

// The import template: the headings the importer reads, one example row, and drop-downs for the coded
// columns fed from a hidden "Lists" sheet.
export async function writeTemplate(target: string, reference: ListSource): Promise<void> {
  const columns = DEVICE_SHEET_COLUMNS.filter((c) => !c.readOnly);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('Devices', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('Lists', { state: 'hidden' });
  sheet.columns = columns.map((c) => ({ header: c.heading, key: c.field, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  const sample = sheet.addRow(SAMPLE);
  sample.font = { italic: true, color: { argb: 'FF808080' } };
  sheet.getCell('A2').note = 'Example row: replace or delete it before importing.';

  const validations = validationsOf(sheet);
  let listColumn = 0;
  columns.forEach((column: SheetColumn, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${ROWS_WITH_DROPDOWNS}`;
    const hint = HINTS[column.type];
    if (hint) sheet.getCell(`${letter}1`).note = `${column.required ? 'Required. ' : ''}${hint}`;
    if (column.type === 'boolean') {
      validations.add(range, { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] });
    }
    if (column.type !== 'code' || !column.codes) return;
    const items = typeof column.codes === 'string' ? reference.items(column.codes) : column.codes;
    listColumn += 1;
    const listLetter = columnLetter(listColumn);
    lists.getCell(`${listLetter}1`).value = column.heading;
    items.forEach((item, row) => (lists.getCell(`${listLetter}${row + 2}`).value = item.code));
    validations.add(range, {
      type: 'list',
      allowBlank: !column.required,
      showErrorMessage: false, // a label typed instead of a code is accepted by the importer
      formulae: [`Lists!$${listLetter}$2:$${listLetter}$${items.length + 1}`],
    });
  });
  await workbook.xlsx.writeFile(target);
}
