// A deterministic register generator for the benchmark, used only when the demo seeder (src/demo) is not
// available: writes cases, devices and examinations straight into an already-migrated SQLite file with
// prepared statements in one transaction. Same PRNG seed and size give the same rows (ids included).
import Database from 'better-sqlite3';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rand) {
  const hex = [];
  for (let i = 0; i < 4; i++)
    hex.push(
      Math.floor(rand() * 0x100000000)
        .toString(16)
        .padStart(8, '0'),
    );
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY = 86_400_000;

export function benchSeed(
  dbPath,
  { devices, casesPerDevice = 0.3, endInstant = '2026-11-29T00:00:00.000Z', years = 10, seed = 42 },
) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const codes = (list) =>
    db.prepare('SELECT code, "parentCode" FROM reference_codes WHERE list = ?').all(list);
  const deviceTypes = codes('device-types')
    .map((r) => r.code)
    .filter((c) => c !== 'SMART_PLUG');
  const subgroups = codes('offence-subgroups');
  const incidents = codes('incident-categories').map((r) => r.code);
  const outcomes = codes('police-outcomes').map((r) => r.code);
  const stages = codes('court-stages').map((r) => r.code);
  const results = codes('court-results').map((r) => r.code);
  const actor =
    db.prepare('SELECT id FROM users LIMIT 1').get()?.id ?? '00000000-0000-4000-a000-000000000000';
  const end = Date.parse(endInstant);
  const span = years * 365.25 * DAY;

  // "referenceKey": the reference as uniqueness compares it (src/cases/reference-key.ts), if the schema has it.
  const hasKey = db.prepare(`SELECT 1 FROM pragma_table_info('cases') WHERE name = 'referenceKey'`).get();
  // "policingArea" (src/foi-counts), if the schema has it: from the case number, not the random stream, so
  // the rest of the register is the same with or without it; one case in 25 UNRECORDED.
  const areas = codes('policing-areas').map((r) => r.code);
  const hasArea =
    areas.length > 0 && db.prepare(`SELECT 1 FROM pragma_table_info('cases') WHERE name = 'policingArea'`).get();
  const insertCase = db.prepare(`INSERT INTO cases (id, reference, kind, "offenceGroup", "offenceSubgroup",
    "incidentCategory", "policeOutcome", "courtStage", "courtResult", "courtResultAt", "progressedToCourt",
    "createdAt", "createdBy", "updatedAt", version${hasKey ? ', "referenceKey"' : ''}${hasArea ? ', "policingArea"' : ''})
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1${hasKey ? ', lower(?)' : ''}${hasArea ? ', ?' : ''})`);
  const insertDevice = db.prepare(`INSERT INTO devices (id, "caseId", "exhibitRef", "deviceType", make, model,
    "serialNumber", "macAddress", "seizedAt", "seizedBy", "seizureLocation", "powerStateAtSeizure",
    "custodyStatus", "evidentialUse", "createdAt", "createdBy", "updatedAt", version, "voidedAt", "voidedBy", "voidReason")
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)`);
  const insertExam = db.prepare(`INSERT INTO examinations (id, "deviceId", "requestedAt", status, "startedAt",
    "completedAt", "cancelledAt", "scopeStatusAtStart", "scopeStatusAtCompletion", "codeCompliance", "dataRecovered",
    "createdAt", "createdBy", "updatedAt", version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)`);
  const insertScope =
    db.prepare(`INSERT INTO scope_entries (id, "deviceType", "scheduleReference", "scopeType",
    status, "effectiveFrom", "createdAt", "createdBy", "updatedAt", version) VALUES (?,?,?,?,?,?,?,?,?,1)`);

  const caseCount = Math.max(1, Math.round(devices * casesPerDevice));
  const cases = [];
  const write = db.transaction(() => {
    const now = new Date(end).toISOString();
    insertScope.run(
      uuidFrom(rand),
      'SMART_PLUG',
      '0000',
      null,
      'APPLICATION_SUBMITTED',
      '2019-01-01',
      now,
      actor,
      now,
    );
    insertScope.run(
      uuidFrom(rand),
      'SMART_PLUG',
      '0000',
      'FLEXIBLE',
      'ACCREDITED',
      '2023-09-01',
      now,
      actor,
      now,
    );
    insertScope.run(
      uuidFrom(rand),
      'ALL_DIGITAL',
      '0000',
      'FIXED',
      'ACCREDITED',
      '2018-01-01',
      now,
      actor,
      now,
    );
    for (let i = 0; i < caseCount; i++) {
      const id = uuidFrom(rand);
      const crime = rand() < 0.85;
      const sub = crime ? pick(subgroups) : null;
      const outcome = rand() < 0.8 ? pick(outcomes) : null;
      const stage = rand() < 0.3 ? pick(stages) : null;
      const result = stage && rand() < 0.6 ? pick(results) : null;
      const progressed = outcome === '1' || outcome === '1A' || (stage !== null && stage !== 'NOT_CHARGED');
      const reference = `BENCH/${seed}/${i}`;
      insertCase.run(
        id,
        reference,
        crime ? 'CRIME' : 'INCIDENT',
        sub?.parentCode ?? null,
        sub?.code ?? null,
        crime ? null : pick(incidents),
        outcome,
        stage,
        result,
        result ? '2024-01-01' : null,
        progressed ? 1 : 0,
        now,
        actor,
        now,
        ...(hasKey ? [reference] : []),
        ...(hasArea ? [i % 25 === 0 ? null : areas[(i * 7) % areas.length]] : []),
      );
      cases[i] = id;
    }
    const exhibitNo = new Uint32Array(caseCount);
    for (let i = 0; i < devices; i++) {
      const id = uuidFrom(rand);
      const c = Math.floor(rand() * caseCount);
      const seizedMs = end - Math.floor(rand() * span);
      const seizedAt = new Date(seizedMs).toISOString();
      const type = rand() < 0.1 ? 'SMART_PLUG' : pick(deviceTypes);
      const voided = rand() < 0.005;
      const use = rand() < 0.2 ? 'SERVED_EVIDENCE' : rand() < 0.5 ? 'UNUSED_NON_SENSITIVE' : 'UNKNOWN';
      insertDevice.run(
        id,
        cases[c],
        `EX/${++exhibitNo[c]}`,
        type,
        'Make',
        'Model',
        `SN${i}`,
        null,
        seizedAt,
        'PC 1234',
        null,
        'UNKNOWN',
        'SEIZED',
        use,
        seizedAt,
        actor,
        seizedAt,
        voided ? seizedAt : null,
        voided ? actor : null,
        voided ? 'entered in error' : null,
      );
      if (rand() < 0.4) {
        const requested = seizedMs + Math.floor(rand() * 20 * DAY);
        const started = requested + Math.floor(rand() * 60 * DAY);
        const completed = started + Math.floor(rand() * 30 * DAY);
        // Old requests are closed (mostly completed, some cancelled); the backlog is recent work.
        const r = rand();
        const old = completed < end - 120 * DAY;
        const status = old
          ? r < 0.88
            ? 'COMPLETED'
            : r < 0.98
              ? 'CANCELLED'
              : r < 0.99
                ? 'IN_PROGRESS'
                : 'REQUESTED'
          : completed < end && r < 0.45
            ? 'COMPLETED'
            : started < end && r < 0.75
              ? 'IN_PROGRESS'
              : r < 0.8
                ? 'CANCELLED'
                : 'REQUESTED';
        const iso = (ms) => new Date(ms).toISOString();
        const isStarted = status === 'COMPLETED' || status === 'IN_PROGRESS';
        const atStart = isStarted ? pick(['IN_SCOPE_FIXED', 'IN_SCOPE_FLEXIBLE', 'OUT_OF_SCOPE']) : null;
        insertExam.run(
          uuidFrom(rand),
          id,
          iso(requested),
          status,
          isStarted ? iso(started) : null,
          status === 'COMPLETED' ? iso(completed) : null,
          status === 'CANCELLED' ? iso(started) : null,
          atStart,
          status === 'COMPLETED' ? atStart : null,
          'NOT_ASSESSED',
          status === 'COMPLETED' ? (rand() < 0.6 ? 1 : 0) : null,
          iso(requested),
          actor,
          iso(requested),
        );
      }
    }
  });
  write();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { cases: caseCount, devices };
}
