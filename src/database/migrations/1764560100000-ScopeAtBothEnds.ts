import { DateTime } from 'luxon';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { rowInForce, toScopeStatus, type ScopeRow } from '../../accreditation/scope.js';

// Scope at both ends (issue 13, part 5).
// - examinations: scopeStatus becomes scopeStatusAtStart (renamed, so the FOI covering indexes and
//   the copy triggers keep working: SQLite and PostgreSQL rewrite them with the column), its override
//   reason scopeStartOverrideReason; scopeStatusAtCompletion and its override reason are added. Both
//   statuses are recomputed from the scope register on startedAt's and completedAt's local dates. A
//   recorded override stood for the examination's whole life, so it is kept at both ends it reached.
// - scope_entries: scopeType is null unless the status is an accredited one or a suspension (it was
//   FIXED by default on every row); the column loses its default and becomes nullable (scope_entries
//   carries no triggers, so the schema builder may rebuild it on SQLite).

const EXAMS = 'examinations';
const RENAMES: [string, string][] = [
  ['scopeStatus', 'scopeStatusAtStart'],
  ['scopeOverrideReason', 'scopeStartOverrideReason'],
];
const ADDED = [
  ['scopeStatusAtCompletion', 'varchar(40)'],
  ['scopeCompletionOverrideReason', 'varchar(500)'],
];
const SCOPE_TYPE_BEFORE = new TableColumn({
  name: 'scopeType',
  type: 'varchar',
  length: '10',
  isNullable: false,
  default: `'FIXED'`,
});
const SCOPE_TYPE_AFTER = new TableColumn({
  name: 'scopeType',
  type: 'varchar',
  length: '10',
  isNullable: true,
});
const BATCH = 500;

interface ExamRow {
  id: string;
  deviceType: string;
  status: string;
  startedAt: string | null;
  completedAt: string | null;
  scopeStatusAtStart: string | null;
  scopeStartOverrideReason: string | null;
}

export class ScopeAtBothEnds1764560100000 implements MigrationInterface {
  name = 'ScopeAtBothEnds1764560100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [from, to] of RENAMES) {
      await queryRunner.query(`ALTER TABLE "${EXAMS}" RENAME COLUMN "${from}" TO "${to}"`);
    }
    for (const [name, type] of ADDED) {
      await queryRunner.query(`ALTER TABLE "${EXAMS}" ADD COLUMN "${name}" ${type}`);
    }
    const claims = await claimingStatuses(queryRunner);
    await recomputeScopeStatuses(queryRunner, claims);

    await changeScopeType(queryRunner, SCOPE_TYPE_AFTER);
    const keeps = [...claims].map((s) => `'${s}'`).join(', ') || `''`;
    await queryRunner.query(
      `UPDATE "scope_entries" SET "scopeType" = NULL
       WHERE "status" NOT IN (${keeps}) AND "status" NOT LIKE 'SUSPENDED\\_%' ESCAPE '\\'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "scope_entries" SET "scopeType" = 'FIXED' WHERE "scopeType" IS NULL`);
    await changeScopeType(queryRunner, SCOPE_TYPE_BEFORE);
    // The single status the examination had before: its completion's once completed.
    await queryRunner.query(
      `UPDATE "${EXAMS}" SET "scopeStatusAtStart" = "scopeStatusAtCompletion",
         "scopeStartOverrideReason" = COALESCE("scopeCompletionOverrideReason", "scopeStartOverrideReason")
       WHERE "status" = 'COMPLETED'`,
    );
    for (const [name] of [...ADDED].reverse()) {
      await queryRunner.query(`ALTER TABLE "${EXAMS}" DROP COLUMN "${name}"`);
    }
    for (const [from, to] of [...RENAMES].reverse()) {
      await queryRunner.query(`ALTER TABLE "${EXAMS}" RENAME COLUMN "${to}" TO "${from}"`);
    }
  }
}

