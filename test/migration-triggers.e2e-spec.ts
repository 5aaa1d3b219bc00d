import { DataSource, MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Role } from '../src/auth/role.enum.js';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { keepTriggers } from '../src/database/keep-triggers.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { copies } from './factories/foi-copy-checks.js';

// A later migration alters cases, devices and examinations with TypeORM's schema builder (addColumn,
// changeColumn, dropColumn: on SQLite each rebuilds the table) inside keepTriggers: the FOI copy
// triggers, the indexes and every row are still there afterwards, and the copies still follow each write.
const TABLES = ['cases', 'devices', 'examinations'];
const column = (name: string, type: string, length?: string) =>
  new TableColumn({ name, type, ...(length ? { length } : {}), isNullable: true });

class AddThrowawayColumns1764500000001 implements MigrationInterface {
  name = 'AddThrowawayColumns1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await keepTriggers(queryRunner, TABLES, async () => {
      await queryRunner.addColumn('cases', column('throwawayFlag', 'boolean'));
      await queryRunner.addColumn('devices', column('throwawayNote', 'varchar', '64'));
      await queryRunner.addColumn('examinations', column('throwawayTool', 'varchar', '32'));
      await queryRunner.changeColumn(
        'examinations',
        'throwawayTool',
        column('throwawayTool', 'varchar', '128'),
      );
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await keepTriggers(queryRunner, TABLES, async () => {
      await queryRunner.dropColumn('examinations', 'throwawayTool');
      await queryRunner.dropColumn('devices', 'throwawayNote');
      await queryRunner.dropColumn('cases', 'throwawayFlag');
    });
  }
}

// Without keepTriggers: what the helper is for.
class AddColumnBare1764500000002 implements MigrationInterface {
  name = 'AddColumnBare1764500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('devices', column('bareNote', 'varchar', '64'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('devices', 'bareNote');
  }
}

