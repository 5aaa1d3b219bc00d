import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Role } from '../src/auth/role.enum.js';
import { FoiReportCommand } from '../src/cli/foi-report.command.js';
import { FoiReportService } from '../src/foi-reports/foi-report.service.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { buildFoiFixture, FIXTURE_REFERENCES, type FoiFixture } from './factories/foi-fixture.js';

type Cell = string | number | null;

// Date cells read back as YYYY-MM-DD, so rows compare as plain values.
const plain = (v: ExcelJS.CellValue): Cell =>
  v === undefined || v === null
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : (v as string | number);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FY2023 = { period: 'financial-year', year: '2023', deviceType: 'SMART_PLUG', suppressBelow: '0' };

// Every sheet as rows of plain values, so sheets can be searched and compared.
async function readWorkbook(content: Buffer): Promise<Map<string, Cell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  workbook.eachSheet((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push(values.map(plain));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

function rowStarting(rows: Cell[][], ...start: Cell[]): Cell[] {
  const row = rows.find((r) => start.every((value, i) => r[i] === value));
  if (!row) throw new Error(`no row starting ${JSON.stringify(start)}`);
  return row;
}

describe('FOI workbook', () => {
  let t: TestApp;
  let fixture: FoiFixture;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    fixture = await buildFoiFixture(t);
    dir = mkdtempSync(join(tmpdir(), 'foi-workbook-'));
  }, 120_000);

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = (query: Record<string, string>, role = Role.Foi) =>
    t
      .http()
      .get('/api/foi/report.xlsx')
      .query(query)
      .set('Authorization', t.auth(role))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('serves the workbook as an attachment named after the window and whether it is suppressed', async () => {
    const res = await download(FY2023).expect(200);

    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="foi-SMART_PLUG-2023-04-01-to-2024-03-31-NOT-suppressed.xlsx"',
    );
    const sheets = await readWorkbook(res.body as Buffer);
    expect([...sheets.keys()]).toEqual([
      'Response',
      'Q1 Seized',
      'Q2 Offences',
      'Q3 Court and evidence',
      'Q4 Accreditation',
      'Q5 Techniques',
      'Definitions',
      'Suppressed cells',
      'Codes',
    ]);
    const { suppressBelow: _off, ...byDefault } = FY2023;
    expect(
      (await download({ ...byDefault, requestReference: 'FOI/24/7' }).expect(200)).headers[
        'content-disposition'
      ],
    ).toBe('attachment; filename="foi-FOI_24_7-SMART_PLUG-2023-04-01-to-2024-03-31-suppressed-below-5.xlsx"');
  });

  it('puts the request, its dates and an answer per question on the cover, printable', async () => {
    const res = await download({
      ...FY2023,
      requestReference: 'FOI/2024/0099',
      receivedOn: '2024-04-02',
      respondedOn: '2024-04-26',
    }).expect(200);
    const cover = (await readWorkbook(res.body as Buffer)).get('Response') as Cell[][];
    const text = cover.flat().map(String).join('\n');

    expect(rowStarting(cover, 'Request reference')[1]).toBe('FOI/2024/0099');
    expect(rowStarting(cover, 'Date received')[1]).toBe('2024-04-02');
    expect(rowStarting(cover, 'Date of response')[1]).toBe('2024-04-26');
    expect(text).toContain('This force seized 9 devices recorded as “Smart plug” between 1 April 2023 and 31 March 2024.');
    expect(text).not.toContain('Smart plugs with energy monitoring');
    expect(text).toContain(
      "On 26 April 2024 the lab's status for Smart plug is: Suspended (voluntary) (flexible scope)",
    );
    expect(text).toContain('Refused: this information is exempt under section 30(1)(a) and (b)');
    expect(text).toContain('Small-number suppression is OFF for this answer');
    expect(text).toContain('ask with deviceFamily=SMART_PLUG');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(sheet.headerFooter.oddFooter).toBe('&LFOI FOI/2024/0099&C&A&RPage &P of &N');
    }
  });

  it('holds the hand-counted figures as numbers on each sheet', async () => {
    const sheets = await readWorkbook((await download(FY2023).expect(200)).body as Buffer);
    const sheet = (name: string) => sheets.get(name) as Cell[][];

    expect(rowStarting(sheet('Q1 Seized'), '2023-04-01')[1]).toBe(2);
    expect(rowStarting(sheet('Q1 Seized'), 'Total')[1]).toBe(9);
    expect(rowStarting(sheet('Q2 Offences'), 'Crime', 'Drug offences', 'Trafficking of drugs')).toEqual(
      expect.arrayContaining([5, 2]),
    );
    expect(
      rowStarting(
        sheet('Q2 Offences'),
        'Not recorded (the case has no offence or incident classification)',
      ).slice(-2),
    ).toEqual([1, 1]);
    expect(rowStarting(sheet('Q3 Court and evidence'), 'Cases progressed to court')[1]).toBe(3);
    expect(rowStarting(sheet('Q3 Court and evidence'), 'Convicted - guilty plea')[1]).toBe(1);
    expect(rowStarting(sheet('Q4 Accreditation'), '2024-03-31', 'Smart plug')).toEqual([
      '2024-03-31',
      'Smart plug',
      'Suspended (voluntary)',
      expect.stringMatching(/^Flexible scope/),
      '0042',
      '2024-02-01',
    ]);
    expect(rowStarting(sheet('Q4 Accreditation'), 'Not covered by the schedule')[1]).toBe(4);
    expect(rowStarting(sheet('Q5 Techniques'), 'Examinations started in the period')[1]).toBe(6);
    expect(rowStarting(sheet('Q5 Techniques'), 'Devices awaiting examination on 31 March 2024')[1]).toBe(4);
    expect(rowStarting(sheet('Codes'), 'Offence sub-group', 'DRUG_TRAFFICKING')[2]).toBe(
      'Trafficking of drugs',
    );
    expect(rowStarting(sheet('Q5 Techniques'), 'Tools and techniques')[1]).toBe('Withheld');
    expect(sheet('Definitions').flat()).toContain('foi-rules/1');
  });

  it('has no record-level data or methods in any cell of any sheet', async () => {
    const sheets = await readWorkbook(
      (await download({ ...FY2023, deviceType: 'ALL' }).expect(200)).body as Buffer,
    );
    const cells = [...sheets.values()]
      .flat(2)
      .filter((v) => v !== null)
      .map(String);

    expect(cells.length).toBeGreaterThan(50);
    for (const secret of [
      ...fixture.caseReferences,
      ...fixture.exhibitRefs,
      ...Object.values(fixture.ids),
      FIXTURE_REFERENCES.methods,
      FIXTURE_REFERENCES.findings,
      FIXTURE_REFERENCES.location,
      FIXTURE_REFERENCES.account,
      FIXTURE_REFERENCES.serial,
      'chip-off',
    ]) {
      expect(cells.filter((cell) => cell.includes(secret))).toEqual([]);
    }
  });

  it('gives the scope status of each device type asked for on the Q4 sheet', async () => {
    const query = {
      period: 'financial-year',
      year: '2023',
      deviceType: 'SMART_PLUG,IP_CAMERA',
      scopeOn: '2024-03-31',
    };
    const sheets = await readWorkbook((await download(query).expect(200)).body as Buffer);
    const q4 = sheets.get('Q4 Accreditation') as Cell[][];

    expect(rowStarting(q4, '2024-03-31', 'Smart plug')).toEqual([
      '2024-03-31',
      'Smart plug',
      'Suspended (voluntary)',
      expect.stringMatching(/^Flexible scope/),
      '0042',
      '2024-02-01',
    ]);
    expect(rowStarting(q4, '2024-03-31', 'Indoor / outdoor security camera').slice(2, 4)).toEqual([
      'Accredited',
      expect.stringMatching(/^Fixed scope/),
    ]);
  });

  it('shows suppressed counts as text and the rest as numbers', async () => {
    const sheets = await readWorkbook(
      (await download({ ...FY2023, suppressBelow: '2' }).expect(200)).body as Buffer,
    );

    const stalking = rowStarting(
      sheets.get('Q2 Offences') as Cell[][],
      'Crime',
      'Violence against the person',
      'Stalking and harassment',
    );
    expect(stalking.slice(-2)).toEqual(['<2', '<2']);
  });

  it('is the workbook the foi:report command writes (apart from the generated-at line)', async () => {
    const out = join(dir, 'foi.xlsx');
    const command = new FoiReportCommand(t.app.get(FoiReportService));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await command.run([], {
        period: 'financial-year',
        year: '2023',
        deviceType: ['SMART_PLUG'],
        suppressBelow: '0',
        out,
      });
    } finally {
      write.mockRestore();
    }
    const fromCli = await readWorkbook(readFileSync(out));
    const fromApi = await readWorkbook((await download(FY2023).expect(200)).body as Buffer);
    const withoutTime = (sheets: Map<string, Cell[][]>) =>
      [...sheets.entries()].map(([name, rows]) => [
        name,
        rows.filter((row) => !String(row[0] ?? '').startsWith('Generated at')),
      ]);

    expect(withoutTime(fromCli)).toEqual(withoutTime(fromApi));
  });
});
