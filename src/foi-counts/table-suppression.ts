import { type AdditiveGroup, protectGroups, smallestVisible } from '../foi-reports/suppression.js';
import type { CrossTable, TableCell } from './cross-table.js';
import { grandTotal } from './cross-table.js';
import { AuditBudgetExceeded } from './audit-lp.js';
import { TableAudit } from './table-audit.js';

// Suppression across a whole cross-tab, the FOI report's rules (suppression.ts) extended to two and
// three dimensions:
// 1. primary: a count from 1 to N-1 is hidden ("<N");
// 2. secondary, line by line: the report's protectGroups over every row, column and pillar of the
//    table and its margins (each hidden cell has a hidden partner in its line, and the line's hidden sum
//    is not pinned by what the markers allow);
// 3. secondary, the whole table at once: lines can be combined (a row minus a column…), so an attacker
//    who knows every published count and what each marker allows (a primary cell lies in 1..N-1, a
//    secondary one is >= N, as it was a visible count) solves the integer programme of all the
//    published equations for the least and the greatest value of each hidden cell. Where those meet,
//    the cell would be recovered exactly: one more cell of its lines is hidden and the table is audited
//    again, until no hidden cell can be worked out. The audit (table-audit.ts) clears a cell by finding
//    a second whole-number table that fits everything published and differs in it; only three-way cells
//    it finds none for go to a linear programme (audit-lp.ts).
// Some tables cannot be protected that way: a line whose total is itself small with N-1 small members
// (N=3: a row "<3" of two "<3" cells) gives its cells away by the markers' bounds alone (each at least 1,
// together at most 2), however many other cells are hidden. Then the table's body is withheld whole: every
// cell but the grand total is published as "[c]", zeros too, so nothing bounds a cell but the grand total.
// A table whose grand total is itself from 1 to N-1 is answered only as "fewer than N" (the caller).

export interface SuppressionOutcome {
  /** The grand total lies in 1..N-1: publish nothing but "fewer than N". */
  fewerThan: boolean;
  /** Every cell but the grand total withheld ("[c]"), zeros too: no partial protection was safe. */
  withheld: boolean;
}

const MAX_ROUNDS = 500;
/**
 * Time the audit may take. A table whose audit does not finish in it is withheld whole, as one that
 * cannot be protected is: never published unaudited.
 */
export const AUDIT_BUDGET_MS = 3000;

export function suppressTable(table: CrossTable, n: number): SuppressionOutcome {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`suppressBelow must be a whole number >= 0: ${n}`);
  if (n <= 1) return { fewerThan: false, withheld: false };
  const grand = grandTotal(table);
  if (grand.value >= 1 && grand.value < n) return { fewerThan: true, withheld: false };
  for (const cell of table.cells.values()) {
    if (cell.value >= 1 && cell.value < n) cell.reason = 'primary';
  }
  // One audit for all the rounds: a cell it cleared stays cleared as more cells are hidden.
  const audit = new TableAudit(table, n, Date.now() + AUDIT_BUDGET_MS);
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      protectGroups(table.groups, n);
      const exposed = audit.exposed();
      if (exposed.length === 0) return { fewerThan: false, withheld: false };
      if (!hidePartners(table.groups, exposed)) break;
    }
  } catch (error) {
    if (!(error instanceof AuditBudgetExceeded)) throw error;
  }
  for (const cell of table.cells.values()) {
    cell.reason = cell === grand ? undefined : 'secondary';
  }
  return { fewerThan: false, withheld: true };
}

// One partner for each exposed cell that shares no line with a cell already given one this round (the
// partner may clear both): fewer rounds. False when no exposed cell has a partner left.
function hidePartners(groups: AdditiveGroup<TableCell>[], exposed: TableCell[]): boolean {
  const linesOf = new Map<TableCell, AdditiveGroup<TableCell>[]>();
  for (const g of groups) {
    for (const c of [g.total, ...g.members]) linesOf.set(c, [...(linesOf.get(c) ?? []), g]);
  }
  const touched = new Set<AdditiveGroup<TableCell>>();
  for (const cell of exposed) {
    const lines = linesOf.get(cell) ?? [];
    if (lines.some((g) => touched.has(g)) || !hidePartner(lines, cell)) continue;
    for (const g of lines) touched.add(g);
  }
  return touched.size > 0;
}

// Hides one more visible count in a line of the exposed cell: the smallest in a line it belongs to, else
// that line's total.
function hidePartner(lines: AdditiveGroup<TableCell>[], cell: TableCell): boolean {
  const candidates = lines
    .map((g) => smallestVisible(g.members.filter((m) => m !== cell)))
    .filter((c): c is TableCell => c !== undefined)
    .sort((a, b) => a.value - b.value);
  const next = candidates[0] ?? lines.map((g) => g.total).find((t) => t !== cell && !t.reason && t.value > 0);
  if (!next) return false;
  next.reason = 'secondary';
  return true;
}

// The hidden cells whose value follows from the published table (the attacker's programme).
export function recoverableCells(table: CrossTable, n: number): TableCell[] {
  return new TableAudit(table, n).exposed();
}
