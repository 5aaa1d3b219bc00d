import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { binaryBody, readWorkbook } from './factories/device-sheet.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';

// An examination's toolsUsed (the tools and versions used) is restricted exactly like `methods`: lab and
// admin read and write it; it is omitted for everyone else, "[restricted]" in their history, and never
// in FOI output or the device export.
// Every cell of every sheet, as text.
async function workbookText(buffer: Buffer): Promise<string> {
  const { workbook } = await readWorkbook(buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
  );
  return cells.join('\n');
}

const TOOLS = 'Cellebrite UFED 7.69; Chip-off reader CR-2 v1.4';

describe('examination toolsUsed', () => {
  let t: TestApp;
  let deviceId: string;
  let examId: string;

  const get = (path: string, role: Role) => t.http().get(path).set('Authorization', t.auth(role));

  beforeAll(async () => {
    t = await createTestApp();
    const officer = t.auth(Role.ExhibitsOfficer);
    const kase = (await t.http().post('/api/cases').set('Authorization', officer).send(caseDto()).expect(201))
      .body;
    deviceId = (
      await t
        .http()
        .post('/api/devices')
        .set('Authorization', officer)
        .send(deviceDto(kase.id, { seizedAt: '2025-03-01T10:15:00+00:00' }))
        .expect(201)
    ).body.id;
    examId = (
      await t
        .http()
        .post('/api/examinations')
        .set('Authorization', t.auth(Role.Lab))
        .send(
          examinationDto(deviceId, {
            requestedAt: '2025-03-03T09:00:00+00:00',
            status: 'IN_PROGRESS',
            startedAt: '2025-03-04T09:00:00+00:00',
            methods: 'Logical extraction',
            toolsUsed: TOOLS,
          }),
        )
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('lab and admin read it; the exhibits officer gets the examination without it, by id and in lists', async () => {
    for (const role of [Role.Lab, Role.Admin]) {
      expect((await get(`/api/examinations/${examId}`, role).expect(200)).body.toolsUsed).toBe(TOOLS);
    }
    const one = await get(`/api/examinations/${examId}`, Role.ExhibitsOfficer).expect(200);
    const list = await get(`/api/examinations?deviceId=${deviceId}`, Role.ExhibitsOfficer).expect(200);

    expect(one.body).not.toHaveProperty('toolsUsed');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('toolsUsed');
  });

  it('the lab changes it by PATCH; the history shows it to lab and admin, "[restricted]" to others', async () => {
    const res = await t
      .http()
      .patch(`/api/examinations/${examId}`)
      .set('Authorization', t.auth(Role.Lab))
      .set('If-Match', '"1"')
      .send({ toolsUsed: `${TOOLS}; XRY 10.2` })
      .expect(200);
    expect(res.body.toolsUsed).toBe(`${TOOLS}; XRY 10.2`);

    const forLab = JSON.stringify(
      (await get(`/api/examinations/${examId}/history`, Role.Lab).expect(200)).body,
    );
    const forOfficer = JSON.stringify(
      (await get(`/api/examinations/${examId}/history`, Role.ExhibitsOfficer).expect(200)).body,
    );
    expect(forLab).toContain('XRY 10.2');
    expect(forOfficer).not.toContain('Cellebrite');
    expect(forOfficer).toContain('[restricted]');
  });

  it('refuses a value that is not text or too long (400 naming it), and the exhibits officer (403)', async () => {
    for (const toolsUsed of [42, 'x'.repeat(2001)]) {
      const res = await t
        .http()
        .post('/api/examinations')
        .set('Authorization', t.auth(Role.Lab))
        .send(
          examinationDto(deviceId, {
            requestedAt: '2025-03-03T09:00:00+00:00',
            toolsUsed: toolsUsed as string,
          }),
        )
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('toolsUsed');
    }
    await t
      .http()
      .post('/api/examinations')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(examinationDto(deviceId, { requestedAt: '2025-03-03T09:00:00+00:00', toolsUsed: TOOLS }))
      .expect(403);
  });

  it('is never in FOI output (JSON and workbook) nor in the device export', async () => {
    const foi = await get(
      '/api/foi/report?from=2025-01-01&to=2026-01-01&deviceType=ALL&suppressBelow=0',
      Role.Foi,
    ).expect(200);
    expect(JSON.stringify(foi.body)).not.toContain('Cellebrite');
    expect(foi.body.q5.examinationsRecorded).toBeGreaterThan(0);
    const workbook = await get(
      '/api/foi/report.xlsx?from=2025-01-01&to=2026-01-01&deviceType=ALL&suppressBelow=0',
      Role.Foi,
    )
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const report = await workbookText(workbook.body as Buffer);
    expect(report).toMatch(/Q5|Techniques/);
    expect(report).not.toContain('Cellebrite');

    const csv = await get('/api/devices.csv', Role.Lab).buffer(true).parse(binaryBody).expect(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('Tapo P110'); // the device is in it
    expect((csv.body as Buffer).toString('utf8')).not.toContain('Cellebrite');
    const xlsx = await get('/api/devices.xlsx', Role.Lab).buffer(true).parse(binaryBody).expect(200);
    const exported = await workbookText(xlsx.body as Buffer);
    expect(exported).toContain('Tapo P110');
    expect(exported).not.toContain('Cellebrite');
  });

  it('is in the built OpenAPI metadata of the create body and the response', async () => {
    type Dto = { _OPENAPI_METADATA_FACTORY: () => Record<string, unknown> };
    const built = async (file: string, name: string) =>
      ((await import(`../dist/examinations/dto/${file}.js`)) as Record<string, Dto>)[
        name
      ]._OPENAPI_METADATA_FACTORY();
    expect(await built('create-examination.dto', 'CreateExaminationDto')).toHaveProperty('toolsUsed');
    expect(await built('examination-response.dto', 'ExaminationResponseDto')).toHaveProperty('toolsUsed');
  });
});
