import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CASE_FIELD_KEYS } from '../cases/case-rules.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import { exhibitRefKey, isExhibitRef, normaliseExhibitRef } from '../devices/exhibit-reference.js';
import { CaseTable } from './case-table.js';
import type { ImportStore } from './import-store.js';
import type { ImportWarning } from './import-types.js';
import { deviceDifferences } from './register-differences.js';
import { ImportWriter } from './import-writer.js';
import { orderedId } from './ordered-ids.js';
import type { RowChecker } from './row-check.js';
import { type DeviceValues, displayValue, type ParsedRow, type RowError } from './row-values.js';

// Rows checked, looked up and written together. Larger batches give the seizure-time indexes runs of
// neighbouring keys (see ImportWriter.write).
export const BATCH_ROWS = 2000;

/** Row errors listed in an import's answer (and its errors workbook); all are counted. */
export const ERRORS_LISTED = 1000;
/** Warnings listed in an import's answer; all are counted. */
export const WARNINGS_LISTED = 1000;

export interface PassCounts {
  rowsRead: number;
  rowsValid: number;
  /** New cases and devices of the rows without errors: written when the whole file is good. */
  newCases: number;
  newDevices: number;
  casesAlreadyPresent: number;
  devicesAlreadyPresent: number;
}

// One pass over the rows: checks each row as the API would, matches cases by reference and devices by
// case and exhibit against the file so far and the register, and (when writing, while no row has
// failed) inserts in batches. Past the ERRORS_LISTED errors, bad rows are checked as strictly but only
// counted: no messages, no copies of their cells.
export class ImportPass {
  readonly counts: PassCounts = {
    rowsRead: 0,
    rowsValid: 0,
    newCases: 0,
    newDevices: 0,
    casesAlreadyPresent: 0,
    devicesAlreadyPresent: 0,
  };
  /** The first ERRORS_LISTED errors, in file order. */
  readonly errors: RowError[] = [];
  errorCount = 0;
  rowsWithErrors = 0;
  /** The first WARNINGS_LISTED warnings, in file order. */
  readonly warnings: ImportWarning[] = [];
  warningCount = 0;
  private readonly cases = new CaseTable();
  /** Exhibits met in the file: case index and exhibit key → the row. */
  private readonly devicesSeen = new Map<string, number>();
  /** Exhibit keys of the register's devices, by case index. */
  private readonly existingExhibits = new Map<number, Set<string>>();
  private readonly writer: ImportWriter | null;
  private batch: ParsedRow[] = [];
  /** Rows of the batch whose exhibit is in the register, to compare with it once the batch is read. */
  private present: { row: ParsedRow; index: number; exhibit: string; values: DeviceValues }[] = [];

  constructor(
    private readonly checker: RowChecker,
    private readonly store: ImportStore,
    writer: { audit: AuditService; actor: AuthUser } | null,
  ) {
    this.writer = writer && new ImportWriter(writer.audit, writer.actor);
  }

  async add(row: ParsedRow): Promise<void> {
    if (row.blank) return;
    this.counts.rowsRead += 1;
    this.batch.push(row);
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  private get listing(): boolean {
    return this.errors.length < ERRORS_LISTED;
  }

  async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (rows.length === 0) return;
    const keys = rows.map((row) => {
      const reference = row.caseInput.reference;
      return typeof reference === 'string' ? referenceKeyOf(reference) : null;
    });
    await this.lookUpCases(keys);
    for (const [i, row] of rows.entries()) {
      const listing = this.listing;
      const device = this.checker.checkDevice(row, listing);
      const index = this.caseFor(row, keys[i], listing);
      if (index !== null) this.placeDevice(row, index, device);
      if (row.errors.length === 0) this.counts.rowsValid += 1;
      else this.listErrors(row, listing);
    }
    await this.compareWithRegister();
    if (!this.writer) return;
    if (this.errorCount === 0) await this.writer.write(this.store);
    else this.writer.clear();
  }

  private listErrors(row: ParsedRow, listing: boolean): void {
    if (this.errorCount === 0 && this.writer) this.cases.forgetNewIds();
    this.rowsWithErrors += 1;
    this.errorCount += row.errors.length;
    if (!listing) return;
    for (const error of this.checker.listed(row)) {
      if (this.errors.length < ERRORS_LISTED) this.errors.push(error);
    }
  }

  // Cases named in the batch and not met before, read from the register in one query.
  private async lookUpCases(keys: (string | null)[]): Promise<void> {
    const wanted = new Set<string>();
    for (const key of keys) if (key !== null && this.cases.find(key) === undefined) wanted.add(key);
    for (const known of await this.store.findCases([...wanted])) {
      const c = known.case;
      const index = this.cases.add(c.referenceKey, {
        id: c.id,
        existing: true,
        voided: c.voidedAt !== null && c.voidedAt !== undefined,
        firstRow: 0,
        values: c as unknown as Record<string, unknown>,
      });
      this.existingExhibits.set(index, known.exhibits);
    }
  }