// PostgreSQL alters the constraint in place (TypeORM's changeColumn would drop and re-add the column
// there, losing its values, because it compares "varchar" with "character varying"); SQLite rebuilds
// the table with its rows.
async function changeScopeType(queryRunner: QueryRunner, column: TableColumn): Promise<void> {
  if (queryRunner.connection.options.type !== 'postgres') {
    await queryRunner.changeColumn('scope_entries', 'scopeType', column);
    return;
  }
  await queryRunner.query(
    column.isNullable
      ? `ALTER TABLE "scope_entries" ALTER COLUMN "scopeType" DROP DEFAULT, ALTER COLUMN "scopeType" DROP NOT NULL`
      : `ALTER TABLE "scope_entries" ALTER COLUMN "scopeType" SET DEFAULT 'FIXED', ALTER COLUMN "scopeType" SET NOT NULL`,
  );
}

// Statuses that allow claiming accreditation, as the database's reference rows say.
async function claimingStatuses(queryRunner: QueryRunner): Promise<Set<string>> {
  const rows = (await queryRunner.query(
    `SELECT "code", "attributes" FROM "reference_codes" WHERE "list" = 'accreditation-statuses'`,
  )) as { code: string; attributes: string | null }[];
  return new Set(
    rows
      .filter(
        (r) =>
          r.attributes && (JSON.parse(r.attributes) as { canClaimAccredited?: boolean }).canClaimAccredited,
      )
      .map((r) => r.code),
  );
}

async function recomputeScopeStatuses(queryRunner: QueryRunner, claims: Set<string>): Promise<void> {
  const timeZone = process.env.REGISTER_TIMEZONE || 'Europe/London';
  const entries = (await queryRunner.query(
    `SELECT "id", "deviceType", "activity", "status", "scopeType", "effectiveFrom"
     FROM "scope_entries" WHERE "voidedAt" IS NULL`,
  )) as ScopeRow[];
  const exams = (await queryRunner.query(
    `SELECT x."id", d."deviceType", x."status", x."startedAt", x."completedAt",
            x."scopeStatusAtStart", x."scopeStartOverrideReason"
     FROM "${EXAMS}" x JOIN "devices" d ON d."id" = x."deviceId"
     WHERE x."startedAt" IS NOT NULL OR x."scopeStatusAtStart" IS NOT NULL`,
  )) as ExamRow[];
  const localDate = (instant: string) =>
    DateTime.fromISO(instant, { zone: 'UTC' }).setZone(timeZone).toISODate() as string;
  const statusOn = (deviceType: string, instant: string) =>
    toScopeStatus(rowInForce(entries, deviceType, null, localDate(instant)), (s) => claims.has(s));

  // Rows with the same new values are updated together (ids in batches).
  const groups = new Map<string, string[]>();
  for (const exam of exams) {
    const completed = exam.status === 'COMPLETED' && exam.completedAt !== null;
    const started = exam.status !== 'REQUESTED' && exam.startedAt !== null;
    const reason = exam.scopeStartOverrideReason;
    const values = reason
      ? [
          exam.scopeStatusAtStart,
          reason,
          completed ? exam.scopeStatusAtStart : null,
          completed ? reason : null,
        ]
      : [
          started ? statusOn(exam.deviceType, exam.startedAt!) : null,
          null,
          completed ? statusOn(exam.deviceType, exam.completedAt!) : null,
          null,
        ];
    const key = JSON.stringify(values);
    groups.set(key, [...(groups.get(key) ?? []), exam.id]);
  }
  for (const [key, ids] of groups) {
    const [start, startReason, completion, completionReason] = JSON.parse(key) as (string | null)[];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await queryRunner.manager
        .createQueryBuilder()
        .update(EXAMS)
        .set({
          scopeStatusAtStart: start,
          scopeStartOverrideReason: startReason,
          scopeStatusAtCompletion: completion,
          scopeCompletionOverrideReason: completionReason,
        })
        .where('"id" IN (:...batch)', { batch })
        .execute();
    }
  }
}
