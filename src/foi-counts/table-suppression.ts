import { type Model, solve } from 'yalps';
import { type AdditiveGroup, protectGroups, smallestVisible } from '../foi-reports/suppression.js';
import type { CrossTable, TableCell } from './cross-table.js';
import { grandTotal, key } from './cross-table.js';

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
//    again, until no hidden cell can be worked out.
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
 * Time the audit may take. A table whose audit does not finish in it (a large, sparse table with many
 * linked hidden cells) is withheld whole, as one that cannot be protected is: never published unaudited.
 */
export const AUDIT_BUDGET_MS = 3000;

class AuditBudgetExceeded extends Error {}

export function suppressTable(table: CrossTable, n: number): SuppressionOutcome {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`suppressBelow must be a whole number >= 0: ${n}`);
  if (n <= 1) return { fewerThan: false, withheld: false };
  const grand = grandTotal(table);
  if (grand.value >= 1 && grand.value < n) return { fewerThan: true, withheld: false };
  for (const cell of table.cells.values()) {
    if (cell.value >= 1 && cell.value < n) cell.reason = 'primary';
  }
  const deadline = Date.now() + AUDIT_BUDGET_MS;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      protectGroups(table.groups, n);
      const exposed = recoverableCells(table, n, deadline);
      if (exposed.length === 0) return { fewerThan: false, withheld: false };
      if (!hidePartner(table.groups, exposed[0])) break;
    }
  } catch (error) {
    if (!(error instanceof AuditBudgetExceeded)) throw error;
  }
  for (const cell of table.cells.values()) {
    cell.reason = cell === grand ? undefined : 'secondary';
  }
  return { fewerThan: false, withheld: true };
}

// Hides one more visible count in a line of the exposed cell: the smallest in a line it belongs to, else
// that line's total.
function hidePartner(groups: AdditiveGroup<TableCell>[], cell: TableCell): boolean {
  const lines = groups.filter((g) => g.members.includes(cell) || g.total === cell);
  const candidates = lines
    .map((g) => smallestVisible(g.members.filter((m) => m !== cell)))
    .filter((c): c is TableCell => c !== undefined)
    .sort((a, b) => a.value - b.value);
  const next = candidates[0] ?? lines.map((g) => g.total).find((t) => t !== cell && !t.reason && t.value > 0);
  if (!next) return false;
  next.reason = 'secondary';
  return true;
}

// The hidden cells whose value follows from the published table (the attacker's integer programme).
export function recoverableCells(table: CrossTable, n: number, deadline = Infinity): TableCell[] {
  const hidden = [...table.cells.values()].filter((c) => c.reason);
  if (hidden.length === 0) return [];
  const constraints = equations(table.groups);
  const exposed: TableCell[] = [];
  for (const component of components(hidden, constraints)) {
    // Equations alone (any size): a hidden cell the published lines determine exactly.
    exposed.push(...determined(component));
    if (exposed.length > 0) return exposed;
    // With the markers' bounds too (the linear programmes), within the time budget.
    for (const cell of component.cells) {
      if (Date.now() > deadline) throw new AuditBudgetExceeded();
      const low = extreme(component, cell, 'minimize', n);
      const high = extreme(component, cell, 'maximize', n);
      if (low === high) exposed.push(cell);
    }
  }
  return exposed;
}

interface Equation {
  /** Hidden cells with their coefficient: +1 a member, -1 the total. */
  terms: [TableCell, number][];
  /** What the hidden terms sum to, from the published cells. */
  value: number;
}

function equations(groups: AdditiveGroup<TableCell>[]): Equation[] {
  const out: Equation[] = [];
  for (const { total, members } of groups) {
    const terms: [TableCell, number][] = [];
    let value = 0;
    for (const m of members) {
      if (m.reason) terms.push([m, 1]);
      else value -= m.value;
    }
    if (total.reason) terms.push([total, -1]);
    else value += total.value;
    if (terms.length > 0) out.push({ terms, value });
  }
  return out;
}

