import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { Role } from '../src/auth/role.enum.js';
import { FOI_SHEET_NAMES } from '../src/foi-reports/foi-workbook-sheets.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { buildFoiFixture } from './factories/foi-fixture.js';

// Issue 11 item 3, "checked by converting with LibreOffice headless": the FOI answer workbook printed to
// PDF by LibreOffice (soffice) as a person printing it would, then read back with poppler's pdfinfo and
// pdftotext. Runs when soffice and pdftotext are installed (.ci/run installs them); says so otherwise.

const found = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const SOFFICE = found('soffice') && found('pdftotext') && found('pdfinfo');
if (!SOFFICE) {
  console.warn(
    'LIBREOFFICE PRINT CHECK SKIPPED: soffice, pdfinfo or pdftotext not found. Install them: apt-get install -y libreoffice-calc-nogui poppler-utils',
  );
}

const CONVERT_MS = 240_000;
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!SOFFICE)('FOI workbook printed by LibreOffice', () => {
  let t: TestApp;
  let dir: string;
  let pages: string[];
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    t = await createTestApp();
    await buildFoiFixture(t);
    dir = mkdtempSync(join(tmpdir(), 'foi-print-'));
    const res = await t
      .http()
      .get('/api/foi/report.xlsx')
      .query({ period: 'financial-year', year: '2023', deviceType: 'SMART_PLUG', requestReference: 'FOI/2026/0412', receivedOn: '2026-01-05', respondedOn: '2026-01-20' })
      .set('Authorization', t.auth(Role.Foi))
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const xlsx = join(dir, 'answer.xlsx');
    writeFileSync(xlsx, res.body as Buffer);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    // A profile of its own, so a desktop LibreOffice (or another test) running meanwhile is not disturbed.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { stdio: 'ignore', timeout: CONVERT_MS },
    );
    const pdf = join(dir, 'answer.pdf');
    expect(existsSync(pdf)).toBe(true);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
    );
  }, CONVERT_MS + 120_000);

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The sheet a printed page belongs to, from its footer (request reference · sheet name · page X of Y).
  const sheetOf = (page: string) => /FOI FOI\/2026\/0412\s+(.+?)\s+Page \d+ of \d+\s*$/.exec(page.trim())?.[1] as string;

  it('prints every sheet one page wide, on few pages, each page footed with the request and sheet', () => {
    const bySheet = new Map<string, number>();
    for (const page of pages) {
      expect(page).toContain('FOI FOI/2026/0412');
      expect(page).toMatch(/Page \d+ of \d+/);
      const sheet = sheetOf(page);
      expect(sheet, flat(page).slice(0, 300)).toBeDefined();
      bySheet.set(sheet, (bySheet.get(sheet) ?? 0) + 1);
    }
    // Every sheet printed; one page wide means no page of columns cut off from their rows, so the
    // whole answer stays within two pages per sheet (it was 21 pages for 7 sheets before issue 11).
    expect([...bySheet.keys()].sort()).toEqual([...FOI_SHEET_NAMES].sort());
    for (const [sheet, count] of bySheet) expect(count, sheet).toBeLessThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(FOI_SHEET_NAMES.length + 3);
  });

  it('repeats the headings on every page of a sheet that runs over', () => {
    for (const name of FOI_SHEET_NAMES) {
      const printed = pages.filter((page) => sheetOf(page) === name);
      if (printed.length < 2) continue;
      const sheet = workbook.getWorksheet(name)!;
      const titles = sheet.pageSetup.printTitlesRow;
      if (!titles) continue;
      const row = Number(titles.split(':')[0]);
      const first = sheet.getRow(row).getCell(1).text;
      for (const page of printed) expect(flat(page), `${name}: heading "${first}"`).toContain(flat(first));
    }
  });

  it('never cuts a cell: every label is printed whole, on the same line as its figure', () => {
    // Wrapped text comes out of the PDF interleaved with the next column's lines, and long values break
    // at a hyphen, so each word is looked for in the sheet's printed text with the white space removed:
    // a cell cut at its edge loses its last words.
    for (const sheet of workbook.worksheets) {
      const printed = pages.filter((page) => sheetOf(page) === sheet.name).join('').replace(/\s+/g, '');
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          const value = cell.value;
          if (typeof value !== 'string') return;
          for (const word of value.split(/\s+/).filter((w) => w !== '')) {
            expect(printed.includes(word), `${sheet.name}!${cell.address}: "${word}" of "${value}"`).toBe(true);
          }
        });
      });
    }
    // A label and its figure on one printed line (not split across pages or columns).
    const lines = pages.flatMap((page) => page.split('\n'));
    for (const label of ['Cases progressed to court', 'Devices whose data was served as evidence', 'Examinations started in the period']) {
      const figure = new RegExp(`^\\s*${label}\\s+(\\d[\\d,]*|<\\d+|\\[c\\])\\s*$`);
      expect(lines.some((line) => figure.test(line)), label).toBe(true);
    }
  });
});
