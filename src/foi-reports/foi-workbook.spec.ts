import ExcelJS from 'exceljs';
import { rawFoiFigures } from './foi-report.fixture.js';
import type { FoiReport } from './foi-report.types.js';
import { FOI_SHEET_NAMES } from './foi-workbook-sheets.js';
import { buildFoiWorkbook, foiWorkbookFileName } from './foi-workbook.js';
import { applySuppression } from './suppression.js';

function report(change?: Parameters<typeof rawFoiFigures>[0], suppressBelow = 5): FoiReport {
  return applySuppression(rawFoiFigures(change), suppressBelow);
}

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

// The value to the right of the first cell in the sheet whose text is `label`.
function valueBeside(sheet: ExcelJS.Worksheet, label: string, offset = 1): unknown {
  let found: unknown;
  sheet.eachRow((row) => {
    row.eachCell((cell, column) => {
      if (found === undefined && cell.value === label) {
        found = row.getCell(column + offset).value;
      }
    });
  });
  return found;
}

function headerRowNumber(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0] as { state: string; ySplit?: number };
  expect(view.state).toBe('frozen');
  return view.ySplit ?? 0;
}

describe('buildFoiWorkbook', () => {
  const small = report((raw) => {
    raw.q1.byMonth[2].devices = 3; // 10, 12, 3 -> "<5" and the 10 withheld as well
    raw.q1.total = 25;
    raw.q1.byDeviceType[0].devices = 25;
    raw.q2.rows[1].devices = 5;
  });

  it('has exactly the seven sheets, in order', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...FOI_SHEET_NAMES]);
  });

  it('puts the window and generated-at on every sheet, above a bold frozen header', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    for (const sheet of workbook.worksheets) {
      const text = rows(sheet).flat().join('\n');
      expect(text).toContain(
        'from 2023-04-01 (inclusive) to 2024-04-01 (exclusive), local dates in Europe/London',
      );
      expect(text).toContain('Generated at: 2024-05-15T10:00:00.000Z');
      expect(text).toContain('Device types: SMART_PLUG');
      const header = sheet.getRow(headerRowNumber(sheet));
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(header.getCell(1).value).toEqual(expect.any(String));
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
    }
  });

  it('writes figures as numbers and suppressed counts as text', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    const q1 = workbook.getWorksheet('Q1 Seized')!;
    expect(valueBeside(q1, '2023-04')).toBe('[c]');
    expect(valueBeside(q1, '2023-05')).toBe(12);
    expect(valueBeside(q1, '2023-06')).toBe('<5');
    expect(valueBeside(q1, 'Total')).toBe(25);
    expect(valueBeside(q1, 'SMART_PLUG')).toBe(25);

    const q2 = workbook.getWorksheet('Q2 Offences')!;
    expect(rows(q2).slice(-4)).toEqual([
      ['CRIME', 'DRUG', 'DRUG_TRAFFICKING', undefined, 20, 9],
      ['INCIDENT', undefined, undefined, 'MISSING_PERSON', 5, 6],
      ['UNRECORDED', undefined, undefined, undefined, 0, 0],
      ['Total', undefined, undefined, undefined, 25, 15],
    ]);

    const q3 = workbook.getWorksheet('Q3 Court and evidence')!;
    expect(valueBeside(q3, 'Cases progressed to court')).toBe(11);
    expect(valueBeside(q3, 'GUILTY_PLEA')).toBe(6);

    const q4 = workbook.getWorksheet('Q4 Accreditation')!;
    expect(valueBeside(q4, '2024-03-31')).toBe('ACCREDITED');
    expect(valueBeside(q4, '2024-03-31', 3)).toBe('0000');
    expect(valueBeside(q4, 'OUT_OF_SCOPE')).toBe(6);
    expect(valueBeside(q4, '2022-01-10')).toBe('APPLICATION_SUBMITTED');

    const summary = workbook.getWorksheet('Summary')!;
    expect(valueBeside(summary, 'Devices seized in the window')).toBe(25);
    expect(valueBeside(summary, 'Median days from seizure to completed examination')).toBe(41);
  });

  it('withholds techniques on Q5, giving only the number of examinations', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    const q5 = workbook.getWorksheet('Q5 Techniques')!;
    const text = rows(q5).flat().join('\n');
    expect(text).toContain('s.30(1)(a)(b)');
    expect(valueBeside(q5, 'Tools and techniques')).toBe('Withheld');
    expect(valueBeside(q5, 'Examinations started in the window')).toBe(11);
  });

  it('lists the counting rules and every suppressed cell with its reason', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    const definitions = workbook.getWorksheet('Definitions')!;
    const text = rows(definitions).flat().join('\n');
    for (const item of ['Q1 Devices seized', 'Q5 Tools and techniques', 'Backlog']) {
      expect(text).toContain(item);
    }
    expect(text).toContain('police outcome is 1 or 1A');
    expect(text).toContain('voided');
    expect(valueBeside(definitions, 'Counting rules version')).toBe('foi-rules/1');
    expect(valueBeside(definitions, 'Fingerprint of the records counted')).toBe('sha256:0f3a9c');
    expect(rows(definitions).filter((r) => r[0] === 'Q1')).toEqual([
      ['Q1', '2023-04', 'devices', expect.stringMatching(/^secondary/)],
      ['Q1', '2023-06', 'devices', expect.stringMatching(/^primary/)],
    ]);
  });

  it('says so when no cell was suppressed', async () => {
    const workbook = await readBack(await buildFoiWorkbook(report(undefined, 0)));
    const text = rows(workbook.getWorksheet('Definitions')!).flat().join('\n');
    expect(text).toContain('No cells were suppressed');
    expect(text).toContain('No small-number suppression was applied.');
  });

  it('gives the same bytes for the same report, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-01-01T08:00:00Z'));
      const first = await buildFoiWorkbook(small);
      vi.setSystemTime(new Date('2025-06-30T17:45:31Z'));
      const second = await buildFoiWorkbook(small);
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records the creator and generatedAt as the document dates', async () => {
    const workbook = await readBack(await buildFoiWorkbook(small));
    expect(workbook.creator).toBe('Seizure register');
    expect(workbook.created.toISOString()).toBe('2024-05-15T10:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2024-05-15T10:00:00.000Z');
  });
});

describe('foiWorkbookFileName', () => {
  it('names the device types and the inclusive last day', () => {
    expect(foiWorkbookFileName(report())).toBe('foi-SMART_PLUG-2023-04-01-to-2024-03-31.xlsx');
    const several = report((raw) => {
      raw.meta.deviceTypes = ['SMART_PLUG', 'SMART_SPEAKER'];
      raw.meta.from = '2024-01-01';
      raw.meta.to = '2024-03-01';
    });
    expect(foiWorkbookFileName(several)).toBe('foi-SMART_PLUG+SMART_SPEAKER-2024-01-01-to-2024-02-29.xlsx');
    const all = report((raw) => (raw.meta.deviceTypes = ['ALL']));
    expect(foiWorkbookFileName(all)).toMatch(/^foi-ALL-/);
  });
});
