import { caseClosed } from '../cases/case-open.js';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Case } from '../cases/case.entity.js';
import { CASE_FIELD_KEYS } from '../cases/case-rules.js';
import { toCaseResponse } from '../cases/dto/case-response.dto.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import { ConflictError } from '../common/errors.js';
import { newRecordColumns } from '../common/evidential-record.js';
import { nowInstant } from '../common/columns.js';
import { orderedId } from './ordered-ids.js';
import { Device } from '../devices/device.entity.js';
import { deviceRecord } from '../devices/dto/device-response.dto.js';
import { exhibitRefKey } from '../devices/exhibit-reference.js';
import type { ImportStore } from './import-store.js';
import type { RowNote } from './import-types.js';
import {
  CaseValues,
  detach,
  DeviceValues,
  displayValue,
  ParsedRow,
  RowChecker,
  RowError,
} from './row-check.js';

// Rows checked, looked up and written together. Larger batches give the seizure-time indexes runs of
// neighbouring keys (see write()).
export const BATCH_ROWS = 2000;

// Values kept for the length of the file are copied out of the parser's chunks (see detach).
const detachValues = <T extends object>(values: T): T =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? detach(v) : v])) as T;
const NOTES_KEPT = 1000;
/** Row errors listed in an import's answer (and its errors workbook); all are counted. */
export const ERRORS_LISTED = 1000;

interface CaseState {
  id: string;
  existing: boolean;
  voidedAt: string | null;
  firstRow: number;
  /** null when the case's own fields are invalid (reported on its first row). */
  values: CaseValues | null;
}

export interface PassCounts {
  rowsRead: number;
  rowsValid: number;
  casesCreated: number;
  devicesCreated: number;
  casesAlreadyPresent: number;
  devicesAlreadyPresent: number;
}

