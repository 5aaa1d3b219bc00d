import { EntityManager } from 'typeorm';
import { dialectOf } from '../database/dialect.js';

// Lock namespace for "check a normalised key, then insert" (two-key advisory locks never meet the
// audit chain's one-key lock).
const KEY_LOCK_SPACE = 7_216_802;

// PostgreSQL runs transactions side by side, so a uniqueness the index cannot see (a reference in
// another letter case, ABC/1 against ABC/001) is checked under a per-key lock held until commit.
// SQLite runs one writer at a time and needs none (the dialect takes nothing there).
export function lockKey(manager: EntityManager, key: string): Promise<void> {
  return dialectOf(manager).lock(manager, KEY_LOCK_SPACE, key);
}

/** The same locks for code running on WriteStatements: [space, key]. */
export function caseOpenLock(caseId: string): [number, string] {
  return [KEY_LOCK_SPACE, `case-open:${caseId}`];
}

export function exhibitLock(caseId: string, exhibitKey: string): [number, string] {
  return [KEY_LOCK_SPACE, `exhibit:${caseId}:${exhibitKey}`];
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
// earlier void has committed.
export function lockAgainstImports(manager: EntityManager): Promise<void> {
  return dialectOf(manager).lock(manager, IMPORT_VOID_LOCK, undefined, 'shared');
}

export function lockAgainstVoids(manager: EntityManager): Promise<void> {
  return dialectOf(manager).lock(manager, IMPORT_VOID_LOCK);
}
