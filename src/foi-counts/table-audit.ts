import type { CrossTable, TableCell } from './cross-table.js';
import { AuditBudgetExceeded, pinnedByRelaxation } from './audit-lp.js';

// The attacker's question for every hidden cell: do the published lines and what the markers allow (a
// primary cell is 1..N-1, a secondary one >= N) leave it one value only? The table's true counts are
// one answer; a cell is cleared when a second whole-number answer is found in which it differs (a
// certificate). A cell without one is exposed, and suppression hides another cell for it.
//
// Signed grid: give each margin index the position "one past the last code" in its dimension and each
// cell the sign (-1)^(number of margins in its coordinates). Then every line of the table, its total
// included, sums to zero, and the moves that keep the lines are those whose signed steps sum to zero
// along every line. Certificates are +1/-1 steps of hidden cells, each within its marker's bounds:
// - one dimension: two hidden cells of the line, one up, one down;
// - two dimensions: an alternating cycle of hidden cells (row, column, row…), found by a breadth-first
//   search where a cell is an arc row→column when it may step up and column→row when it may step down.
//   The table with its margins is a flow network (rows and columns the nodes, cells the arcs), so this is
//   exact: a cell without such a cycle is pinned (the residual-graph theorem);
// - three dimensions: such a cycle in two dimensions, stepped one way in the cell's layer and the other
//   way in a second layer of the third dimension (each of the three orientations, each second layer).
//   That is not every move, so a three-way cell left without one goes to the linear programme
//   (audit-lp.ts), which decides as the audit always has, within the time budget.
// A certificate moves every cell on it, so it clears all of them at once; and hiding more cells only
// adds answers, so a cell cleared stays cleared while suppression hides more.

export class TableAudit {
  private readonly ext: number[];
  private readonly strides: number[];
  private readonly grid: TableCell[];
  private readonly at = new Map<TableCell, number>();
  /** Per grid index: may the signed value step up (bit 1) or down (bit 2). */
  private readonly moves: Uint8Array;
  private readonly signs: Int8Array;
  private readonly cleared = new Set<TableCell>();
  /** Three-way cells sent to the linear programme, and those it cleared (for the bench and the tests). */
  readonly stats = { programmes: 0, clearedByProgramme: 0 };

  constructor(
    private readonly table: CrossTable,
    private readonly n: number,
    private readonly deadline = Infinity,
  ) {
    this.ext = table.sizes.map((s) => s + 1);
    this.strides = this.ext.map((_, d) => this.ext.slice(d + 1).reduce((a, b) => a * b, 1));
    const size = this.ext.reduce((a, b) => a * b, 1);
    this.grid = Array.from<TableCell>({ length: size });
    this.moves = new Uint8Array(size);
    this.signs = new Int8Array(size);
    for (const cell of table.cells.values()) {
      let i = 0;
      let margins = 0;
      cell.coords.forEach((c, d) => {
        i += (c === null ? table.sizes[d] : c) * this.strides[d];
        if (c === null) margins++;
      });
      this.grid[i] = cell;
      this.at.set(cell, i);
      this.signs[i] = margins % 2 === 0 ? 1 : -1;
    }
  }

  /** The hidden cells nothing published clears, in the table's order. */
  exposed(): TableCell[] {
    this.grid.forEach((cell, i) => (this.moves[i] = this.stepsOf(cell, this.signs[i])));
    const open = [...this.table.cells.values()].filter((c) => c.reason && !this.cleared.has(c));
    for (const cell of open) {
      if (this.cleared.has(cell)) continue;
      if (Date.now() > this.deadline) throw new AuditBudgetExceeded();
      const moved = this.certificate(this.at.get(cell)!, 1) ?? this.certificate(this.at.get(cell)!, -1);
      if (moved) for (const i of moved) this.cleared.add(this.grid[i]);
    }
    const left = open.filter((c) => !this.cleared.has(c));
    // One and two dimensions: the search is exact, what it leaves is pinned.
    if (this.table.sizes.length < 3 || left.length === 0) return left;
    this.stats.programmes += left.length;
    const pinned = pinnedByRelaxation(this.table, this.n, left, this.deadline);
    for (const c of left) {
      if (pinned.includes(c)) continue;
      this.cleared.add(c);
      this.stats.clearedByProgramme++;
    }
    return pinned;
  }

