import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, uniqueCaseReference } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { csvBuffer, deviceRow, type SheetCell } from './factories/device-sheet.factory.js';

// The import checks rows with precompiled checks and falls back to class-validator for anything they
// do not accept: a bad value must be refused with the words POST /api/devices or /api/cases use, in
// the spreadsheet's terms (issue 13 part 6): the column's heading for the field's name, and the allowed
// labels instead of a reference list's API path.
// Each case: the field, the sheet heading, the value as typed in the cell and as sent to the API.
const DEVICE_CASES: [string, string, string][] = [
  ['exhibitRef', 'Exhibit reference', 'A/1'],
  ['exhibitRef', 'Exhibit reference', `AB/${'1'.repeat(28)}`],
  ['deviceType', 'Device type', 'TOASTER_OVEN'],
  ['make', 'Make', 'm'.repeat(101)],
  ['model', 'Model', 'tab\there'],
  ['serialNumber', 'Serial number', 's'.repeat(101)],
  ['macAddress', 'MAC address', 'zz:bb:cc:dd:ee:ff'],
  ['firmwareVersion', 'Firmware version', 'f'.repeat(51)],
  ['seizedAt', 'Seized at', '2099-01-01T10:00:00Z'],
  ['seizedAt', 'Seized at', '1989-12-31T10:00:00Z'],
  ['seizedBy', 'Seized by', 'o'.repeat(51)],
  ['seizureLocation', 'Seizure location', 'l'.repeat(501)],
  ['powerStateAtSeizure', 'Power state at seizure', 'SOMETIMES'],
  ['companionApp', 'Companion app', 'a'.repeat(101)],
  ['cloudAccountIdentifier', 'Cloud account identifier', 'c'.repeat(201)],
  ['evidentialUse', 'Evidential use', 'MAYBE_LATER'],
];

const CASE_CASES: [string, string, string][] = [
  ['reference', 'Case reference', `CR/${'9'.repeat(48)}`],
  ['kind', 'Case kind', 'NEITHER'],
  ['offenceSubgroup', 'Offence sub-group', 'NOT_A_SUBGROUP'],
  ['homeOfficeCode', 'Home Office code', 'ZZZ'],
  ['policeOutcome', 'Police outcome', '99'],
];

const HEADINGS = [
  'Case reference',
  'Case kind',
  'Offence sub-group',
  'Home Office code',
  'Police outcome',
  'Exhibit reference',
  'Device type',
  'Make',
  'Model',
  'Serial number',
  'MAC address',
  'Firmware version',
  'Seized at',
  'Seized by',
  'Seizure location',
  'Power state at seizure',
  'Companion app',
  'Cloud account identifier',
  'Evidential use',
];

type Problem = { errors?: { field: string; message: string }[] };
const messagesFor = (body: Problem, field: string) =>
  (body.errors ?? []).filter((e) => e.field === field).map((e) => e.message);

// The API's message as the import words it (src/imports/import-wording.ts), or, for a code from a
// reference list, what it must say instead of the list's API path.
function expectImportWording(field: string, heading: string, api: string, imported: string) {
  if (api.includes('/api/reference/')) {
    expect(imported.startsWith(heading), imported).toBe(true);
    expect(imported).toContain("one of '");
    expect(imported).not.toContain('/api/');
    return;
  }
  let text = /[A-Z]/.test(field)
    ? api.replace(new RegExp(`\\b${field}\\b`, 'g'), heading)
    : api.replace(new RegExp(`^${field}\\b`), heading);
  if (!text.startsWith(heading)) text = /^(must|is) /.test(text) ? `${heading} ${text}` : `${heading}: ${text}`;
  expect(imported).toBe(text);
}

describe('the import and the API refuse the same bad values with the same message', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
    caseId = created.body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  // One file, one bad cell per row: the import lists every error at once.
  const importErrors = async (rows: Record<string, SheetCell>[]) => {
    const res = await t
      .http()
      .post('/api/imports/devices?dryRun=true')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', csvBuffer(rows, HEADINGS), 'devices.csv')
      .expect(422);
    return res.body.errors as { row: number; field: string; value: string; message: string }[];
  };

  it('for device fields (POST /api/devices)', async () => {
    const rows = DEVICE_CASES.map(([, heading, value], i) =>
      deviceRow({ 'Case reference': `MSG/${i}`, 'Exhibit reference': `ABC/${i + 1}`, [heading]: value }),
    );

    const errors = await importErrors(rows);

    for (const [i, [field, heading, value]] of DEVICE_CASES.entries()) {
      const api = await t
        .http()
        .post('/api/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(deviceDto(caseId, { [field]: value }));
      expect([field, value, [400, 422].includes(api.status)]).toEqual([field, value, true]);
      const expected = messagesFor(api.body as Problem, field).join('; ');
      const imported = errors.filter((e) => e.row === i + 2);
      expect({ field, value, fields: imported.map((e) => e.field) }).toEqual({ field, value, fields: [field] });
      expectImportWording(field, heading, expected, imported[0].message);
    }
  });

  it('for case fields (POST /api/cases)', async () => {
    const rows = CASE_CASES.map(([, heading, value]) =>
      deviceRow({ 'Case reference': uniqueCaseReference(), [heading]: value }),
    );

    const errors = await importErrors(rows);

    for (const [i, [field, heading, value]] of CASE_CASES.entries()) {
      const body = { ...caseDto(), [field]: value };
      const api = await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(body);
      expect([field, value, [400, 422].includes(api.status)]).toEqual([field, value, true]);
      const expected = messagesFor(api.body as Problem, field).join('; ');
      const imported = errors.filter((e) => e.row === i + 2);
      expect({ field, fields: imported.map((e) => e.field) }).toEqual({ field, fields: [field] });
      expectImportWording(field, heading, expected, imported[0].message);
    }
  });
});
