import { EntityManager } from 'typeorm';

// Lock namespace for "check a normalised key, then insert" (two-key advisory locks never meet the
// audit chain's one-key lock).
const KEY_LOCK_SPACE = 7_216_802;

// PostgreSQL runs transactions side by side, so a uniqueness the index cannot see (a reference in
// another letter case, ABC/1 against ABC/001) is checked under a per-key lock held until commit.
// SQLite runs one writer at a time and needs none.
export async function lockKey(manager: EntityManager, key: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KEY_LOCK_SPACE, key]);
}

// Voiding a case (which counts its open devices) and filing a device under it take this lock, so on
// PostgreSQL one waits for the other's commit and a voided case never gains a device.
export function lockCaseOpen(manager: EntityManager, caseId: string): Promise<void> {
  return lockKey(manager, `case-open:${caseId}`);
}

// Lock namespace shared by case voids (shared) and the spreadsheet import (exclusive).
const IMPORT_VOID_LOCK = 7_216_803;

// The import files devices under many existing cases at once; one lock per case would be thousands.
// Instead a void takes this lock shared and an import takes it exclusively, first thing in their
// transactions: no case is voided while an import runs, and the import reads voidedAt after every
// earlier void has committed. SQLite runs one writer at a time and needs none.
export async function lockAgainstImports(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [IMPORT_VOID_LOCK]);
}

export async function lockAgainstVoids(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_VOID_LOCK]);
}