  // Bit 1: the signed value may step up by one within the marker's bounds; bit 2: down.
  private stepsOf(cell: TableCell, sign: number): number {
    if (!cell.reason) return 0;
    const ok = (next: number) =>
      cell.reason === 'primary' ? next >= 1 && next <= this.n - 1 : next >= this.n;
    return (ok(cell.value + sign) ? 1 : 0) | (ok(cell.value - sign) ? 2 : 0);
  }

  private may(i: number, step: number): boolean {
    return (this.moves[i] & (step > 0 ? 1 : 2)) !== 0;
  }

  // The grid indexes of a move stepping this cell's signed value by `step`, or undefined.
  private certificate(origin: number, step: number): number[] | undefined {
    if (!this.may(origin, step)) return undefined;
    const dims = this.ext.length;
    if (dims === 1) {
      for (let i = 0; i < this.ext[0]; i++) {
        if (i !== origin && this.may(i, -step)) return [origin, i];
      }
      return undefined;
    }
    if (dims === 2) return this.cycle(origin, step, 0, 1, 0);
    for (const layerDim of [2, 0, 1]) {
      const [a, b] = [0, 1, 2].filter((d) => d !== layerDim);
      const stride = this.strides[layerDim];
      const own = Math.floor(origin / stride) % this.ext[layerDim];
      for (let layer = 0; layer < this.ext[layerDim]; layer++) {
        if (layer === own) continue;
        const moved = this.cycle(origin, step, a, b, (layer - own) * stride);
        if (moved) return moved;
      }
    }
    return undefined;
  }

  // An alternating cycle through the cell in the plane of dimensions a and b. With a second layer
  // (offset ≠ 0), each position of the cycle is two cells: the one in the cell's layer steps with the
  // cycle, the one at the offset against it.
  private cycle(origin: number, step: number, a: number, b: number, offset: number): number[] | undefined {
    const [sa, sb] = [this.strides[a], this.strides[b]];
    const i0 = Math.floor(origin / sa) % this.ext[a];
    const j0 = Math.floor(origin / sb) % this.ext[b];
    const base = origin - i0 * sa - j0 * sb;
    const here = (i: number, j: number) => base + i * sa + j * sb;
    // A position may step +1 (arc a→b) or -1 (arc b→a).
    const may = (i: number, j: number, s: number): boolean => {
      const h = here(i, j);
      return this.may(h, s) && (offset === 0 || this.may(h + offset, -s));
    };
    if (!may(i0, j0, step)) return undefined;
    // Stepping +1 the cell is the arc i0→j0: close the cycle with a path j0 ⇝ i0; stepping -1, i0 ⇝ j0.
    // Nodes: a's indexes as 0..A-1, b's as A..A+B-1.
    const A = this.ext[a];
    const B = this.ext[b];
    const start = step > 0 ? A + j0 : i0;
    const goal = step > 0 ? i0 : A + j0;
    const parent = new Int32Array(A + B).fill(-1);
    parent[start] = start;
    const queue = [start];
    for (let q = 0; q < queue.length && parent[goal] < 0; q++) {
      const u = queue[q];
      if (u < A) {
        for (let j = 0; j < B; j++) {
          if (parent[A + j] >= 0 || (u === i0 && j === j0) || !may(u, j, 1)) continue;
          parent[A + j] = u;
          queue.push(A + j);
        }
      } else {
        for (let i = 0; i < A; i++) {
          if (parent[i] >= 0 || (i === i0 && u - A === j0) || !may(i, u - A, -1)) continue;
          parent[i] = u;
          queue.push(i);
        }
      }
    }
    if (parent[goal] < 0) return undefined;
    const positions = [here(i0, j0)];
    for (let v = goal; v !== start; v = parent[v]) {
      const u = parent[v];
      positions.push(u < A ? here(u, v - A) : here(v, u - A));
    }
    return offset === 0 ? positions : [...positions, ...positions.map((p) => p + offset)];
  }
}
