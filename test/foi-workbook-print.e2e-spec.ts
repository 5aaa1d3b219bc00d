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
  let long: { pages: string[]; workbook: ExcelJS.Workbook };

  // The answer to this question as the API serves it, printed to PDF by LibreOffice, page by page.
  async function printed(query: Record<string, string>, name: string): Promise<{ pages: string[]; workbook: ExcelJS.Workbook }> {
    const res = await t
      .http()
      .get('/api/foi/report.xlsx')
      .query({ ...query, deviceType: 'SMART_PLUG', requestReference: 'FOI/2026/0412', receivedOn: '2026-01-05', respondedOn: '2026-01-20' })
      .set('Authorization', t.auth(Role.Foi))
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const xlsx = join(dir, `${name}.xlsx`);
    writeFileSync(xlsx, res.body as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    // A profile of its own, so a desktop LibreOffice (or another test) running meanwhile is not disturbed.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { stdio: 'ignore', timeout: CONVERT_MS },
    );
    const pdf = join(dir, `${name}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
    );
    return { pages: text, workbook: book };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildFoiFixture(t);
    dir = mkdtempSync(join(tmpdir(), 'foi-print-'));
    ({ pages, workbook } = await printed({ period: 'financial-year', year: '2023' }, 'answer'));
    // Ten years by month: Q1 runs over several pages, so its headings must repeat.
    long = await printed({ from: '2015-01-01', to: '2025-01-01' }, 'long');
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
    console.info(`LibreOffice printed ${pages.length} A4 pages: ${[...bySheet].map(([sheet, n]) => `${sheet} ${n}`).join(', ')}`);
    expect([...bySheet.keys()].sort()).toEqual([...FOI_SHEET_NAMES].sort());
    for (const [sheet, count] of bySheet) expect(count, sheet).toBeLessThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(FOI_SHEET_NAMES.length + 3);
  });

  it('repeats the headings on every page of a sheet that runs over', () => {
    let checked = 0;
    for (const { pages: printedPages, workbook: book } of [{ pages, workbook }, long]) {
      for (const name of FOI_SHEET_NAMES) {
        const printed = printedPages.filter((page) => sheetOf(page) === name);
        if (printed.length < 2) continue;
        const titles = book.getWorksheet(name)!.pageSetup.printTitlesRow;
        expect(titles, name).toBeTruthy();
        const header = book.getWorksheet(name)!.getRow(Number(titles.split(':')[0]));
        const headings = [1, 2].map((c) => header.getCell(c).text).filter((h) => h !== '');
        for (const page of printed) for (const heading of headings) expect(flat(page), `${name}: "${heading}"`).toContain(flat(heading));
        checked += 1;
      }
    }
    // The ten-year answer's month table runs over pages.
    expect(checked).toBeGreaterThan(0);
    expect(long.pages.filter((page) => sheetOf(page) === 'Q1 Seized').length).toBeGreaterThan(1);
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