  private caseFor(row: ParsedRow, key: string | null, listing: boolean): number | null {
    if (key === null) {
      this.checker.checkCase(row, listing); // reports the missing reference as the API would
      return null;
    }
    const reference = row.caseInput.reference as string;
    const known = this.cases.find(key);
    if (known === undefined) {
      const values = this.checker.checkCase(row, listing);
      const writing = this.writer !== null && this.errorCount === 0 && row.errors.length === 0;
      const id = values && writing ? orderedId() : undefined;
      const index = this.cases.add(key, { id, existing: false, voided: false, firstRow: row.number, values });
      if (values) {
        this.counts.newCases += 1;
        if (id) this.writer!.addCase(id, values);
      }
      return index;
    }
    if (this.cases.existing(known) && this.cases.firstRow(known) === 0) {
      this.counts.casesAlreadyPresent += 1;
      this.cases.setFirstRow(known, row.number);
    }
    this.compareCase(row, known, reference, listing);
    return known;
  }

  // Later rows of a case may leave its columns blank; what they do give must agree.
  private compareCase(row: ParsedRow, index: number, reference: string, listing: boolean): void {
    if (!this.cases.valid(index)) return;
    let recorded: Record<string, string | null> | null = null;
    for (const field of CASE_FIELD_KEYS) {
      const given = row.caseInput[field];
      if (given === undefined) continue;
      recorded ??= this.cases.values(index);
      if (given === recorded[field]) continue;
      if (this.cases.existing(index)) {
        const message = `${this.checker.heading(field)} differs: file '${given as string}', register ${recorded[field] === null ? '(blank)' : `'${recorded[field]}'`}; the import does not change cases already in the register`;
        this.warn(row.number, this.checker.heading(field), message);
      } else {
        const message = listing
          ? `${field} differs from row ${this.cases.firstRow(index)} for the same case (${recorded[field] ?? 'blank'}); give a case the same details on every row`
          : '';
        row.errors.push({ field, cell: row.cells[field] ?? displayValue(null), message });
      }
    }
  }

  warn(row: number, column: string, message: string): void {
    this.warningCount += 1;
    if (this.warnings.length < WARNINGS_LISTED) this.warnings.push({ row, column, message });
  }

  // The row's exhibit against the file so far and the register: checked whenever the exhibit reference
  // itself is good, so a row's errors come back in one pass.
  private placeDevice(row: ParsedRow, index: number, values: DeviceValues | null): void {
    const given = values?.exhibitRef ?? this.exhibitRef(row);
    if (given === null) return;
    const exhibit = exhibitRefKey(given);
    const key = `${index}/${exhibit}`;
    const earlier = this.devicesSeen.get(key);
    if (earlier !== undefined) {
      const message = `exhibit ${given} of this case is already on row ${earlier}`;
      row.errors.push({ field: 'exhibitRef', cell: row.cells.exhibitRef, message });
      return;
    }
    this.devicesSeen.set(key, row.number);
    if (this.cases.existing(index) && this.existingExhibits.get(index)?.has(exhibit)) {
      this.counts.devicesAlreadyPresent += 1;
      if (values && row.errors.length === 0) this.present.push({ row, index, exhibit, values });
      return;
    }
    if (this.cases.voided(index)) {
      const message = 'the case is voided; a device cannot be added to it';
      row.errors.push({ field: 'reference', cell: row.cells.reference, message });
      return;
    }
    if (!values || row.errors.length > 0 || !this.cases.valid(index)) return;
    this.counts.newDevices += 1;
    const caseId = this.cases.id(index);
    if (this.writer && caseId && this.errorCount === 0) this.writer.addDevice(caseId, values);
  }

  private exhibitRef(row: ParsedRow): string | null {
    const raw = row.deviceInput.exhibitRef;
    if (typeof raw !== 'string' || row.errors.some((e) => e.field === 'exhibitRef')) return null;
    const ref = normaliseExhibitRef(raw);
    return isExhibitRef(ref) ? ref : null;
  }

  // Re-imported exhibits: each field the file gives otherwise than the register is a warning; the
  // register's device is never changed.
  private async compareWithRegister(): Promise<void> {
    const present = this.present;
    this.present = [];
    if (present.length === 0) return;
    const ids = [...new Set(present.map((p) => this.cases.id(p.index)!))];
    const byKey = new Map((await this.store.findDevices(ids)).map((d) => [`${d.caseId}/${exhibitRefKey(d.exhibitRef)}`, d]));
    for (const { row, index, exhibit, values } of present) {
      const device = byKey.get(`${this.cases.id(index)}/${exhibit}`);
      if (!device) continue;
      const fields = Object.keys(row.deviceInput);
      for (const d of deviceDifferences(values as unknown as Record<string, unknown>, fields, device, (f) => this.checker.heading(f))) {
        this.warn(row.number, this.checker.heading(d.field), d.message);
      }
    }
  }
}
