import { Role } from '../src/auth/role.enum.js';
import { newId } from '../src/common/new-id.js';
import {
  aliasesOf,
  explainSqlite,
  fullScansOf,
  QueryCapture,
  wholeHistoryOf,
} from './bench/query-capture.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

// Fast by design: the FOI report's statements use indexes (never a full scan of devices, which holds
// a million rows in the benchmark), and a list page costs a fixed number of statements however many
// rows it shows (no N+1). The plans are SQLite's; query counts are checked on either database.
describe('performance by design', () => {
  let t: TestApp;
  let capture: QueryCapture;
  const sqlite = () => t.dataSource.options.type === 'better-sqlite3';

  beforeAll(async () => {
    t = await createTestApp();
    await seedDevices(t, 30, 2);
    capture = new QueryCapture(t.dataSource);
  });

  afterAll(async () => {
    capture.restore();
    await t.close();
  });

  const get = (path: string, role: Role) => t.http().get(path).set('Authorization', t.auth(role));

  describe('FOI report statements use indexes', () => {
    it.each([
      ['smart plugs, last 12 months', 'deviceType=SMART_PLUG&period=last-12-months'],
      ['smart plugs, ten years', 'deviceType=SMART_PLUG&from=2016-01-01&to=2026-01-01'],
      [
        'two types, a financial year',
        'deviceType=SMART_PLUG&deviceType=SMART_SPEAKER&period=financial-year&year=2024',
      ],
      ['all types, last 12 months', 'deviceType=ALL&period=last-12-months'],
      ['all types, ten years', 'deviceType=ALL&from=2016-01-01&to=2026-01-01'],
    ])(
      "%s: no statement scans devices or examinations, or a device type's whole history",
      async (_name, query) => {
        const statements = await capture.during(() => get(`/api/foi/report?${query}`, Role.Foi).expect(200));
        const reads = statements.filter((q) => /"?(devices|examinations)"?/i.test(q.sql));
        expect(reads.length).toBeGreaterThan(0);
        if (!sqlite()) return;

        const problems: string[] = [];
        for (const statement of reads) {
          const plan = await explainSqlite(t.dataSource, statement);
          if (process.env.PRINT_PLANS) {
            process.stdout.write(
              `\n${statement.sql.replace(/\s+/g, ' ').slice(0, 200)}\n  ${plan.map((p) => p.detail).join('\n  ')}\n`,
            );
          }
          const devices = aliasesOf(statement.sql, 'devices');
          const examinations = aliasesOf(statement.sql, 'examinations');
          const scans = [
            ...fullScansOf(plan, devices),
            ...wholeHistoryOf(plan, devices),
            ...fullScansOf(plan, examinations),
            ...wholeHistoryOf(plan, examinations),
          ];
          // No counted row is joined to its case or device: the report reads the copies (CopyFoiFields).
          if (/\bJOIN\b/i.test(statement.sql)) problems.push(`joins: ${statement.sql.slice(0, 200)}`);
          // SQLite sorts to group: by one column, the copied classification key for Q2/Q3 (CopyFoiCaseKey).
          if (/GROUP BY\s+[\w."]+\s*,/i.test(statement.sql)) {
            problems.push(`groups by several columns: ${statement.sql.slice(0, 200)}`);
          }
          if (scans.length > 0) {
            problems.push(`${scans.join('; ')}\n  in: ${statement.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
          }
        }
        expect(problems).toEqual([]);
      },
    );
  });

  describe('FOI count statements read index ranges of the window only', () => {
    it.each([
      [
        'devices by offence group and quarter, all types, 12 months',
        'by=offenceGroup,quarter&period=last-12-months',
      ],
      [
        'devices by type, policing area and custody status, ten years',
        'by=deviceFamily,policingArea,custodyStatus&from=2016-01-01&to=2026-01-01',
      ],
      [
        'distinct cases of smart plugs by progression and police outcome',
        'measure=cases&deviceType=SMART_PLUG&by=progressedToCourt,policeOutcome&period=financial-year&year=2025',
      ],
      [
        'devices of a family, filtered by court stage and month',
        'deviceFamily=SMART_PLUG&filter[courtStage]=FINALISED,UNRECORDED&filter[month]=2025-03,2025-05&by=evidentialUse&period=calendar-year&year=2025',
      ],
      [
        'examinations requested, by age band and offence group',
        'measure=examinations&dateBasis=requestedAt&by=ageBand,offenceGroup&from=2016-01-01&to=2026-01-01',
      ],
      [
        'examinations of smart plugs requested in a year, by status at the end',
        'measure=examinations&dateBasis=requestedAt&deviceType=SMART_PLUG&by=examinationStatus&period=calendar-year&year=2025',
      ],
      [
        'examinations started, by scope status at start and device type',
        'measure=examinations&by=scopeStatusAtStart,deviceType&period=last-12-months',
      ],
      [
        'examinations completed, by status and policing area, smart plugs',
        'measure=examinations&dateBasis=completedAt&deviceType=SMART_PLUG&by=examinationStatus,policingArea&period=calendar-year&year=2025',
      ],
    ])('%s', async (_name, query) => {
      const statements = await capture.during(() =>
        get(`/api/foi/counts?suppressBelow=0&${query}`, Role.Foi).expect(200),
      );
      const reads = statements.filter((q) => /"?(devices|examinations)"?/i.test(q.sql));
      expect(reads).toHaveLength(1);
      if (!sqlite()) return;
      const [statement] = reads;
      const plan = await explainSqlite(t.dataSource, statement);
      if (process.env.PRINT_PLANS) {
        process.stdout.write(`\n${query}\n  ${plan.map((p) => p.detail).join('\n  ')}\n`);
      }
      const devices = aliasesOf(statement.sql, 'devices');
      const examinations = aliasesOf(statement.sql, 'examinations');
      const counted = statement.sql.includes('FROM "examinations"') ? examinations : devices;
      const problems = [
        ...fullScansOf(plan, [...devices, ...examinations, 'c', 'e']),
        ...wholeHistoryOf(plan, [...devices, ...examinations]),
      ];
      // The counted table is searched over a range of the window's instants.
      const range = plan.filter((p) => counted.some((a) => p.detail.startsWith(`SEARCH ${a} `)));
      if (!range.some((p) => /At>\?|At<\?/.test(p.detail)))
        problems.push(`no window range: ${range.map((p) => p.detail).join('; ')}`);
      // Anything joined (device, case) or looked up (custody trail) is found by its key, one row at a time.
      for (const p of plan) {
        const joined = /^SEARCH (c|d|e) USING/.exec(p.detail)?.[1];
        if (!joined || counted.includes(joined)) continue;
        if (!/\((id=\?|deviceId=\? AND at<\?)\)/.test(p.detail))
          problems.push(`not a key lookup: ${p.detail}`);
      }
      expect(problems).toEqual([]);
    });
  });

  describe('list pages cost a fixed number of statements (no N+1)', () => {
    it.each([
      ['/api/devices', Role.ExhibitsOfficer],
      ['/api/cases', Role.ExhibitsOfficer],
    ])('GET %s: the same statements for 5 rows as for 50', async (path, role) => {
      const few = await capture.during(() => get(`${path}?limit=5`, role).expect(200));
      const many = await capture.during(async () => {
        const res = await get(`${path}?limit=50`, role).expect(200);
        expect(res.body.items.length).toBeGreaterThanOrEqual(30);
      });

      expect(many.length).toBeLessThanOrEqual(few.length);
      expect(many.length).toBeLessThanOrEqual(4);
    });
  });
});

describe('one write costs a fixed, small number of statements', () => {
  let t: TestApp;
  let capture: QueryCapture;

  beforeAll(async () => {
    t = await createTestApp();
    capture = new QueryCapture(t.dataSource);
  });

  afterAll(async () => {
    capture.restore();
    await t.close();
  });

  // token, case, exhibit check, insert, audit head and audit insert; no re-read of the inserted row.
  // (On SQLite the write lock is taken by BEGIN IMMEDIATE, a transaction-control statement.)
  it('POST /api/devices costs at most six statements, with two inserts and no re-read', async () => {
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);

    const statements = await capture.during(() =>
      t
        .http()
        .post('/api/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(deviceDto(created.body.id))
        .expect(201),
    );

    const inserts = statements.filter((q) => /^\s*INSERT/i.test(q.sql));
    expect(inserts.map((q) => /INTO\s+"?(\w+)"?/i.exec(q.sql)?.[1])).toEqual(['devices', 'audit_events']);
    // PostgreSQL adds its advisory locks (per-case, per-exhibit, audit chain); SQLite needs none.
    // START TRANSACTION is PostgreSQL's transaction control (SQLite's BEGIN is left out by the capture).
    const budgeted = statements.filter((q) => !/pg_advisory_xact_lock|^\s*START TRANSACTION/i.test(q.sql));
    expect(budgeted.length).toBeLessThanOrEqual(6);
    expect(statements.filter((q) => /^\s*SELECT[\s\S]*FROM\s+"devices"/i.test(q.sql))).toHaveLength(1);
  });

  it('authenticates a request with one statement', async () => {
    const statements = await capture.during(() =>
      t.http().get('/api/reference').set('Authorization', t.auth(Role.ExhibitsOfficer)).expect(200),
    );

    expect(statements).toHaveLength(1);
  });
});

// Cases through the API; devices straight into the table (the test is about reading them).
async function seedDevices(t: TestApp, cases: number, devicesPerCase: number): Promise<void> {
  const actor = t.userIds[Role.Admin];
  const types = ['SMART_PLUG', 'SMART_SPEAKER'];
  for (let c = 0; c < cases; c++) {
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
    for (let d = 0; d < devicesPerCase; d++) {
      const seizedAt = new Date(Date.UTC(2025, (c + d) % 12, 10)).toISOString();
      await t.query(
        `INSERT INTO devices (id, "caseId", "exhibitRef", "deviceType", "seizedAt", "seizedBy", "powerStateAtSeizure",
           "custodyStatus", "evidentialUse", "createdAt", "createdBy", "updatedAt", version)
         VALUES (?, ?, ?, ?, ?, 'PC 1', 'UNKNOWN', 'SEIZED', 'UNKNOWN', ?, ?, ?, 1)`,
        [newId(), created.body.id, `EX/${d + 1}`, types[d % 2], seizedAt, seizedAt, actor, seizedAt],
      );
    }
  }
}
