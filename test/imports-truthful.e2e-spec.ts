import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { csvBuffer, DEVICE_HEADINGS, deviceRow, type SheetCell } from './factories/device-sheet.factory.js';

// Issue 13 part 6: imports that tell the truth. A rejected file or a dry run creates nothing and says
// what it would create; a row's errors come back in one pass; messages speak the spreadsheet's words;
// a column the register does not read and a re-imported exhibit that differs are warnings, never silence.
describe('imports that tell the truth', () => {
  let t: TestApp;
  let seq = 0;
  const ref = () => `TRU/${++seq}/${Date.now() % 100000}`;

  const upload = (rows: Record<string, SheetCell>[], query = '', headings = DEVICE_HEADINGS) =>
    t
      .http()
      .post(`/api/imports/devices${query}`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', csvBuffer(rows, headings), 'devices.csv');

  const devices = async () => Number((await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM devices'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports 0 created for a rejected file, and what its good rows would create', async () => {
    const [a, b] = [ref(), ref()];
    const before = await devices();

    const res = await upload([
      deviceRow({ 'Case reference': a, 'Exhibit reference': 'AB/1' }),
      deviceRow({ 'Case reference': a, 'Exhibit reference': 'AB/2' }),
      deviceRow({ 'Case reference': b, 'Exhibit reference': 'AB/1', 'Device type': 'TOASTER' }),
    ]).expect(422);

    expect(res.body).toMatchObject({
      accepted: false,
      casesCreated: 0,
      devicesCreated: 0,
      wouldCreate: { cases: 2, devices: 2 },
    });
    expect(res.body.message).toContain('would add 2 device(s) and 2 new case(s)');
    expect(await devices()).toBe(before);
  });

  it('reports 0 created for a dry run, and what it would create', async () => {
    const res = await upload([deviceRow({ 'Case reference': ref() })], '?dryRun=true').expect(200);

    expect(res.body).toMatchObject({ accepted: true, casesCreated: 0, devicesCreated: 0, wouldCreate: { cases: 1, devices: 1 } });
  });

  it("gives every error of a row in one pass: shape, codes, rules and duplicates in the file", async () => {
    const a = ref();
    const res = await upload([
      deviceRow({ 'Case reference': a, 'Exhibit reference': 'AB/1' }),
      // A duplicate exhibit of the same case, an unknown device type and a missing required cell.
      deviceRow({ 'Case reference': a, 'Exhibit reference': 'ab/001', 'Device type': 'TOASTER', 'Seized by': null }),
      // A reference too long for the DTO, and an offence sub-group no list holds (a rule of the case).
      deviceRow({ 'Case reference': `X${'9'.repeat(50)}`, 'Offence sub-group': 'NOT_A_SUBGROUP' }),
    ]).expect(422);

    const byRow = (row: number) =>
      (res.body.errors as { row: number; column: string }[]).filter((e) => e.row === row).map((e) => e.column);
    expect(byRow(3)).toEqual(['Exhibit reference', 'Device type', 'Seized by']);
    expect(byRow(4)).toEqual(['Case reference', 'Offence sub-group']);
  });

  it('names the column as the file heads it and gives the allowed labels, not an API path', async () => {
    const res = await upload(
      [{ 'Crime ref': ref(), Kind: 'CRIME', Offence: 'NOT_A_SUBGROUP', Exhibit: 'AB/1', Type: 'TOASTER', 'Seized at': '01/03/2024 14:30', 'Seized by': 'PC1' }],
      '',
      ['Crime ref', 'Kind', 'Offence', 'Exhibit', 'Type', 'Seized at', 'Seized by'],
    ).expect(422);

    const messages = Object.fromEntries(
      (res.body.errors as { column: string; message: string }[]).map((e) => [e.column, e.message]),
    );
    expect(messages.Type).toMatch(/^Type "TOASTER" is not one of '/);
    expect(messages.Type).toContain("'Smart plug");
    expect(messages.Offence).toMatch(/^Offence must be one of '/);
    for (const message of Object.values(messages)) expect(message).not.toContain('/api/');
  });

  it('lists a column the register does not read as a warning, and still imports the file', async () => {
    const headings = [...DEVICE_HEADINGS, 'Colour'];

    const res = await upload([deviceRow({ 'Case reference': ref(), Colour: 'white' })], '', headings).expect(201);

    expect(res.body).toMatchObject({ accepted: true, unknownColumns: ['Colour'], warningCount: 1, devicesCreated: 1 });
    expect(res.body.warnings).toEqual([
      { row: 1, column: 'Colour', message: expect.stringContaining('no column the register reads') },
    ]);
    expect(res.body.message).toContain('1 warning(s)');
  });

  it('warns per differing field when a re-imported exhibit or case is already in the register, changing nothing', async () => {
    const a = ref();
    await upload([deviceRow({ 'Case reference': a, Make: 'Tapo', 'Seizure location': '1 Old Road' })]).expect(201);

    const res = await upload([
      deviceRow({ 'Case reference': a, 'Offence sub-group': 'DRUG_POSSESSION', Make: 'TP-Link', 'Seizure location': '2 New Road' }),
    ]).expect(200);

    expect(res.body).toMatchObject({ accepted: true, devicesAlreadyPresent: 1, wouldCreate: { devices: 0, cases: 0 } });
    expect(res.body.warnings).toEqual(
      expect.arrayContaining([
        {
          row: 2,
          column: 'Make',
          message: "Make differs: file 'TP-Link', register 'Tapo'; the import does not change devices already in the register",
        },
        { row: 2, column: 'Seizure location', message: expect.stringContaining('personal data: the values are not shown') },
        {
          row: 2,
          column: 'Offence sub-group',
          message: expect.stringContaining("differs: file 'DRUG_POSSESSION', register 'DRUG_TRAFFICKING'"),
        },
      ]),
    );
    expect(res.body.warningCount).toBe(3);
    expect(JSON.stringify(res.body.warnings)).not.toContain('Road');
    const [device] = await t.query<{ make: string }>(
      'SELECT d."make" FROM devices d JOIN cases c ON c.id = d."caseId" WHERE c.reference = ?',
      [a],
    );
    expect(device.make).toBe('Tapo');
  });
});
