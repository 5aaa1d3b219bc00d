import { CASE_FIELD_KEYS } from '../cases/case-rules.js';
import { detach } from './row-values.js';

const EXISTING = 1;
const VOIDED = 2;
const NULL = '\u0000';
const SEPARATOR = '\u0001';
const SHAPES_KEPT = 10_000;

export interface CaseFieldValues {
  [field: string]: unknown;
}

// The cases an import has met, by reference key, in a few bytes each (a million distinct cases in a
// file must not cost gigabytes): an index per case, the row it was first met on and two flags in typed
// arrays, its id only while the import may still write, and its fields as one text shared by every
// case with the same fields (most cases of a file share a handful of classifications).
export class CaseTable {
  private readonly byKey = new Map<string, number>();
  private firstRows = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private readonly ids: (string | undefined)[] = [];
  private readonly shapes: (string | undefined)[] = [];
  private readonly shapePool = new Map<string, string>();

  get size(): number {
    return this.ids.length;
  }

  find(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** A new entry; `values` null when the case's own fields are invalid. */
  add(key: string, entry: { id?: string; existing: boolean; voided: boolean; firstRow: number; values: CaseFieldValues | null }): number {
    const index = this.ids.length;
    if (index === this.flags.length) {
      const firstRows = new Int32Array(index * 2);
      firstRows.set(this.firstRows);
      this.firstRows = firstRows;
      const flags = new Uint8Array(index * 2);
      flags.set(this.flags);
      this.flags = flags;
    }
    this.byKey.set(detach(key), index);
    this.ids.push(entry.id);
    this.firstRows[index] = entry.firstRow;
    this.flags[index] = (entry.existing ? EXISTING : 0) | (entry.voided ? VOIDED : 0);
    this.shapes.push(entry.values ? this.shape(entry.values) : undefined);
    return index;
  }

  id(index: number): string | undefined {
    return this.ids[index];
  }

  /** Forgets the ids of new cases: nothing more will be written (a row has failed). */
  forgetNewIds(): void {
    for (let i = 0; i < this.ids.length; i += 1) if (!(this.flags[i] & EXISTING)) this.ids[i] = undefined;
  }

  existing(index: number): boolean {
    return (this.flags[index] & EXISTING) !== 0;
  }

  voided(index: number): boolean {
    return (this.flags[index] & VOIDED) !== 0;
  }

  /** 0 for a case of the register not yet met in the file. */
  firstRow(index: number): number {
    return this.firstRows[index];
  }

  setFirstRow(index: number, row: number): void {
    this.firstRows[index] = row;
  }

  valid(index: number): boolean {
    return this.shapes[index] !== undefined;
  }

  /** The case's recorded fields (CASE_FIELD_KEYS; null when blank). */
  values(index: number): Record<string, string | null> {
    const texts = this.shapes[index]!.split(SEPARATOR);
    return Object.fromEntries(CASE_FIELD_KEYS.map((field, i) => [field, texts[i] === NULL ? null : texts[i]]));
  }

  private shape(values: CaseFieldValues): string {
    const text = CASE_FIELD_KEYS.map((field) => {
      const value = values[field];
      return typeof value === 'string' ? value : value === null || value === undefined ? NULL : JSON.stringify(value);
    }).join(SEPARATOR);
    const pooled = this.shapePool.get(text);
    if (pooled !== undefined) return pooled;
    const copy = detach(text);
    if (this.shapePool.size < SHAPES_KEPT) this.shapePool.set(copy, copy);
    return copy;
  }
}
