import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CASE_FIELD_KEYS } from '../cases/case-rules.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import { exhibitRefKey } from '../devices/exhibit-reference.js';
import { CaseTable } from './case-table.js';
import type { ImportStore } from './import-store.js';
import type { RowNote } from './import-types.js';
import { ImportWriter } from './import-writer.js';
import { orderedId } from './ordered-ids.js';
import type { RowChecker } from './row-check.js';
import { type DeviceValues, displayValue, type ParsedRow, type RowError } from './row-values.js';

// Rows checked, looked up and written together. Larger batches give the seizure-time indexes runs of
// neighbouring keys (see ImportWriter.write).
export const BATCH_ROWS = 2000;

const NOTES_KEPT = 1000;
/** Row errors listed in an import's answer (and its errors workbook); all are counted. */
export const ERRORS_LISTED = 1000;

export interface PassCounts {
  rowsRead: number;
  rowsValid: number;
  casesCreated: number;
  devicesCreated: number;
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
    casesCreated: 0,
    devicesCreated: 0,
    casesAlreadyPresent: 0,
    devicesAlreadyPresent: 0,
  };
  /** The first ERRORS_LISTED errors, in file order. */
  readonly errors: RowError[] = [];
  errorCount = 0;
  rowsWithErrors = 0;
  readonly notes: RowNote[] = [];
  private readonly cases = new CaseTable();
  /** Exhibits met in the file: case index and exhibit key → the row. */
  private readonly devicesSeen = new Map<string, number>();
  /** Exhibit keys of the register's devices, by case index. */
  private readonly existingExhibits = new Map<number, Set<string>>();
  private readonly writer: ImportWriter | null;
  private batch: ParsedRow[] = [];

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
      if (index !== null && device) this.placeDevice(row, index, device);
      if (row.errors.length === 0) this.counts.rowsValid += 1;
      else this.listErrors(row, listing);
    }
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
        this.counts.casesCreated += 1;
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
        if (this.notes.length < NOTES_KEPT) {
          this.notes.push({
            row: row.number,
            column: this.checker.heading(field),
            message: `case ${reference} is already in the register with ${field} ${recorded[field] ?? '(blank)'}; the import does not change existing cases`,
          });
        }
      } else {
        const message = listing
          ? `${field} differs from row ${this.cases.firstRow(index)} for the same case (${recorded[field] ?? 'blank'}); give a case the same details on every row`
          : '';
        row.errors.push({ field, cell: row.cells[field] ?? displayValue(null), message });
      }
    }
  }

  private placeDevice(row: ParsedRow, index: number, values: DeviceValues): void {
    const exhibit = exhibitRefKey(values.exhibitRef);
    const key = `${index}/${exhibit}`;
    const earlier = this.devicesSeen.get(key);
    if (earlier !== undefined) {
      const message = `exhibit ${values.exhibitRef} of this case is already on row ${earlier}`;
      row.errors.push({ field: 'exhibitRef', cell: row.cells.exhibitRef, message });
      return;
    }
    this.devicesSeen.set(key, row.number);
    if (this.cases.existing(index) && this.existingExhibits.get(index)?.has(exhibit)) {
      this.counts.devicesAlreadyPresent += 1;
      return;
    }
    if (this.cases.voided(index)) {
      const message = 'the case is voided; a device cannot be added to it';
      row.errors.push({ field: 'reference', cell: row.cells.reference, message });
      return;
    }
    if (row.errors.length > 0 || !this.cases.valid(index)) return;
    this.counts.devicesCreated += 1;
    const caseId = this.cases.id(index);
    if (this.writer && caseId && this.errorCount === 0) this.writer.addDevice(caseId, values);
  }
}
