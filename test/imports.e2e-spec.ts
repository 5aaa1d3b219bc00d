import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import {
  binaryBody,
  csvBuffer,
  deviceRow,
  readWorkbook,
  xlsxBuffer,
} from './factories/device-sheet.factory.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('device import (POST /api/imports/devices)', () => {
  let t: TestApp;
  let seq = 0;
  const ref = () => `IMP/${++seq}/${Date.now() % 100000}`;

  const upload = (file: Buffer, name = 'devices.xlsx', role = Role.ExhibitsOfficer, query = '') =>
    t
      .http()
      .post(`/api/imports/devices${query}`)
      .set('Authorization', t.auth(role))
      .attach('file', file, name);

  const counts = async () => {
    const [row] = await t.query<{ cases: number; devices: number; audit: number }>(
      'SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM devices) AS devices, (SELECT COUNT(*) FROM audit_events) AS audit',
    );
    return { cases: Number(row.cases), devices: Number(row.devices), audit: Number(row.audit) };
  };

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('imports a good workbook whole: cases once by reference, devices, one audit event each', async () => {
    const [a, b] = [ref(), ref()];
    const file = await xlsxBuffer([
      deviceRow({
        'Case reference': a,
        'Exhibit reference': 'ABC/1',
        'Seized at': new Date(Date.UTC(2024, 6, 1, 14, 30)),
      }),
      deviceRow({
        'Case reference': a,
        'Exhibit reference': 'ABC/2',
        'Case kind': null,
        'Offence sub-group': null,
      }),
      deviceRow({
        'Case reference': b,
        'Case kind': 'incident',
        'Offence sub-group': null,
        'Incident category': 'MISSING_PERSON',
        'Exhibit reference': 'XYZ/1',
        'Device type': 'smart plug',
        'Seized at': '15/01/2024 09:05',
      }),
    ]);
    const before = await counts();

    const res = await upload(file).expect(201);

    expect(res.body).toMatchObject({
      accepted: true,
      rowsRead: 3,
      rowsValid: 3,
      casesCreated: 2,
      devicesCreated: 3,
    });
    expect(await counts()).toEqual({
      cases: before.cases + 2,
      devices: before.devices + 3,
      audit: before.audit + 5,
    });
    const devices = await t.query<{
      exhibitRef: string;
      seizedAt: string;
      macAddress: string;
      networkIsolated: unknown;
    }>(
      'SELECT d."exhibitRef", d."seizedAt", d."macAddress", d."networkIsolated" FROM devices d JOIN cases c ON c.id = d."caseId" WHERE c.reference IN (?, ?) ORDER BY d."exhibitRef"',
      [a, b],
    );
    expect(devices.map((d) => [d.exhibitRef, d.seizedAt, d.macAddress, Boolean(d.networkIsolated)])).toEqual([
      ['ABC/1', '2024-07-01T13:30:00.000Z', 'AA:BB:CC:DD:EE:01', true],
      ['ABC/2', '2024-03-01T14:30:00.000Z', 'AA:BB:CC:DD:EE:01', true],
      ['XYZ/1', '2024-01-15T09:05:00.000Z', 'AA:BB:CC:DD:EE:01', true],
    ]);
    const actions = await t.query<{ action: string }>(
      'SELECT action FROM audit_events ORDER BY seq DESC LIMIT 5',
    );
    const verify = await t
      .http()
      .get('/api/audit/verify')
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);
    expect(verify.body).toMatchObject({ intact: true });
    expect(actions.map((e) => e.action).sort()).toEqual([
      'case.create',
      'case.create',
      'device.create',
      'device.create',
      'device.create',
    ]);
  });

  it('re-importing the same file adds nothing and says so', async () => {
    const file = await xlsxBuffer([
      deviceRow({ 'Case reference': ref() }),
      deviceRow({ 'Exhibit reference': 'ABC/9' }),
    ]);
    await upload(file).expect(201);
    const before = await counts();

    const res = await upload(file).expect(200);

    expect(res.body).toMatchObject({
      accepted: true,
      devicesCreated: 0,
      casesCreated: 0,
      devicesAlreadyPresent: 2,
    });
    expect(res.body.message).toMatch(/Nothing added/);
    expect(await counts()).toEqual(before);
  });

  it('checks a file without writing on a dry run', async () => {
    const file = await xlsxBuffer([deviceRow({ 'Case reference': ref() })]);
    const before = await counts();

    const res = await upload(file, 'devices.xlsx', Role.ExhibitsOfficer, '?dryRun=true').expect(200);

    expect(res.body).toMatchObject({
      dryRun: true,
      accepted: true,
      casesCreated: 0,
      devicesCreated: 0,
      wouldCreate: { cases: 1, devices: 1 },
    });
    expect(await counts()).toEqual(before);
  });

  describe('a file with errors in several rows', () => {
    const bad = () => [
      deviceRow({ 'Case reference': 'ERR/1', 'Exhibit reference': 'ABC/1' }),
      deviceRow({ 'Case reference': 'ERR/1', 'Exhibit reference': 'ABC/2', 'Seized at': '03/04/24' }),
      deviceRow({ 'Case reference': 'ERR/2', 'Device type': 'TOASTER', 'MAC address': 'not-a-mac' }),
      deviceRow({ 'Case reference': 'ERR/3', 'Seized at': '04/13/2024', 'Seized by': null }),
      deviceRow({ 'Case reference': 'ERR/4', 'Case kind': 'CRIME', 'Offence sub-group': null }),
      deviceRow({ 'Case reference': 'ERR/1', 'Exhibit reference': 'ABC/001' }),
    ];

    it('is rejected whole with every error listed and nothing written', async () => {
      const before = await counts();

      const res = await upload(await xlsxBuffer(bad())).expect(422);

      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 422, accepted: false, rowsRead: 6, rowsValid: 1 });
      const errors = (
        res.body.errors as { row: number; column: string; value: string; message: string }[]
      ).map((e) => [e.row, e.column, e.value]);
      expect(errors).toEqual([
        [3, 'Seized at', '03/04/24'],
        [4, 'Device type', 'TOASTER'],
        [4, 'MAC address', 'not-a-mac'],
        [5, 'Seized at', '04/13/2024'],
        [5, 'Seized by', ''],
        [6, 'Offence sub-group', ''],
        [7, 'Exhibit reference', 'ABC/001'],
      ]);
      expect(res.body.errors[0].message).toMatch(/two-digit year/);
      expect(res.body.errors[3].message).toMatch(/month\/day/);
      expect(await counts()).toEqual(before);
    });

    it('comes back as a workbook of the uploaded rows with an Errors column', async () => {
      const res = await upload(await xlsxBuffer(bad()))
        .set('Accept', XLSX)
        .buffer(true)
        .parse(binaryBody)
        .expect(422);

      expect(res.headers['content-type']).toContain(XLSX);
      const { workbook, rows } = await readWorkbook(res.body as Buffer);
      expect(rows[0].at(-1)).toBe('Errors');
      expect(rows).toHaveLength(7);
      expect(rows[1][12] ?? null).toBeNull();
      expect(String(rows[3][12])).toMatch(/^Device type .*\nMAC address /);
      expect(workbook.getWorksheet('Errors')!.rowCount).toBe(8);
    });
  });

  it('reads CSV too, with UK dates', async () => {
    const reference = ref();
    const file = csvBuffer([
      deviceRow({ 'Case reference': reference, 'Seized at': '31/12/2023 23:59' }),
      deviceRow({
        'Case reference': reference,
        'Exhibit reference': 'ABC/2',
        'Seized at': '2024-06-01T10:00:00+01:00',
      }),
    ]);

    const res = await upload(file, 'devices.csv').expect(201);

    expect(res.body).toMatchObject({ format: 'csv', devicesCreated: 2, casesCreated: 1 });
    const rows = await t.query<{ seizedAt: string }>(
      'SELECT d."seizedAt" FROM devices d JOIN cases c ON c.id = d."caseId" WHERE c.reference = ? ORDER BY d."exhibitRef"',
      [reference],
    );
    expect(rows.map((r) => r.seizedAt)).toEqual(['2023-12-31T23:59:00.000Z', '2024-06-01T09:00:00.000Z']);
  });

  it('matches headings forgivingly and reports unknown ones', async () => {
    const headings = [
      'Crime Ref',
      'kind',
      'Offence',
      'Exhibit No.',
      'TYPE',
      'MAC',
      'Seized date',
      'officer',
      'Colour',
    ];
    const row = {
      'Crime Ref': ref(),
      kind: 'CRIME',
      Offence: 'DRUG_TRAFFICKING',
      'Exhibit No.': 'abc/1',
      TYPE: 'SMART_PLUG',
      MAC: 'aabbccddee02',
      'Seized date': '02/02/2024',
      officer: 'PC9',
      Colour: 'white',
    };

    const res = await upload(await xlsxBuffer([row], headings)).expect(201);

    expect(res.body).toMatchObject({ devicesCreated: 1, unknownColumns: ['Colour'] });
  });

  it('names missing required columns', async () => {
    const res = await upload(await xlsxBuffer([{ 'Case reference': 'X/1' }], ['Case reference'])).expect(422);

    expect(res.body.fileErrors).toEqual(
      expect.arrayContaining([
        'No column for Exhibit reference (required).',
        'No column for Seized at (required).',
      ]),
    );
  });

  it('refuses a request without a file', async () => {
    const res = await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send({})
      .expect(400);

    expect(res.body.errors[0].field).toBe('file');
  });

  it('answers a file that is no readable spreadsheet with 400, not 500', async () => {
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    const oldExcel = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]);

    const res = await upload(broken).expect(400);
    await upload(oldExcel, 'devices.xls').expect(400);

    expect(res.body.errors[0]).toMatchObject({
      field: 'file',
      message: expect.stringMatching(/Excel workbook/),
    });
  });

  it('is for exhibits officers and admin only', async () => {
    const file = await xlsxBuffer([deviceRow({ 'Case reference': ref() })]);
    for (const role of [Role.Lab, Role.Foi]) await upload(file, 'devices.xlsx', role).expect(403);
    await t.http().post('/api/imports/devices').attach('file', file, 'devices.xlsx').expect(401);
    await upload(file, 'devices.xlsx', Role.Admin).expect(201);
  });

  it('serves a template whose headings and sample row the importer reads', async () => {
    const res = await t
      .http()
      .get('/api/imports/devices/template.xlsx')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);

    const { workbook, rows } = await readWorkbook(res.body as Buffer);
    expect(rows[0]).toContain('Exhibit reference');
    expect(workbook.getWorksheet('Lists')!.state).toBe('hidden');
    const validation = workbook.getWorksheet('Devices')!.getCell('F2').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Lists!/)] });
    const check = await upload(res.body as Buffer, 'template.xlsx', Role.ExhibitsOfficer, '?dryRun=true');
    expect(check.body).toMatchObject({ accepted: true, devicesCreated: 0, wouldCreate: { devices: 1 } });
  });
});