describe('schema builder changes on the tables with FOI copy triggers', () => {
  let t: TestApp;
  const sqlite = () => t.dataSource.options.type === 'better-sqlite3';

  // Triggers and indexes of the register's tables, each with its definition, in name order.
  const schema = async () => {
    const rows = sqlite()
      ? await t.query(
          `SELECT "type", "name", "sql" AS "definition" FROM "sqlite_master"
           WHERE "type" IN ('trigger', 'index') AND "sql" IS NOT NULL ORDER BY "type", "name"`,
        )
      : await t.query(
          `SELECT 'trigger' AS "type", tgname AS "name", pg_get_triggerdef(oid) AS "definition" FROM pg_trigger
             WHERE NOT tgisinternal
           UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
           ORDER BY 1, 2`,
        );
    return rows.map((r) => ({ ...r, definition: String(r.definition).replace(/\s+/g, ' ') }));
  };
  const counts = async () =>
    (
      await t.query(
        `SELECT (SELECT COUNT(*) FROM "cases") AS cases, (SELECT COUNT(*) FROM "devices") AS devices,
           (SELECT COUNT(*) FROM "examinations") AS examinations`,
      )
    ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))[0];
  const columnsOf = async (table: string) =>
    sqlite()
      ? (await t.query(`SELECT "name" FROM pragma_table_info('${table}')`)).map((r) => r.name)
      : (
          await t.query(`SELECT column_name AS "name" FROM information_schema.columns WHERE table_name = ?`, [
            table,
          ])
        ).map((r) => r.name);

  // Runs the given migrations after the register's own, on the test app's database, from a second
  // connection (as a new release starting up would); undo reverts the last one.
  const migrate = async (extra: (new () => MigrationInterface)[], undo = false) => {
    const options = t.dataSource.options as { database?: string; url?: string };
    const base = buildDataSourceOptions({ path: options.database ?? ':memory:', url: options.url }, ENTITIES);
    const dataSource = new DataSource({
      ...base,
      migrations: [...MIGRATIONS, ...extra],
      migrationsRun: false,
    });
    await dataSource.initialize();
    try {
      if (undo) await dataSource.undoLastMigration({ transaction: 'each' });
      else await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  };

  const post = async (path: string, role: Role, body: object, status = 201) => {
    const res = await t.http().post(path).set('Authorization', t.auth(role)).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as { id: string; version: number };
  };
  const patch = async (path: string, body: object) => {
    const current = await t.http().get(path).set('Authorization', t.auth(Role.Admin)).expect(200);
    await t
      .http()
      .patch(path)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .set('If-Match', `"${current.body.version}"`)
      .send(body)
      .expect(200);
  };
  // Writes through the API that each fire a copy trigger: a case update (devices' case*), a device
  // insert and a device update (examinations' device*), an examination insert, a device void.
  const writeThroughEveryTrigger = async () => {
    const kase = await post('/api/cases', Role.ExhibitsOfficer, caseDto());
    const device = await post('/api/devices', Role.ExhibitsOfficer, deviceDto(kase.id));
    const exam = await post(
      '/api/examinations',
      Role.Lab,
      examinationDto(device.id, { requestedAt: '2025-03-03T09:00:00+00:00' }),
    );
    await patch(`/api/cases/${kase.id}`, { offenceSubgroup: 'VAP_STALKING_HARASSMENT' });
    await patch(`/api/devices/${device.id}`, { seizedAt: '2025-03-02T08:00:00+00:00' });
    await post(`/api/devices/${device.id}/void`, Role.ExhibitsOfficer, { reason: 'Wrong case' }, 200);
    const [copy] = await t.query(
      `SELECT d."caseOffenceSubgroup", x."deviceSeizedAt", x."deviceVoidedAt" FROM "examinations" x
       JOIN "devices" d ON d."id" = x."deviceId" WHERE x."id" = ?`,
      [exam.id],
    );
    expect(copy).toMatchObject({
      caseOffenceSubgroup: 'VAP_STALKING_HARASSMENT',
      deviceSeizedAt: '2025-03-02T08:00:00.000Z',
      deviceVoidedAt: expect.any(String),
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    await writeThroughEveryTrigger();
  });

  afterAll(async () => {
    await t.close();
  });

  it('addColumn and changeColumn in a migration keep every trigger, index and row; the copies still follow', async () => {
    const before = { schema: await schema(), counts: await counts() };

    await migrate([AddThrowawayColumns1764500000001]);

    expect(await columnsOf('devices')).toContain('throwawayNote');
    expect(await columnsOf('cases')).toContain('throwawayFlag');
    expect(await columnsOf('examinations')).toContain('throwawayTool');
    expect(await schema()).toEqual(before.schema);
    expect(await counts()).toEqual(before.counts);
    await writeThroughEveryTrigger();
    const result = await copies((sql, params) => t.query(sql, params));
    expect(result.wrong).toEqual({ devices: 0, examinations: 0 });
    expect(result.copied).toEqual({
      devices: before.counts.devices + 1,
      examinations: before.counts.examinations + 1,
    });
  });

  it('dropColumn in its down keeps them too', async () => {
    const before = { schema: await schema(), counts: await counts() };

    await migrate([AddThrowawayColumns1764500000001], true);

    expect(await columnsOf('devices')).not.toContain('throwawayNote');
    expect(await schema()).toEqual(before.schema);
    expect(await counts()).toEqual(before.counts);
    await writeThroughEveryTrigger();
    expect((await copies((sql, params) => t.query(sql, params))).wrong).toEqual({
      devices: 0,
      examinations: 0,
    });
  });

  it('without keepTriggers, the same change fails on SQLite and changes nothing (what the helper is for)', async () => {
    const before = await schema();

    if (sqlite()) {
      await expect(migrate([AddColumnBare1764500000002])).rejects.toThrow(/error in trigger/);
      expect(await columnsOf('devices')).not.toContain('bareNote');
    } else {
      await migrate([AddColumnBare1764500000002]);
      await migrate([AddColumnBare1764500000002], true);
    }
    expect(await schema()).toEqual(before);
  });
});