// One pass over the rows: checks each row as the API would, matches cases by reference and devices by
// case and exhibit against the file so far and the register, and (when writing) inserts in batches.
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
  private readonly cases = new Map<string, CaseState>();
  private readonly devicesSeen = new Map<string, number>();
  private readonly existingExhibits = new Map<string, Set<string>>();
  private batch: ParsedRow[] = [];

  constructor(
    private readonly checker: RowChecker,
    private readonly store: ImportStore,
    private readonly writer: { audit: AuditService; actor: AuthUser } | null,
  ) {}

  async add(row: ParsedRow): Promise<void> {
    if (row.blank) return;
    this.counts.rowsRead += 1;
    this.batch.push(row);
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (rows.length === 0) return;
    await this.lookUpCases(rows);
    const newCases: Case[] = [];
    const newDevices: Device[] = [];
    for (const row of rows) {
      const device = this.checker.checkDevice(row);
      const state = this.caseFor(row, newCases);
      if (state && device) this.placeDevice(row, state, device, newDevices);
      if (row.errors.length === 0) this.counts.rowsValid += 1;
      else this.listErrors(row.errors);
    }
    if (this.writer && this.errorCount === 0) await this.write(newCases, newDevices);
  }

  private listErrors(errors: RowError[]): void {
    this.rowsWithErrors += 1;
    this.errorCount += errors.length;
    if (this.errors.length >= ERRORS_LISTED) return;
    for (const error of this.checker.inColumnOrder(errors)) {
      if (this.errors.length < ERRORS_LISTED) this.errors.push(error);
    }
  }

  private key(reference: string): string {
    return referenceKeyOf(reference);
  }

  // Cases named in the batch and not met before, read from the register in one query.
  private async lookUpCases(rows: ParsedRow[]): Promise<void> {
    const wanted = new Set<string>();
    for (const row of rows) {
      const reference = row.caseInput.reference;
      if (typeof reference !== 'string') continue;
      const key = this.key(reference);
      if (!this.cases.has(key)) wanted.add(key);
    }
    for (const known of await this.store.findCases([...wanted])) {
      const c = known.case;
      this.cases.set(c.referenceKey, {
        id: c.id,
        existing: true,
        voidedAt: c.voidedAt,
        firstRow: 0,
        values: c,
      });
      this.existingExhibits.set(c.id, known.exhibits);
    }
  }

  private caseFor(row: ParsedRow, newCases: Case[]): CaseState | null {
    const reference = row.caseInput.reference;
    if (typeof reference !== 'string') {
      this.checker.checkCase(row); // reports the missing reference as the API would
      return null;
    }
    const key = this.key(reference);
    const known = this.cases.get(key);
    if (!known) {
      const checked = this.checker.checkCase(row);
      const values = checked && detachValues(checked);
      const state: CaseState = {
        id: orderedId(),
        existing: false,
        voidedAt: null,
        firstRow: row.number,
        values,
      };
      this.cases.set(detach(key), state);
      if (values) {
        this.counts.casesCreated += 1;
        if (this.writer) newCases.push(this.newCase(state.id, values));
      }
      return state;
    }
    if (known.existing) this.counts.casesAlreadyPresent += known.firstRow === 0 ? 1 : 0;
    if (known.existing && known.firstRow === 0) known.firstRow = row.number;
    this.compareCase(row, known);
    return known;
  }

  // Later rows of a case may leave its columns blank; what they do give must agree.
  private compareCase(row: ParsedRow, state: CaseState): void {
    if (!state.values) return;
    for (const field of CASE_FIELD_KEYS) {
      const given = row.caseInput[field];
      if (given === undefined || given === state.values[field]) continue;
      if (state.existing) {
        if (this.notes.length < NOTES_KEPT) {
          this.notes.push({
            row: row.number,
            column: this.checker.error(row.number, field, null, '').column,
            message: `case ${state.values.reference} is already in the register with ${field} ${state.values[field] ?? '(blank)'}; the import does not change existing cases`,
          });
        }
      } else {
        const message = `${field} differs from row ${state.firstRow} for the same case (${state.values[field] ?? 'blank'}); give a case the same details on every row`;
        row.errors.push(
          this.checker.error(row.number, field, row.cells[field] ?? displayValue(null), message),
        );
      }
    }
  }

  private placeDevice(row: ParsedRow, state: CaseState, values: DeviceValues, newDevices: Device[]): void {
    const key = `${state.id}\u0000${exhibitRefKey(values.exhibitRef)}`;
    const earlier = this.devicesSeen.get(key);
    if (earlier !== undefined) {
      const message = `exhibit ${values.exhibitRef} of this case is already on row ${earlier}`;
      row.errors.push(this.checker.error(row.number, 'exhibitRef', row.cells.exhibitRef ?? null, message));
      return;
    }
    this.devicesSeen.set(key, row.number);
    if (state.existing && this.existingExhibits.get(state.id)?.has(exhibitRefKey(values.exhibitRef))) {
      this.counts.devicesAlreadyPresent += 1;
      return;
    }
    if (caseClosed(state) === 'CASE_VOIDED') {
      const message = 'the case is voided; a device cannot be added to it';
      row.errors.push(this.checker.error(row.number, 'reference', row.cells.reference ?? null, message));
      return;
    }
    if (row.errors.length > 0 || !state.values) return;
    this.counts.devicesCreated += 1;
    if (this.writer) newDevices.push(this.newDevice(state.id, values));
  }

  private stamps(id: string) {
    const now = nowInstant();
    const actor = this.writer?.actor.id ?? '';
    return {
      id,
      ...newRecordColumns(actor, now),
    };
  }

  private newCase(id: string, values: CaseValues): Case {
    return Object.assign(new Case(), values, this.stamps(id));
  }

  private newDevice(caseId: string, values: DeviceValues): Device {
    return Object.assign(new Device(), values, this.stamps(orderedId()), { caseId, custodyStatus: 'SEIZED' });
  }

  // Cases before their devices; one audit event per record, in the same transaction.
  private async write(newCases: Case[], newDevices: Device[]): Promise<void> {
    const { audit, actor } = this.writer!;
    try {
      await this.store.insertCases(newCases);
    } catch (error) {
      // The unique referenceKey: a case of the file was created meanwhile by someone else (PostgreSQL).
      if (error instanceof QueryFailedError && /unique|23505/i.test(error.message)) {
        throw new ConflictError(
          'REFERENCE_TAKEN',
          'A case reference in the file was recorded by someone else during the import; import the file again.',
        );
      }
      throw error;
    }
    // In seizure-time order: the two covering indexes that start with (or follow the type by) seizedAt
    // then take each batch as runs of neighbouring keys instead of jumps across years (a third less
    // CPU for the inserts on the 1,000,000-device register).
    await this.store.insertDevices(
      [...newDevices].sort((a, b) => (a.seizedAt < b.seizedAt ? -1 : a.seizedAt > b.seizedAt ? 1 : 0)),
    );
    const entries = [];
    for (const c of newCases) {
      entries.push({
        actorId: actor.id,
        action: 'case.create',
        entity: 'case',
        entityId: c.id,
        after: toCaseResponse(c),
      });
    }
    for (const d of newDevices) {
      entries.push({
        actorId: actor.id,
        action: 'device.create',
        entity: 'device',
        entityId: d.id,
        after: deviceRecord(d),
      });
    }
    await audit.recordMany(this.store.manager, entries);
  }
}
