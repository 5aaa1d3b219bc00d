import { type Model, solve } from 'yalps';
import type { AdditiveGroup } from '../foi-reports/suppression.js';
import type { CrossTable, TableCell } from './cross-table.js';
import { key } from './cross-table.js';

// The audit's last resort, for the three-way cells table-audit.ts found no move for: the linear
// programme of the published table (every line's equation over the hidden cells, each hidden cell within
// what its marker allows) maximised, then minimised, for the cell, its relaxation rounded inwards to
// whole numbers (for three dimensions the relaxation can be wider than the whole numbers' range, in rare
// integrality gaps; the property test's attacker solves the integer programme). One solution clears
// every open cell it moves by one or more. A programme the solver does not finish ("cycled": too many
// pivots) counts as pinned: another cell is hidden rather than publish unaudited, and so does a cell
// linked to more than MAX_PROGRAMME_CELLS hidden cells (yalps's dense simplex took minutes on a
// 22x12x11 table with a thousand linked hidden cells). Past the deadline the audit stops
// (AuditBudgetExceeded) and the table is withheld whole.

const MAX_PROGRAMME_CELLS = 200;
const MAX_PIVOTS = 2000;

export class AuditBudgetExceeded extends Error {}

interface Equation {
  /** Hidden cells with their coefficient: +1 a member, -1 the total. */
  terms: [TableCell, number][];
  /** What the hidden terms sum to, from the published cells. */
  value: number;
}

export function pinnedByRelaxation(
  table: CrossTable,
  n: number,
  open: TableCell[],
  deadline: number,
): TableCell[] {
  const hidden = [...table.cells.values()].filter((c) => c.reason);
  const components = linked(hidden, equations(table.groups), n);
  const cleared = new Set<TableCell>();
  const pinned: TableCell[] = [];
  for (const cell of open) {
    if (cleared.has(cell)) continue;
    const model = components.get(cell)!;
    if (model.cells.size > MAX_PROGRAMME_CELLS) {
      pinned.push(cell);
      continue;
    }
    const moves = (direction: 'maximize' | 'minimize'): boolean => {
      if (Date.now() > deadline) throw new AuditBudgetExceeded();
      const solution = solve(
        { ...model(), direction, objective: `b:${name(cell)}` },
        { includeZeroVariables: true, maxPivots: MAX_PIVOTS },
      );
      if (solution.status === 'unbounded') return direction === 'maximize';
      if (solution.status !== 'optimal') return false;
      for (const [variable, value] of solution.variables) {
        const other = model.cells.get(variable);
        if (other && Math.abs(value - other.value) >= 1 - 1e-6) cleared.add(other);
      }
      return cleared.has(cell);
    };
    if (!moves('maximize') && !moves('minimize')) pinned.push(cell);
  }
  return pinned;
}

const name = (c: TableCell) => key(c.coords);

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

interface ModelOf {
  (): Model;
  cells: Map<string, TableCell>;
}

// Hidden cells linked by an equation are solved together, each group of them with its own programme.
function linked(hidden: TableCell[], all: Equation[], n: number): Map<TableCell, ModelOf> {
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
  const equationsOf = new Map<TableCell, Equation[]>();
  for (const eq of all) {
    const root = find(eq.terms[0][0]);
    equationsOf.set(root, [...(equationsOf.get(root) ?? []), eq]);
  }
  const cellsOf = new Map<TableCell, TableCell[]>();
  for (const cell of hidden) {
    const root = find(cell);
    cellsOf.set(root, [...(cellsOf.get(root) ?? []), cell]);
  }
  const models = new Map<TableCell, ModelOf>();
  for (const [root, cells] of cellsOf) {
    let built: Model | undefined;
    const model = Object.assign(() => (built ??= programme(cells, equationsOf.get(root) ?? [], n)), {
      cells: new Map(cells.map((c) => [name(c), c])),
    });
    for (const cell of cells) models.set(cell, model);
  }
  return models;
}

function programme(cells: TableCell[], eqs: Equation[], n: number): Model {
  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  eqs.forEach((eq, i) => {
    constraints[`e${i}`] = { equal: eq.value };
    for (const [c, coefficient] of eq.terms) (variables[name(c)] ??= {})[`e${i}`] = coefficient;
  });
  for (const c of cells) {
    (variables[name(c)] ??= {})[`b:${name(c)}`] = 1;
    constraints[`b:${name(c)}`] = c.reason === 'primary' ? { min: 1, max: n - 1 } : { min: n };
  }
  return { constraints, variables };
}
