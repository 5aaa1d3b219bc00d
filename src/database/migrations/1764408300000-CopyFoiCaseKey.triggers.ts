import {
  CASE_COPIES,
  postgresFoiTriggers,
  sqliteFoiTriggers,
} from './1764408100000-CopyFoiFields.triggers.js';

// The case copy triggers of migration 1764408300000-CopyFoiCaseKey: those of CopyFoiFields, copying
// also the case's FOI classification key (caseFoiKey). Part of that migration: change them only through
// a new migration.

/** The classification columns the key encodes, in order (the last one, a flag, apart). */
export const KEY_TEXT_FIELDS = ['kind', 'offenceGroup', 'offenceSubgroup', 'incidentCategory', 'courtResult'];

// One text that differs whenever one of the case's kind, offence group and subgroup, incident category,
// court result or progression differs (and only then): each text field as its length, ':' and itself,
// or '-' when NULL (no field can be read as part of the next), then Y/N/- for progressedToCourt.
export function caseFoiKey(c: string): string {
  const text = (f: string) => `COALESCE(CAST(LENGTH(${c}."${f}") AS VARCHAR(4)) || ':' || ${c}."${f}", '-')`;
  const p = `${c}."progressedToCourt"`;
  const flag = `(CASE WHEN ${p} THEN 'Y' WHEN NOT ${p} THEN 'N' ELSE '-' END)`;
  return [...KEY_TEXT_FIELDS.map(text), flag].join(' || ');
}

/** [copy on the device, expression over the case alias] */
const COPIES: [string, (c: string) => string][] = [
  ...CASE_COPIES.map(([copy, field]): [string, (c: string) => string] => [copy, (c) => `${c}."${field}"`]),
  ['caseFoiKey', caseFoiKey],
];
const copies = COPIES.map(([copy]) => `"${copy}"`).join(', ');
const fields = (c: string) => COPIES.map(([, expr]) => expr(c)).join(', ');

export const SQLITE_CASE_TRIGGERS = ['devices_foi_case_insert', 'devices_foi_case_move', 'cases_foi_devices'];
export const POSTGRES_CASE_FUNCTIONS = ['devices_foi_case_copy', 'cases_foi_devices'];

export function sqliteCaseTriggers(): string[] {
  const copyCase = `UPDATE "devices" SET (${copies}) =
      (SELECT ${fields('c')} FROM "cases" c WHERE c."id" = NEW."caseId") WHERE "id" = NEW."id";`;
  return [
    `CREATE TRIGGER "devices_foi_case_insert" AFTER INSERT ON "devices" BEGIN ${copyCase} END`,
    `CREATE TRIGGER "devices_foi_case_move" AFTER UPDATE OF "caseId" ON "devices"
       WHEN OLD."caseId" IS NOT NEW."caseId" BEGIN ${copyCase} END`,
    `CREATE TRIGGER "cases_foi_devices" AFTER UPDATE ON "cases" BEGIN
       UPDATE "devices" SET (${copies}) = (${fields('NEW')}) WHERE "caseId" = NEW."id"; END`,
  ];
}

// The functions only: the triggers of CopyFoiFields call them by name.
export function postgresCaseFunctions(): string[] {
  const into = COPIES.map(([copy]) => `NEW."${copy}"`).join(', ');
  const fn = (name: string, body: string) =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`;
  return [
    fn(
      'devices_foi_case_copy',
      `SELECT ${fields('c')} INTO ${into} FROM "cases" c WHERE c."id" = NEW."caseId"; RETURN NEW;`,
    ),
    fn(
      'cases_foi_devices',
      `UPDATE "devices" SET (${copies}) = (${fields('NEW')}) WHERE "caseId" = NEW."id"; RETURN NULL;`,
    ),
  ];
}

// CopyFoiFields' own versions, for down().
export function sqliteCaseTriggersBefore(): string[] {
  return sqliteFoiTriggers().filter((s) => SQLITE_CASE_TRIGGERS.some((n) => s.includes(`TRIGGER "${n}"`)));
}

export function postgresCaseFunctionsBefore(): string[] {
  return postgresFoiTriggers().filter((s) =>
    POSTGRES_CASE_FUNCTIONS.some((n) => s.startsWith(`CREATE OR REPLACE FUNCTION ${n}()`)),
  );
}
