// The triggers of migration 1764408100000-CopyFoiFields: they keep the FOI report's copied fields right
// whoever writes (API, import, CLI, demo seeder, bench seeder, raw SQL). Part of that shipped migration:
// change them only through a new migration.
//
// - A device copies its case's FOI fields when it is inserted or moved to another case, and again
//   whenever its case is updated (every update raises the case's version, so the copies follow it).
// - An examination copies its device's type, seizure instant, and void (the device's, or else its
//   case's: an examination counts only while both stand) when it is inserted or moved to another
//   device, and again when the device's type, seizure instant or void changes (including through
//   its case's void, copied onto the device by the case trigger).

/** [copy on the device, field of the case] */
export const CASE_COPIES: [string, string][] = [
  ['caseKind', 'kind'],
  ['caseOffenceGroup', 'offenceGroup'],
  ['caseOffenceSubgroup', 'offenceSubgroup'],
  ['caseIncidentCategory', 'incidentCategory'],
  ['caseCourtResult', 'courtResult'],
  ['caseProgressedToCourt', 'progressedToCourt'],
  ['caseVoidedAt', 'voidedAt'],
  ['caseVersion', 'version'],
  ['caseUpdatedAt', 'updatedAt'],
];

/** [copy on the examination, expression over the device alias] */
export const DEVICE_COPIES: [string, (d: string) => string][] = [
  ['deviceType', (d) => `${d}."deviceType"`],
  ['deviceSeizedAt', (d) => `${d}."seizedAt"`],
  ['deviceVoidedAt', (d) => `COALESCE(${d}."voidedAt", ${d}."caseVoidedAt")`],
];

const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
const caseCopies = list(CASE_COPIES.map(([copy]) => copy));
const caseFields = (alias: string) => CASE_COPIES.map(([, field]) => `${alias}."${field}"`).join(', ');
const deviceCopies = list(DEVICE_COPIES.map(([copy]) => copy));
const deviceFields = (alias: string) => DEVICE_COPIES.map(([, expr]) => expr(alias)).join(', ');
const WATCHED_DEVICE_FIELDS = ['deviceType', 'seizedAt', 'voidedAt', 'caseVoidedAt'];

export const SQLITE_FOI_TRIGGERS = [
  'devices_foi_case_insert',
  'devices_foi_case_move',
  'cases_foi_devices',
  'examinations_foi_device_insert',
  'examinations_foi_device_move',
  'devices_foi_examinations',
];

export const POSTGRES_FOI_TRIGGERS = [
  'devices_foi_case_copy',
  'cases_foi_devices',
  'examinations_foi_device_copy',
  'devices_foi_examinations',
];

export function sqliteFoiTriggers(): string[] {
  const copyCase = `UPDATE "devices" SET (${caseCopies}) =
      (SELECT ${caseFields('c')} FROM "cases" c WHERE c."id" = NEW."caseId") WHERE "id" = NEW."id";`;
  const copyDevice = `UPDATE "examinations" SET (${deviceCopies}) =
      (SELECT ${deviceFields('d')} FROM "devices" d WHERE d."id" = NEW."deviceId") WHERE "id" = NEW."id";`;
  const changed = WATCHED_DEVICE_FIELDS.map((f) => `OLD."${f}" IS NOT NEW."${f}"`).join(' OR ');
  return [
    `CREATE TRIGGER "devices_foi_case_insert" AFTER INSERT ON "devices" BEGIN ${copyCase} END`,
    `CREATE TRIGGER "devices_foi_case_move" AFTER UPDATE OF "caseId" ON "devices"
       WHEN OLD."caseId" IS NOT NEW."caseId" BEGIN ${copyCase} END`,
    `CREATE TRIGGER "cases_foi_devices" AFTER UPDATE ON "cases" BEGIN
       UPDATE "devices" SET (${caseCopies}) = (${caseFields('NEW')}) WHERE "caseId" = NEW."id"; END`,
    `CREATE TRIGGER "examinations_foi_device_insert" AFTER INSERT ON "examinations" BEGIN ${copyDevice} END`,
    `CREATE TRIGGER "examinations_foi_device_move" AFTER UPDATE OF "deviceId" ON "examinations"
       WHEN OLD."deviceId" IS NOT NEW."deviceId" BEGIN ${copyDevice} END`,
    `CREATE TRIGGER "devices_foi_examinations" AFTER UPDATE OF ${list(WATCHED_DEVICE_FIELDS)} ON "devices"
       WHEN ${changed} BEGIN
       UPDATE "examinations" SET (${deviceCopies}) = (${deviceFields('NEW')}) WHERE "deviceId" = NEW."id"; END`,
  ];
}

export function postgresFoiTriggers(): string[] {
  const into = (copies: string[]) => copies.map((c) => `NEW."${c}"`).join(', ');
  const changed = WATCHED_DEVICE_FIELDS.map((f) => `OLD."${f}" IS DISTINCT FROM NEW."${f}"`).join(' OR ');
  const fn = (name: string, body: string) =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`;
  return [
    fn(
      'devices_foi_case_copy',
      `SELECT ${caseFields('c')} INTO ${into(CASE_COPIES.map(([copy]) => copy))}
         FROM "cases" c WHERE c."id" = NEW."caseId"; RETURN NEW;`,
    ),
    `CREATE TRIGGER devices_foi_case_copy BEFORE INSERT OR UPDATE OF "caseId" ON "devices"
       FOR EACH ROW EXECUTE FUNCTION devices_foi_case_copy()`,
    fn(
      'cases_foi_devices',
      `UPDATE "devices" SET (${caseCopies}) = (${caseFields('NEW')}) WHERE "caseId" = NEW."id"; RETURN NULL;`,
    ),
    `CREATE TRIGGER cases_foi_devices AFTER UPDATE ON "cases" FOR EACH ROW EXECUTE FUNCTION cases_foi_devices()`,
    fn(
      'examinations_foi_device_copy',
      `SELECT ${deviceFields('d')} INTO ${into(DEVICE_COPIES.map(([copy]) => copy))}
         FROM "devices" d WHERE d."id" = NEW."deviceId"; RETURN NEW;`,
    ),
    `CREATE TRIGGER examinations_foi_device_copy BEFORE INSERT OR UPDATE OF "deviceId" ON "examinations"
       FOR EACH ROW EXECUTE FUNCTION examinations_foi_device_copy()`,
    fn(
      'devices_foi_examinations',
      `UPDATE "examinations" SET (${deviceCopies}) = (${deviceFields('NEW')}) WHERE "deviceId" = NEW."id";
       RETURN NULL;`,
    ),
    `CREATE TRIGGER devices_foi_examinations AFTER UPDATE OF ${list(WATCHED_DEVICE_FIELDS)} ON "devices"
       FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION devices_foi_examinations()`,
  ];
}
