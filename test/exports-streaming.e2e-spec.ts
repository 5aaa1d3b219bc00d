import { Role } from '../src/auth/role.enum.js';
import { EXPORT_PAGE_SIZE } from '../src/exports/device-export.service.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { binaryBody, csvBuffer, deviceRow, readWorkbook } from './factories/device-sheet.factory.js';

// More devices than one page of the export holds, most of them seized at the same instant as others,
// so that pages end inside a run of equal seizure times (the keyset's tie-break on id).
const DEVICES = EXPORT_PAGE_SIZE * 2 + 345;
const SEIZED = [
  '2024-03-01T14:30:00Z',
  '2024-03-01T14:30:00Z',
  '2024-06-30T23:30:00Z',
  '2023-12-31T00:00:00Z',
];

const exhibit = (i: number) => ({
  reference: `CR/2024/${Math.floor(i / 5) + 1}`,
  exhibitRef: `ABC/${(i % 5) + 1}`,
});

describe('device export of a register larger than one page', () => {
  let t: TestApp;

  const download = (path: string) =>
    t.http().get(path).set('Authorization', t.auth(Role.Admin)).buffer(true).parse(binaryBody).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    const rows = Array.from({ length: DEVICES }, (_, i) =>
      deviceRow({
        'Case reference': exhibit(i).reference,
        'Exhibit reference': exhibit(i).exhibitRef,
        'Device type': i % 3 === 0 ? 'SMART_SPEAKER' : 'SMART_PLUG',
        'MAC address': null,
        'Seized at': SEIZED[i % SEIZED.length],
      }),
    );
    await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', csvBuffer(rows), 'devices.csv')
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  const expected = (filter: (i: number) => boolean = () => true) =>
    Array.from({ length: DEVICES }, (_, i) => i)
      .filter(filter)
      .map((i) => `${exhibit(i).reference} ${exhibit(i).exhibitRef}`)
      .sort();

  it('streams every device once as CSV, in order of seizure', async () => {
    const res = await download('/api/devices.csv');

    const [heading, ...lines] = (res.body as Buffer)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const names = heading.split(',');
    const cells = lines.map((line) => line.split(','));
    const at = (name: string) => names.indexOf(name);
    expect(cells.map((c) => `${c[at('Case reference')]} ${c[at('Exhibit reference')]}`).sort()).toEqual(
      expected(),
    );
    const seized = cells.map((c) => Date.parse(c[at('Seized at')]));
    expect(seized).toEqual([...seized].sort((a, b) => a - b));
    expect(new Set(cells.map((c) => c[at('Seized at')]))).toEqual(
      new Set(['2023-12-31T00:00:00+00:00', '2024-03-01T14:30:00+00:00', '2024-07-01T00:30:00+01:00']),
    );
  });

  it('streams every device once as a workbook', async () => {
    const res = await download('/api/devices.xlsx');

    const { rows } = await readWorkbook(res.body as Buffer);
    const [heading, ...devices] = rows;
    const at = (name: string) => heading.indexOf(name);
    expect(
      devices.map((r) => `${String(r[at('Case reference')])} ${String(r[at('Exhibit reference')])}`).sort(),
    ).toEqual(expected());
  });

  it.each([
    ['one device type', '?deviceType=SMART_SPEAKER', (i: number) => i % 3 === 0],
    [
      'several types and a status',
      '?deviceType=SMART_SPEAKER&deviceType=SMART_PLUG&custodyStatus=SEIZED',
      () => true,
    ],
    [
      'a seizure window',
      '?seizedFrom=2024-03-01T00:00:00Z&seizedTo=2024-07-01T00:00:00Z',
      (i: number) => i % 4 !== 3,
    ],
  ])('applies the filters on every page: %s', async (_name, filter, kept) => {
    const res = await download(`/api/devices.csv${filter}`);

    const lines = (res.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(expected(kept).length + 1);
  });
});
