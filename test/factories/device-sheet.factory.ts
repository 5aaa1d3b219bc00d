import ExcelJS from 'exceljs';

export type SheetCell = string | number | boolean | Date | null;

export const DEVICE_HEADINGS = [
  'Case reference',
  'Case kind',
  'Offence sub-group',
  'Incident category',
  'Exhibit reference',
  'Device type',
  'Make',
  'MAC address',
  'Seized at',
  'Seized by',
  'Seizure location',
  'Network isolated',
];

// One device row keyed by heading, valid unless overridden.
export function deviceRow(overrides: Record<string, SheetCell> = {}): Record<string, SheetCell> {
  return {
    'Case reference': 'CR/2024/0001',
    'Case kind': 'CRIME',
    'Offence sub-group': 'DRUG_TRAFFICKING',
    'Incident category': null,
    'Exhibit reference': 'ABC/1',
    'Device type': 'SMART_PLUG',
    Make: 'TP-Link',
    'MAC address': 'aa-bb-cc-dd-ee-01',
    'Seized at': '01/03/2024 14:30',
    'Seized by': 'PC1234',
    'Seizure location': '1 Example Street',
    'Network isolated': 'Yes',
    ...overrides,
  };
}

function grid(rows: Record<string, SheetCell>[], headings: string[]): SheetCell[][] {
  return [headings, ...rows.map((row) => headings.map((h) => row[h] ?? null))];
}

export async function xlsxBuffer(
  rows: Record<string, SheetCell>[],
  headings = DEVICE_HEADINGS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Devices');
  for (const cells of grid(rows, headings)) {
    const row = sheet.addRow(cells);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvBuffer(rows: Record<string, SheetCell>[], headings = DEVICE_HEADINGS): Buffer {
  const quote = (v: SheetCell) => {
    const text = v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(
    grid(rows, headings)
      .map((cells) => cells.map(quote).join(','))
      .join('\r\n') + '\r\n',
  );
}

// The first worksheet's rows as arrays (1-based cells dropped to 0-based), and the workbook.
export async function readWorkbook(
  buffer: Buffer,
): Promise<{ workbook: ExcelJS.Workbook; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { workbook, rows };
}

// supertest parser keeping a binary body (a workbook) as a Buffer.
export function binaryBody(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  (res as NodeJS.ReadableStream).on('data', (chunk: Buffer) => chunks.push(chunk));
  (res as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
}
