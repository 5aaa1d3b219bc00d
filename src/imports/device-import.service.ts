import { statSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { TooLargeError, ValidationFailedError } from '../common/errors.js';
import { lockAgainstVoids } from '../cases/key-lock.js';
import { foldSearchQueue } from '../cases/search-index.js';
import { appConfig } from '../config/app.config.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { matchHeadings, type HeadingMatch } from './heading-match.js';
import { BATCH_ROWS, ImportPass } from './import-pass.js';
import { ImportStore } from './import-store.js';
import { ImportProgress, ImportRejected, ImportResult } from './import-types.js';
import { displayValue, RowChecker, RowContext } from './row-check.js';
import { detectFormat, openSheet } from '../spreadsheets/sheet-reader.js';
import { SHEET_LIMITS, SheetFormatError, SheetLimitError } from '../spreadsheets/sheet-limits.js';
import type { SheetFormat } from '../spreadsheets/sheet-types.js';

export interface ImportOptions {
  dryRun: boolean;
  actor: AuthUser;
  onProgress?: (progress: ImportProgress) => void;
}

/** Rows checked between two turns of the event loop. */
export const YIELD_ROWS = 250;

interface PassOutcome {
  match: HeadingMatch | null;
  pass: ImportPass | null;
}

// All or nothing, in one read of the file: each batch of rows is checked against the file so far and
// the register, and written while no row has failed, inside one transaction; after the first bad row
// nothing more is written and the rest is only checked, so that every error is listed; a file with
// any error is rolled back whole. A dry run reads the file the same way, outside a transaction.
@Injectable()
export class DeviceImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reference: ReferenceDataService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  // Throws ValidationFailedError (400) when the file is no spreadsheet it can read, TooLargeError (413)
  // when it crosses one of the bounds of SHEET_LIMITS; nothing is written either way.
  async importFile(path: string, options: ImportOptions): Promise<ImportResult> {
    try {
      return await this.importReadable(path, options);
    } catch (error) {
      throw sheetProblem(error);
    }
  }

  private async importReadable(path: string, options: ImportOptions): Promise<ImportResult> {
    const format = await detectFormat(path);
    if (options.dryRun) {
      return this.result(format, true, await this.pass(path, format, this.dataSource.manager, null, options));
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // No case is voided while the import files devices under existing cases (PostgreSQL).
        await lockAgainstVoids(manager);
        const outcome = this.result(
          format,
          false,
          await this.pass(path, format, manager, options.actor, options),
        );
        if (!outcome.accepted) throw new ImportRejected(outcome);
        // SQLite: the search index takes the new rows now, in the import's own transaction, so the
        // first search after a large import is not the one that folds them in.
        if (outcome.devicesCreated + outcome.casesCreated > 0) await foldSearchQueue(manager);
        return outcome;
      });
    } catch (error) {
      if (error instanceof ImportRejected) return error.result;
      throw error;
    }
  }

  private context(): RowContext {
    const zone = this.app.timeZone;
    return {
      zone,
      today: DateTime.now().setZone(zone).toISODate() as string,
      now: new Date(),
      reference: this.reference,
    };
  }

  private async pass(
    path: string,
    format: SheetFormat,
    manager: EntityManager,
    writer: AuthUser | null,
    options: ImportOptions,
  ): Promise<PassOutcome> {
    const size = Math.max(1, statSync(path).size);
    const sheet = openSheet(path, format);
    const phase = writer ? 'writing' : 'checking';
    const outcome: PassOutcome = { match: null, pass: null };
    let checker: RowChecker | null = null;
    const report = (done = false) => {
      const rowsRead = outcome.pass?.counts.rowsRead ?? 0;
      // The file is read front to back (an .xlsx is unzipped as it streams): bytes read tell the share.
      const fraction = done ? 1 : Math.min(0.99, sheet.bytesRead() / size);
      options.onProgress?.({ phase, rowsRead, rowsValid: outcome.pass?.counts.rowsValid ?? 0, fraction });
    };
    let seen = 0;
    for await (const row of sheet.rows) {
      // Reading and checking rows is synchronous work: other requests (and /health) get a turn often.
      if (++seen % YIELD_ROWS === 0) await nextTurn();
      if (!checker) {
        if (row.cells.every((cell) => displayValue(cell).trim() === '')) continue;
        outcome.match = matchHeadings(row.cells.map((cell) => displayValue(cell)));
        if (outcome.match.problems.length > 0) break;
        checker = new RowChecker(outcome.match, this.context());
        const store = new ImportStore(manager);
        outcome.pass = new ImportPass(checker, store, writer ? { audit: this.audit, actor: writer } : null);
        // A column the register does not read is said, not skipped in silence.
        for (const unknown of outcome.match.unknown) {
          const message = `"${unknown.heading}" is no column the register reads: its cells are not imported (the template lists the columns)`;
          outcome.pass.warn(row.number, unknown.heading, message);
        }
        continue;
      }
      await outcome.pass!.add(checker.parse(row.number, row.cells));
      if (outcome.pass!.counts.rowsRead % BATCH_ROWS === 0) report();
    }
    await outcome.pass?.flush();
    report(true);
    return outcome;
  }

  private result(format: SheetFormat, dryRun: boolean, { match, pass }: PassOutcome): ImportResult {
    const { newCases, newDevices, ...counts } = pass?.counts ?? {
      rowsRead: 0,
      rowsValid: 0,
      newCases: 0,
      newDevices: 0,
      casesAlreadyPresent: 0,
      devicesAlreadyPresent: 0,
    };
    const fileErrors = match ? match.problems : ['The file has no heading row.'];
    const errors = pass?.errors ?? [];
    const errorCount = pass?.errorCount ?? 0;
    const accepted = fileErrors.length === 0 && errorCount === 0;
    const result: ImportResult = {
      dryRun,
      format,
      accepted,
      message: '',
      ...counts,
      // Only an accepted import that is not a dry run creates anything; what the file would create is
      // said apart, so a rejected file never reports records as created.
      casesCreated: accepted && !dryRun ? newCases : 0,
      devicesCreated: accepted && !dryRun ? newDevices : 0,
      wouldCreate: { cases: newCases, devices: newDevices },
      unknownColumns: match?.unknown.map((u) => u.heading) ?? [],
      ignoredColumns: match?.ignored.map((u) => u.heading) ?? [],
      fileErrors,
      errorCount,
      rowsWithErrors: pass?.rowsWithErrors ?? 0,
      errors,
      warnings: pass?.warnings ?? [],
      warningCount: pass?.warningCount ?? 0,
    };
    result.message = describe(result);
    return result;
  }
}

