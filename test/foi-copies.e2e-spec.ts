import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { Role } from '../src/auth/role.enum.js';
import { referenceKeyOf } from '../src/cases/reference-key.js';
import { newId } from '../src/common/new-id.js';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { seedDemoRegister } from '../src/demo/demo-seeder.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { csvBuffer, deviceRow } from './factories/device-sheet.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { buildFoiFixture } from './factories/foi-fixture.js';
import { copies, type Query } from './factories/foi-copy-checks.js';

// The FOI report reads copies: each device carries its case's FOI fields (case*), each examination its
// device's type, seizure instant and void (device*), kept by database triggers (migrations CopyFoiFields,
// CopyFoiCaseKey: the case's classification as one key).
// Every writer must leave them equal to the originals, at once: the API, the importer, raw SQL (as the
// bench seeder and a legacy fix write), and the demo seeder.

describe('FOI copies on devices and examinations', () => {
  let t: TestApp;
  const query: Query = (sql, params) => t.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const post = async (path: string, role: Role, body: object, status = 201) => {
    const res = await t.http().post(path).set('Authorization', t.auth(role)).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as { id: string; version: number };
  };
  const patch = async (path: string, role: Role, body: object) => {
    const current = await t.http().get(path).set('Authorization', t.auth(Role.Admin)).expect(200);
    const res = await t
      .http()
      .patch(path)
      .set('Authorization', t.auth(role))
      .set('If-Match', `"${current.body.version}"`)
      .send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const deviceCopy = async (id: string) =>
    (
      await t.query(
        `SELECT "caseOffenceSubgroup", "caseCourtResult", "caseProgressedToCourt", "caseVoidedAt", "caseVersion"
         FROM "devices" WHERE "id" = ?`,
        [id],
      )
    )[0];
  const examinationCopy = async (id: string) =>
    (
      await t.query(
        `SELECT "deviceType", "deviceSeizedAt", "deviceVoidedAt" FROM "examinations" WHERE "id" = ?`,
        [id],
      )
    )[0];

  it('API: the FOI fixture register (creates, updates, voids, a case voided behind the API) is copied right', async () => {
    await buildFoiFixture(t);

    const result = await copies(query);
    expect(result.wrong).toEqual({ devices: 0, examinations: 0 });
    const [all] = await t.query(
      'SELECT (SELECT COUNT(*) FROM devices) AS devices, (SELECT COUNT(*) FROM examinations) AS examinations',
    );
    expect(result.copied).toEqual({ devices: Number(all.devices), examinations: Number(all.examinations) });
  }, 120_000);

  it('API: case and device updates and voids reach the copies in the same request', async () => {
    const kase = await post('/api/cases', Role.ExhibitsOfficer, caseDto());
    const device = await post('/api/devices', Role.ExhibitsOfficer, deviceDto(kase.id));
    const exam = await post(
      '/api/examinations',
      Role.Lab,
      examinationDto(device.id, { requestedAt: '2025-03-03T09:00:00+00:00' }),
    );
    expect(await deviceCopy(device.id)).toMatchObject({
      caseOffenceSubgroup: 'DRUG_TRAFFICKING',
      caseVersion: 1,
    });
    expect(await examinationCopy(exam.id)).toEqual({
      deviceType: 'SMART_PLUG',
      deviceSeizedAt: '2025-03-01T10:15:00.000Z',
      deviceVoidedAt: null,
    });

    await patch(`/api/cases/${kase.id}`, Role.ExhibitsOfficer, {
      offenceSubgroup: 'VAP_STALKING_HARASSMENT',
      courtStage: 'FINALISED',
      courtResult: 'GUILTY_PLEA',
      courtResultAt: '2025-06-01',
    });
    expect(await deviceCopy(device.id)).toMatchObject({
      caseOffenceSubgroup: 'VAP_STALKING_HARASSMENT',
      caseCourtResult: 'GUILTY_PLEA',
      caseVersion: 2,
    });
    expect([true, 1]).toContain((await deviceCopy(device.id)).caseProgressedToCourt);

    await patch(`/api/devices/${device.id}`, Role.ExhibitsOfficer, { seizedAt: '2025-03-02T08:00:00+00:00' });
    expect(await examinationCopy(exam.id)).toMatchObject({ deviceSeizedAt: '2025-03-02T08:00:00.000Z' });

    await post(`/api/devices/${device.id}/void`, Role.ExhibitsOfficer, { reason: 'Wrong case' }, 200);
    const voided = await examinationCopy(exam.id);
    expect(voided.deviceVoidedAt).toEqual(expect.any(String));
    await post(`/api/cases/${kase.id}/void`, Role.ExhibitsOfficer, { reason: 'Duplicate' }, 200);
    expect((await deviceCopy(device.id)).caseVoidedAt).toEqual(expect.any(String));
    expect((await examinationCopy(exam.id)).deviceVoidedAt).toBe(voided.deviceVoidedAt);
    expect((await copies(query)).wrong).toEqual({ devices: 0, examinations: 0 });
  });

  it('import: devices imported from a spreadsheet carry their case fields', async () => {
    const reference = `IMPFOI/${Date.now() % 100000}`;
    const file = csvBuffer([
      deviceRow({ 'Case reference': reference, 'Exhibit reference': 'IMP/1' }),
      deviceRow({ 'Case reference': reference, 'Exhibit reference': 'IMP/2', 'Device type': 'ROUTER' }),
    ]);
    await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', file, 'devices.csv')
      .expect(201);

    const rows = await t.query(
      `SELECT d."caseKind", d."caseOffenceSubgroup" FROM devices d JOIN cases c ON c.id = d."caseId"
       WHERE c.reference = ?`,
      [reference],
    );
    expect(rows).toEqual([
      { caseKind: 'CRIME', caseOffenceSubgroup: 'DRUG_TRAFFICKING' },
      { caseKind: 'CRIME', caseOffenceSubgroup: 'DRUG_TRAFFICKING' },
    ]);
    expect((await copies(query)).wrong).toEqual({ devices: 0, examinations: 0 });
  });

  it('raw SQL (as the bench seeder and legacy fixes write): inserts, a device moved to another case', async () => {
    const actor = t.userIds[Role.Admin];
    const now = '2025-05-01T10:00:00.000Z';
    const [first, second, device, exam] = [newId(), newId(), newId(), newId()];
    const rawCases: [string, string, string | null][] = [
      [first, 'INCIDENT', 'MISSING_PERSON'],
      [second, 'CRIME', null],
    ];
    for (const [id, kind, incident] of rawCases) {
      await t.query(
        `INSERT INTO cases (id, reference, "referenceKey", kind, "incidentCategory", "progressedToCourt",
           "createdAt", "createdBy", "updatedAt", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        [
          id,
          `RAW/${id.slice(0, 8)}`,
          referenceKeyOf(`RAW/${id.slice(0, 8)}`),
          kind,
          incident,
          false,
          now,
          actor,
          now,
        ],
      );
    }
    await t.query(
      `INSERT INTO devices (id, "caseId", "exhibitRef", "deviceType", "seizedAt", "seizedBy", "powerStateAtSeizure",
         "custodyStatus", "evidentialUse", "createdAt", "createdBy", "updatedAt", version)
       VALUES (?, ?, 'RAW/1', 'SMART_PLUG', ?, 'PC 1', 'UNKNOWN', 'SEIZED', 'UNKNOWN', ?, ?, ?, 1)`,
      [device, first, now, now, actor, now],
    );
    await t.query(
      `INSERT INTO examinations (id, "deviceId", "requestedAt", status, "codeCompliance", "createdAt", "createdBy",
         "updatedAt", version) VALUES (?, ?, ?, 'REQUESTED', 'NOT_ASSESSED', ?, ?, ?, 1)`,
      [exam, device, now, now, actor, now],
    );
    expect(await deviceCopy(device)).toMatchObject({ caseOffenceSubgroup: null });
    expect((await t.query(`SELECT "caseIncidentCategory" FROM devices WHERE id = ?`, [device]))[0]).toEqual({
      caseIncidentCategory: 'MISSING_PERSON',
    });
    expect(await examinationCopy(exam)).toMatchObject({ deviceType: 'SMART_PLUG', deviceSeizedAt: now });

    await t.query(`UPDATE devices SET "caseId" = ? WHERE id = ?`, [second, device]);
    expect(
      (await t.query(`SELECT "caseKind", "caseIncidentCategory" FROM devices WHERE id = ?`, [device]))[0],
    ).toEqual({ caseKind: 'CRIME', caseIncidentCategory: null });
    expect((await copies(query)).wrong).toEqual({ devices: 0, examinations: 0 });
  });
});

describe('FOI copies written by the seeders (SQLite files)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'foi-copies-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function migrated(name: string): Promise<DataSource> {
    const dataSource = new DataSource(buildDataSourceOptions({ path: join(dir, `${name}.sqlite`) }, ENTITIES));
    return dataSource.initialize();
  }

  it('demo:seed', async () => {
    const dataSource = await migrated('demo');
    try {
      await seedDemoRegister(dataSource, new AuditService(), {
        devices: 300,
        seed: 5,
        now: new Date('2026-06-30T12:00:00Z'),
        timeZone: 'Europe/London',
      });
      const result = await copies((sql) => dataSource.query(sql));
      expect(result.wrong).toEqual({ devices: 0, examinations: 0 });
      expect(result.copied.devices).toBe(300);
      expect(result.copied.examinations).toBeGreaterThan(0);
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);

  it('the bench seeder (test/bench/lib/bench-seed.mjs)', async () => {
    const dataSource = await migrated('bench');
    await dataSource.destroy();
    const seeder = './bench/lib/bench-seed.mjs';
    const { benchSeed } = (await import(seeder)) as {
      benchSeed: (path: string, options: { devices: number }) => unknown;
    };
    benchSeed(join(dir, 'bench.sqlite'), { devices: 500 });
    const reopened = await migrated('bench');
    try {
      const result = await copies((sql) => reopened.query(sql));
      expect(result.wrong).toEqual({ devices: 0, examinations: 0 });
      expect(result.copied.devices).toBe(500);
      expect(result.copied.examinations).toBeGreaterThan(100);
    } finally {
      await reopened.destroy();
    }
  });
});