interface Component {
  cells: TableCell[];
  equations: Equation[];
}

// Hidden cells linked by an equation are solved together; unlinked groups of them apart.
function components(hidden: TableCell[], all: Equation[]): Component[] {
  const parent = new Map<TableCell, TableCell>(hidden.map((c) => [c, c]));
  const find = (c: TableCell): TableCell => {
    let root = c;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(c, root);
    return root;
  };
  for (const eq of all) {
    for (const [cell] of eq.terms.slice(1)) parent.set(find(cell), find(eq.terms[0][0]));
  }
  const byRoot = new Map<TableCell, Component>();
  for (const cell of hidden) {
    const root = find(cell);
    const component = byRoot.get(root) ?? { cells: [], equations: [] };
    component.cells.push(cell);
    byRoot.set(root, component);
  }
  for (const eq of all) byRoot.get(find(eq.terms[0][0]))!.equations.push(eq);
  return [...byRoot.values()];
}

// The least or greatest whole value the cell can take given the published table (Infinity when the
// published figures set no upper bound).
function extreme(
  component: Component,
  cell: TableCell,
  direction: 'minimize' | 'maximize',
  n: number,
): number {
  const name = (c: TableCell) => key(c.coords);
  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  component.equations.forEach((eq, i) => {
    constraints[`e${i}`] = { equal: eq.value };
    for (const [c, coefficient] of eq.terms) {
      (variables[name(c)] ??= {})[`e${i}`] = coefficient;
    }
  });
  for (const c of component.cells) {
    const v = (variables[name(c)] ??= {});
    v[`b:${name(c)}`] = 1;
    constraints[`b:${name(c)}`] = c.reason === 'primary' ? { min: 1, max: n - 1 } : { min: n };
  }
  variables[name(cell)].objective = 1;
  const model: Model = {
    direction,
    objective: 'objective',
    constraints,
    variables,
  };
  // The linear relaxation, rounded inwards to whole numbers: for two dimensions its bounds are the whole
  // numbers' own (the margins' equations are totally unimodular); for three it can only be wider, so a
  // cell it cannot pin down is not pinned down by whole numbers either, except in rare integrality gaps
  // (the property test's attacker solves the integer programme). Integer branch and bound took minutes
  // on a 21x12x10 table.
  const solution = solve(model);
  if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : -Infinity;
  if (solution.status !== 'optimal') throw new Error(`suppression audit: ${solution.status}`);
  return direction === 'maximize' ? Math.floor(solution.result + 1e-6) : Math.ceil(solution.result - 1e-6);
}

// Gauss-Jordan elimination of the component's equations: a hidden cell is determined when a reduced row
// holds it alone.
function determined(component: Component): TableCell[] {
  const index = new Map(component.cells.map((c, i) => [c, i]));
  const width = component.cells.length;
  const rows = component.equations.map((eq) => {
    const row = new Array<number>(width).fill(0);
    for (const [cell, coefficient] of eq.terms) row[index.get(cell)!] += coefficient;
    return row;
  });
  const eps = 1e-9;
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < width && rank < rows.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++)
      if (Math.abs(rows[r][col]) > Math.abs(rows[best][col])) best = r;
    if (Math.abs(rows[best][col]) < eps) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const pivot = rows[rank][col];
    for (let c = 0; c < width; c++) rows[rank][c] /= pivot;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || Math.abs(rows[r][col]) < eps) continue;
      const f = rows[r][col];
      for (let c = 0; c < width; c++) rows[r][c] -= f * rows[rank][c];
    }
    pivots.push(col);
    rank++;
  }
  const out: TableCell[] = [];
  pivots.forEach((col, r) => {
    if (rows[r].every((v, c) => c === col || Math.abs(v) < eps)) out.push(component.cells[col]);
  });
  return out;
}
