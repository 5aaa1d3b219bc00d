import type { SuppressionReason } from '../foi-reports/foi-report.types.js';
import type { AdditiveGroup } from '../foi-reports/suppression.js';

// A cross-tab of one to three dimensions with every margin: each cell is addressed by one coordinate
// per dimension, a code's position or null for "all codes" (a margin). The inner cells have no null;
// the grand total has only nulls. Every line of the table (one dimension running over all its codes,
// the others fixed) sums to the cell with that dimension null: those are the additive groups an
// attacker can subtract along, and the ones suppression protects.

export type Coords = readonly (number | null)[];

export interface TableCell {
  coords: Coords;
  value: number;
  reason?: SuppressionReason;
}

export interface CrossTable {
  sizes: readonly number[];
  /** Every cell, inner and margins, by key(coords). */
  cells: Map<string, TableCell>;
  groups: AdditiveGroup<TableCell>[];
}

export const MAX_DIMENSIONS = 3;

export function key(coords: Coords): string {
  return coords.map((c) => (c === null ? '*' : String(c))).join(',');
}

// inner: the count of each inner cell (missing = 0).
export function buildCrossTable(sizes: readonly number[], inner: Map<string, number>): CrossTable {
  if (sizes.length > MAX_DIMENSIONS) throw new RangeError(`at most ${MAX_DIMENSIONS} dimensions`);
  const cells = new Map<string, TableCell>();
  for (const coords of allCoords(sizes)) cells.set(key(coords), { coords, value: 0 });
  for (const coords of innerCoords(sizes)) {
    const value = inner.get(key(coords)) ?? 0;
    if (value === 0) continue;
    // The inner cell and every margin it falls in (each subset of its coordinates made null).
    for (let mask = 0; mask < 1 << sizes.length; mask++) {
      const margin = coords.map((c, i) => (mask & (1 << i) ? null : c));
      cells.get(key(margin))!.value += value;
    }
  }
  const groups: AdditiveGroup<TableCell>[] = [];
  for (const total of cells.values()) {
    total.coords.forEach((c, dim) => {
      if (c !== null) return;
      const members: TableCell[] = [];
      for (let i = 0; i < sizes[dim]; i++) {
        members.push(cells.get(key(total.coords.map((x, d) => (d === dim ? i : x))))!);
      }
      if (members.length > 0) groups.push({ total, members });
    });
  }
  return { sizes, cells, groups };
}

export function innerCoords(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const size of sizes) {
    out = out.flatMap((prefix) => Array.from({ length: size }, (_, i) => [...prefix, i]));
  }
  return out;
}

function allCoords(sizes: readonly number[]): (number | null)[][] {
  let out: (number | null)[][] = [[]];
  for (const size of sizes) {
    out = out.flatMap((prefix) => [
      ...Array.from({ length: size }, (_, i) => [...prefix, i]),
      [...prefix, null],
    ]);
  }
  return out;
}

export function grandTotal(table: CrossTable): TableCell {
  return table.cells.get(key(table.sizes.map(() => null)))!;
}
