import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Role } from '../src/auth/role.enum.js';
import { SHEET_LIMITS } from '../src/spreadsheets/sheet-limits.js';
import { createTestApp, TestApp } from './create-test-app.js';
import {
  binaryBody,
  csvBuffer,
  DEVICE_HEADINGS,
  deviceRow,
  readWorkbook,
  xlsxBuffer,
} from './factories/device-sheet.factory.js';
import { inlineRow, rawWorkbook, sharedStringsXml, sheetXml, zip } from './factories/raw-xlsx.factory.js';

// Issue 14: the import door never loses a row and never falls over. Every hostile workbook here is
// generated in the test; each answer is a 4xx naming what was wrong, small, and nothing is written.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

// Text that does not compress far (so that only the bound under test is crossed, not zipRatio).
function noise(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64')
    .replace(/[+/=]/g, 'x')
    .slice(0, length);
}

describe('hostile spreadsheets (POST /api/imports/devices)', () => {
  let t: TestApp;

  const upload = (file: Buffer, name = 'devices.xlsx', query = '') =>
    t
      .http()
      .post(`/api/imports/devices${query}`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', file, name);

  const counts = async () => {
    const [row] = await t.query<{ cases: number; devices: number; audit: number }>(
      'SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM devices) AS devices, (SELECT COUNT(*) FROM audit_events) AS audit',
    );
    return { cases: Number(row.cases), devices: Number(row.devices), audit: Number(row.audit) };
  };

  const HEAD = inlineRow(1, DEVICE_HEADINGS);
  const goodRow = (n: number, exhibit = `HOS/${n}`) => {
    const row = deviceRow({ 'Case reference': 'CR/HOSTILE/25', 'Exhibit reference': exhibit });
    return inlineRow(
      n,
      DEVICE_HEADINGS.map((h) => (row[h] === null ? '' : String(row[h]))),
    );
  };

  // Sends the file; expects `status` naming `limit` (413) or the file (400), a small problem, and no write.
  async function refused(file: Buffer, status: number, limit?: string) {
    const before = await counts();
    const res = await upload(file);
    const context = `${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, context).toBe(status);
    expect(res.headers['content-type'], context).toContain('application/problem+json');
    expect(res.text.length, context).toBeLessThan(4096);
    if (limit) {
      expect(res.body, context).toMatchObject({ status: 413, limit, max: SHEET_LIMITS[limit as never] });
      expect(res.body.detail, context).toContain(limit);
    }
    expect(res.body.errors?.[0]?.field ?? 'file', context).toBe('file');
    expect(await counts()).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads a well-formed hand-built workbook (the generator itself is sound)', async () => {
    const res = await upload(rawWorkbook(sheetXml(HEAD + goodRow(2) + goodRow(3))));
    expect(res.status, res.text).toBe(201);
    expect(res.body.devicesCreated).toBe(2);
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = sheetXml(HEAD + goodRow(2) + ' '.repeat(24 * MiB) + goodRow(3, 'HOS/BOMB'));
    await refused(rawWorkbook(bomb), 413, 'zipRatio');
  });

  it('refuses a part that declares more than a worksheet may hold', async () => {
    const file = rawWorkbook(sheetXml(HEAD + goodRow(2, 'HOS/BIG')), {
      sheetPart: { declaredSize: 3 * 1024 * MiB },
    });
    await refused(file, 413, 'zipEntryBytes');
  });

  it('refuses a part that inflates to more than it declared (400, a damaged package)', async () => {
    const file = rawWorkbook(sheetXml(HEAD + goodRow(2, 'HOS/LIE') + goodRow(3, 'HOS/LIE2')), {
      sheetPart: { declaredSize: 200 },
    });
    await refused(file, 400);
  });

  it('refuses a shared string longer than a cell may be, at once and without copying it', async () => {
    const uses = Array.from(
      { length: 5000 },
      (_, i) => `<row r="${i + 2}"><c r="G${i + 2}" t="s"><v>0</v></c></row>`,
    );
    const file = rawWorkbook(sheetXml(HEAD + uses.join('')), {
      sharedStrings: sharedStringsXml([noise(MiB)]),
    });
    await refused(file, 413, 'cellChars');
  });

  it('answers a long shared string reused 5,000 times with bounded errors: 1,000 listed, values cut', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const n = i + 2;
      return goodRow(n).replace(
        /<c r="E\d+" t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>/,
        `<c r="E${n}" t="s"><v>0</v></c>`,
      );
    });
    const file = rawWorkbook(sheetXml(HEAD + rows.join('')), {
      sharedStrings: sharedStringsXml(['E'.repeat(30_000)]),
    });
    const before = await counts();
    const res = await upload(file);
    expect(res.status).toBe(422);
    expect(res.text.length).toBeLessThan(MiB);
    expect(res.body.errorCount).toBeGreaterThanOrEqual(5000);
    expect(res.body.rowsWithErrors).toBe(5000);
    expect(res.body.errors).toHaveLength(1000);
    for (const error of res.body.errors as { value: string }[]) expect(error.value.length).toBeLessThan(130);
    expect(res.body.errors[0]).toMatchObject({ row: 2, column: 'Exhibit reference' });
    expect(res.body.message).toContain('The first 1000 are listed');
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('refuses a cell past the last column (ZZZZZZ2) at once, and reads one at XFD', async () => {
    let n = 9000;
    const far = (ref: string) =>
      rawWorkbook(
        sheetXml(HEAD + goodRow(2, `HOS/${++n}`).replace('</row>', `<c r="${ref}2"><v>1</v></c></row>`)),
      );
    await refused(far('ZZZZZZ'), 413, 'columns');
    await refused(far('XFE'), 413, 'columns');
    const res = await upload(far('XFD'));
    expect(res.status, res.text).toBe(201);
  });

  it('refuses an unterminated tag without rescanning it (413, tag length)', async () => {
    const sheet = sheetXml(HEAD + '<row r="2"><c r="A2" ' + noise(4 * MiB));
    await refused(rawWorkbook(sheet), 413, 'xmlTagChars');
  });

  it('refuses deep nesting in the sheet', async () => {
    const deep = '<x>'.repeat(10_000) + '</x>'.repeat(10_000);
    await refused(rawWorkbook(sheetXml(HEAD + deep)), 413, 'xmlDepth');
  });

  it('refuses deep nesting in a part read by exceljs (the workbook styles)', async () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</styleSheet>`;
    const withStyles = zip([
      { name: 'xl/styles.xml', data: styles },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml(HEAD + goodRow(2, 'HOS/STYLE')) },
    ]);
    await refused(withStyles, 413, 'xmlDepth');
  });

  it('refuses a truncated workbook with 400', async () => {
    const whole = await xlsxBuffer([
      deviceRow({ 'Case reference': 'CR/TRUNC/25', 'Exhibit reference': 'T/1' }),
    ]);
    await refused(whole.subarray(0, Math.floor(whole.length / 2)), 400);
    await refused(whole.subarray(0, whole.length - 10), 400);
  });

  it('refuses an upload over the limit with 413 naming it, and imports none of its rows', async () => {
    const header = `${DEVICE_HEADINGS.join(',')}\r\n`;
    const lines: string[] = [header];
    let size = header.length;
    for (let n = 1; size <= SHEET_LIMITS.uploadBytes; n += 1) {
      const line = `CR/BIG/25,CRIME,DRUG_TRAFFICKING,,BIG/${n},SMART_PLUG,TP-Link,,01/03/2024 14:30,PC1,1 Example Street,Yes\r\n`;
      lines.push(line);
      size += line.length;
    }
    const res = await refused(Buffer.from(lines.join('')), 413, 'uploadBytes');
    expect(res.body.detail).toContain('50 MiB');
  }, 60_000);

  it('lists at most 1,000 of many bad rows, counts them all, and bounds the errors workbook too', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) =>
      deviceRow({ 'Case reference': 'CR/MANY/25', 'Exhibit reference': `MN/${i}`, 'Device type': 'TOASTER' }),
    );
    const file = csvBuffer(rows);
    const before = await counts();
    const res = await upload(file, 'devices.csv');
    expect(res.status).toBe(422);
    expect(res.body.errorCount).toBe(1500);
    expect(res.body.rowsWithErrors).toBe(1500);
    expect(res.body.errors).toHaveLength(1000);
    expect(res.text.length).toBeLessThan(MiB);

    const book = await upload(file, 'devices.csv').set('Accept', XLSX).buffer(true).parse(binaryBody);
    expect(book.status).toBe(422);
    const { workbook } = await readWorkbook(book.body as Buffer);
    const list = workbook.getWorksheet('Errors')!;
    expect(list.rowCount).toBe(1 + 1000 + 1);
    expect(list.getRow(1002).getCell(4).text).toContain('500 more');
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('refuses a giant CSV field without echoing it', async () => {
    const file = Buffer.from(`${DEVICE_HEADINGS.join(',')}\r\nCR/1/25,CRIME,,,"${'z'.repeat(10 * MiB)}"\r\n`);
    const res = await refused(file, 413, 'rowChars');
    expect(res.text).not.toContain('zzzz');
  });

  it('refuses a CSV field longer than a cell may be', async () => {
    const file = Buffer.from(`${DEVICE_HEADINGS.join(',')}\r\nCR/1/25,CRIME,,,${'z'.repeat(40_000)}\r\n`);
    await refused(file, 413, 'cellChars');
  });

  describe('the multipart body', () => {
    const good = () => csvBuffer([deviceRow({ 'Case reference': 'CR/MP/25', 'Exhibit reference': 'MP/1' })]);

    it('refuses a second file, naming it', async () => {
      const before = await counts();
      const res = await upload(good(), 'a.csv').attach('file', good(), 'b.csv');
      expect(res.status, res.text).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        field: 'file',
        message: expect.stringContaining('one file'),
      });
      expect(await counts()).toEqual(before);
    });

    it('refuses a file under another field name, and any other form field, naming it', async () => {
      const other = await t
        .http()
        .post('/api/imports/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .attach('upload', good(), 'a.csv');
      expect(other.status).toBe(400);
      expect(other.body.errors[0].field).toBe('upload');
      const before = await counts();
      const field = await upload(good(), 'a.csv').field('note', 'hello');
      expect(field.status, field.text).toBe(400);
      expect(field.body.errors[0]).toMatchObject({ field: 'note' });
      const fieldFirst = await t
        .http()
        .post('/api/imports/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .field('dryRun', 'true')
        .attach('file', good(), 'a.csv');
      expect(fieldFirst.status).toBe(400);
      expect(fieldFirst.body.errors[0].field).toBe('dryRun');
      expect(await counts()).toEqual(before);
    });

    it('answers a truncated or malformed multipart body with 400', async () => {
      const boundary = 'XyZ123';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      const bodies = [
        Buffer.from(head + good().toString()), // no closing boundary
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n`), // cut in the headers
        Buffer.from('not multipart at all'),
      ];
      for (const body of bodies) {
        const res = await t
          .http()
          .post('/api/imports/devices')
          .set('Authorization', t.auth(Role.ExhibitsOfficer))
          .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
          .send(body);
        expect(res.status, res.text).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  it('never answers a damaged or generated workbook with 5xx, writes nothing, and answers small', async () => {
    const base = rawWorkbook(sheetXml(HEAD + goodRow(2, 'FZ/1') + goodRow(3, 'FZ/2')));
    const fragment = fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '/',
          '<row r="2">',
          '</row>',
          '<c r="A2" t="s">',
          '<v>',
          '</v>',
          '<c r="XFD9999999">',
          '&#x110000;',
          '&amp;',
          '<?',
          '<!--',
          '"',
          'r="ZZZZ1"',
          '<is><t>',
          '</t></is>',
          '\u0000',
          'x',
        ),
        { maxLength: 40 },
      )
      .map((tokens) => rawWorkbook(sheetXml(HEAD + tokens.join(''))));
    const damaged = fc
      .tuple(fc.nat(base.length - 1), fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.boolean())
      .map(([at, bytes, cut]) => {
        const copy = Buffer.from(base);
        if (cut) return copy.subarray(0, at);
        copy.set(bytes.subarray(0, copy.length - at), at);
        return copy;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fragment, damaged), async (file) => {
        const before = await counts();
        const res = await upload(file, 'fuzz.xlsx', '?dryRun=false');
        const context = `${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, context).toBeLessThan(500);
        expect(res.text.length, context).toBeLessThan(MiB);
        if (res.status >= 400) expect(await counts(), context).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