/** A reading error as the client's problem: 413 for a bound crossed, 400 for an unreadable file. */
export function sheetProblem(error: unknown): unknown {
  if (error instanceof SheetLimitError) {
    return new TooLargeError(error.message, error.limit, SHEET_LIMITS[error.limit]);
  }
  if (error instanceof SheetFormatError) {
    return new ValidationFailedError([{ field: 'file', message: error.message }], error.message);
  }
  return error;
}

function describe(r: ImportResult): string {
  const would = `${r.wouldCreate.devices} device(s) and ${r.wouldCreate.cases} new case(s)`;
  const warned = r.warningCount > 0 ? ` ${r.warningCount} warning(s): see the list.` : '';
  if (r.fileErrors.length > 0) return `Nothing was imported: ${r.fileErrors.join(' ')}`;
  if (r.errorCount > 0) {
    const listed = r.errors.length < r.errorCount ? ` The first ${r.errors.length} are listed.` : '';
    return `Nothing was imported: ${r.errorCount} error(s) in ${r.rowsWithErrors} of ${r.rowsRead} rows.${listed} Fix them and upload the whole file again. Its rows without errors would add ${would}.${warned}`;
  }
  const skipped =
    r.devicesAlreadyPresent > 0
      ? ` ${r.devicesAlreadyPresent} row(s) already in the register were not imported again.`
      : '';
  if (r.wouldCreate.devices === 0 && r.wouldCreate.cases === 0) {
    return r.rowsRead === 0
      ? `Nothing to import: the file has headings but no rows.${warned}`
      : `Nothing added: every row is already in the register.${skipped}${warned}`;
  }
  return r.dryRun
    ? `The file is valid: importing it would add ${would}. Nothing was written (dry run).${skipped}${warned}`
    : `Imported ${would}.${skipped}${warned}`;
}
