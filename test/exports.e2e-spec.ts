import { Role } from '../src/auth/role.enum.js';
import { Case } from '../src/cases/case.entity.js';
import { Device } from '../src/devices/device.entity.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, incidentCaseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { readWorkbook, binaryBody } from './factories/device-sheet.factory.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BOOKKEEPING = [
  'id',
  'caseId',
  'case',
  'createdAt',
  'createdBy',
  'updatedAt',
  'version',
  'voidedAt',
  'voidedBy',
  'voidReason',
];

// Every device with its case, without ids and bookkeeping: what an export → import must carry over.
const sortKey = (d: { exhibitRef?: unknown; case: Record<string, unknown> }) =>
  `${String(d.case.reference)} ${String(d.exhibitRef)}`;

async function register(t: TestApp): Promise<{ exhibitRef?: unknown; case: Record<string, unknown> }[]> {
  const devices = await t.dataSource
    .getRepository(Device)
    .createQueryBuilder('d')
    .innerJoinAndMapOne('d.case', Case, 'c', 'c.id = d.caseId')
    .getMany();
  const strip = (o: object) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([k]) => !BOOKKEEPING.includes(k))
        .map(([k, v]) => [k, typeof v === 'boolean' || v === 0 || v === 1 ? Boolean(v) : v]),
    );
  return devices
    .map(
      (d) =>
        ({ ...strip(d), case: strip(d.case) }) as { exhibitRef?: unknown; case: Record<string, unknown> },
    )
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

describe('device export (GET /api/devices.xlsx and .csv)', () => {
  let t: TestApp;

  const post = async (path: string, body: object) =>
    (await t.http().post(path).set('Authorization', t.auth(Role.ExhibitsOfficer)).send(body).expect(201))
      .body as {
      id: string;
    };

  const download = (path: string, role = Role.ExhibitsOfficer) =>
    t.http().get(path).set('Authorization', t.auth(role)).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    t = await createTestApp();
    const crime = await post(
      '/api/cases',
      caseDto({
        homeOfficeCode: '92A',
        policeOutcome: '1',
        courtStage: 'FINALISED',
        courtResult: 'GUILTY_PLEA',
        courtResultAt: '2025-06-30',
      }),
    );
    const incident = await post('/api/cases', incidentCaseDto());
    await post('/api/devices', deviceDto(crime.id, { seizedAt: '2024-10-27T00:30:00Z' })); // 01:30 BST, the hour that repeats
    await post(
      '/api/devices',
      deviceDto(crime.id, {
        seizedAt: '2025-03-01T10:15:00.123Z',
        macAddress: null,
        photographedInSitu: false,
        networkIsolated: null,
      }),
    );
    await post(
      '/api/devices',
      deviceDto(incident.id, {
        deviceType: 'SMART_SPEAKER',
        seizureLocation: 'Flat 2, "The Maltings", Leeds',
        make: '=HYPERLINK("x")',
        evidentialUse: 'SERVED_EVIDENCE',
      }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('streams every device as a workbook with the importer headings', async () => {
    const res = await download('/api/devices.xlsx').expect(200);

    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="devices-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const { rows } = await readWorkbook(res.body as Buffer);
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        'Case reference',
        'Exhibit reference',
        'Seized at',
        'Seizure location',
        'Offence group',
        'Custody status',
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(rows.flat()).toContain('2024-10-27T01:30:00+01:00');
  });

  it('applies the list filters', async () => {
    const res = await download('/api/devices.csv?deviceType=SMART_SPEAKER').expect(200);

    const lines = (res.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Flat 2, ""The Maltings"", Leeds"');
    expect(lines[1]).toContain(`'=HYPERLINK`);
  });

  it('answers bad filters with a problem before streaming', async () => {
    const res = await t
      .http()
      .get('/api/devices.xlsx?deviceType=TOASTER')
      .set('Authorization', t.auth(Role.Lab))
      .expect(400);

    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('is for record readers: exhibits officers, lab and admin, not the FOI team', async () => {
    await download('/api/devices.xlsx', Role.Lab).expect(200);
    await download('/api/devices.csv', Role.Admin).expect(200);
    await download('/api/devices.xlsx', Role.Foi).expect(403);
    await download('/api/devices.csv', Role.Foi).expect(403);
    await t.http().get('/api/devices.xlsx').expect(401);
  });

  describe.each([
    ['xlsx', 'devices.xlsx'],
    ['csv', 'devices.csv'],
  ])('export as %s → import into an empty register', (_format, file) => {
    let fresh: TestApp;

    beforeAll(async () => {
      fresh = await createTestApp();
    });

    afterAll(async () => {
      await fresh.close();
    });

    it('gives identical records', async () => {
      const exported = await download(`/api/${file}`).expect(200);

      const res = await fresh
        .http()
        .post('/api/imports/devices')
        .set('Authorization', fresh.auth(Role.ExhibitsOfficer))
        .attach('file', exported.body as Buffer, file)
        .expect(201);

      expect(res.body).toMatchObject({
        devicesCreated: 3,
        casesCreated: 2,
        ignoredColumns: ['Offence group', 'Custody status'],
      });
      expect(await register(fresh)).toEqual(await register(t));
    });
  });
});
