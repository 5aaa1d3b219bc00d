import fc from 'fast-check';
import { solve } from 'yalps';
import { buildCrossTable, type CrossTable, innerCoords, key } from './cross-table.js';
import { protectGroups } from '../foi-reports/suppression.js';
import { recoverableCells, suppressTable } from './table-suppression.js';

// What a requester sees of a table: each cell's number, or its marker.
type Published = Map<string, number | 'primary' | 'secondary'>;

function publish(table: CrossTable): Published {
  const out: Published = new Map();
  for (const [k, cell] of table.cells) out.set(k, cell.reason ?? cell.value);
  return out;
}

// The attacker, written apart from the suppression code: every line of the published table (a dimension
// running over its codes, the others fixed, sums to the cell with that dimension as "all") as integer
// equations over the hidden cells, each hidden cell bounded by what its marker allows (a primary one is
// 1..N-1, a secondary one at least N); for every hidden cell the least and greatest value it can take.
// Returns the hidden cells recovered exactly.
function attack(sizes: number[], published: Published, n: number, withheld = false): string[] {
  const hidden = [...published].filter(([, v]) => typeof v === 'string').map(([k]) => k);
  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = Object.fromEntries(hidden.map((k) => [k, {}]));
  let line = 0;
  for (const [k] of published) {
    const coords = k.split(',');
    coords.forEach((c, dim) => {
      if (c !== '*') return;
      const name = `line${line++}`;
      let value = 0;
      const add = (cellKey: string, coefficient: number) => {
        const v = published.get(cellKey)!;
        if (typeof v === 'number') value -= coefficient * v;
        else variables[cellKey][name] = (variables[cellKey][name] ?? 0) + coefficient;
      };
      for (let i = 0; i < sizes[dim]; i++)
        add(coords.map((x, d) => (d === dim ? String(i) : x)).join(','), 1);
      add(k, -1);
      constraints[name] = { equal: value };
    });
  }
  for (const k of hidden) {
    variables[k][`bound:${k}`] = 1;
    // A table withheld whole hides zeros and small counts alike: then a cell is only known to be >= 0.
    constraints[`bound:${k}`] = withheld
      ? { min: 0 }
      : published.get(k) === 'primary'
        ? { min: 1, max: n - 1 }
        : { min: n };
  }
  const recovered: string[] = [];
  for (const k of hidden) {
    const solveFor = (direction: 'minimize' | 'maximize') => {
      const objective = Object.fromEntries(
        hidden.map((h) => [h, { ...variables[h], target: h === k ? 1 : 0 }]),
      );
      const s = solve({ direction, objective: 'target', constraints, variables: objective, integers: true });
      if (s.status === 'unbounded') return direction === 'maximize' ? Infinity : -Infinity;
      expect(s.status).toBe('optimal');
      return Math.round(s.result);
    };
    if (solveFor('minimize') === solveFor('maximize')) recovered.push(k);
  }
  return recovered;
}

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 4, arbitrary: fc.integer({ min: 5, max: 40 }) },
);

const tables = fc
  .tuple(
    fc.integer({ min: 3, max: 5 }),
    fc.oneof(
      fc.tuple(fc.integer({ min: 2, max: 5 })),
      fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 })),
      fc.tuple(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
      ),
    ),
  )
  .chain(([n, sizes]) =>
    fc
      .array(count, {
        minLength: sizes.reduce((a, b) => a * b, 1),
        maxLength: sizes.reduce((a, b) => a * b, 1),
      })
      .map((values) => ({ n, sizes: [...sizes], values })),
  );

function tableOf(sizes: number[], values: number[]): CrossTable {
  const inner = new Map<string, number>();
  innerCoords(sizes).forEach((coords, i) => inner.set(key(coords), values[i]));
  return buildCrossTable(sizes, inner);
}

describe('suppression across a cross-tab', () => {
  it('builds every margin as the sum of its line', () => {
    const table = tableOf([2, 3], [1, 2, 3, 4, 5, 6]);
    expect(table.cells.get('*,*')!.value).toBe(21);
    expect(table.cells.get('0,*')!.value).toBe(6);
    expect(table.cells.get('*,2')!.value).toBe(9);
    // rows, columns and the two lines of margins
    expect(table.groups).toHaveLength(2 + 3 + 2);
  });

  it('hides the small counts and enough others that a 2x2 cannot be solved', () => {
    const table = tableOf([2, 2], [3, 20, 30, 40]);
    suppressTable(table, 5);
    const published = publish(table);
    expect(published.get('0,0')).toBe('primary');
    // 3 alone in its row and column: the other three inner cells go too (a 2x2 hides all four)
    expect(['0,1', '1,0', '1,1'].map((k) => published.get(k))).toEqual([
      'secondary',
      'secondary',
      'secondary',
    ]);
    expect(attack([2, 2], published, 5)).toEqual([]);
  });

  it('answers "fewer than N" alone when the grand total is below N', () => {
    const table = tableOf([2, 2], [1, 0, 2, 0]);
    expect(suppressTable(table, 5)).toEqual({ fewerThan: true, withheld: false });
  });

  it('withholds the body of a table whose small lines give their cells away by the bounds alone', () => {
    // N=3: each row "<3" holds two "<3" cells, each at least 1: both would be 1.
    const table = tableOf([2, 2], [1, 1, 1, 1]);
    expect(suppressTable(table, 3)).toEqual({ fewerThan: false, withheld: true });
    const published = publish(table);
    expect(published.get('*,*')).toBe(4);
    expect(attack([2, 2], published, 3, true)).toEqual([]);
  });

  it('changes nothing when suppression is off', () => {
    const table = tableOf([2, 2], [1, 0, 2, 7]);
    suppressTable(table, 0);
    expect([...table.cells.values()].some((c) => c.reason)).toBe(false);
  });

  it('never lets an attacker solving the published margins recover a hidden cell (1 to 3 dimensions)', () => {
    fc.assert(
      fc.property(tables, ({ n, sizes, values }) => {
        const table = tableOf(sizes, values);
        const { fewerThan, withheld } = suppressTable(table, n);
        const total = table.cells.get(sizes.map(() => '*').join(','))!.value;
        if (fewerThan) {
          expect(total).toBeGreaterThanOrEqual(1);
          expect(total).toBeLessThan(n);
          return;
        }
        const published = publish(table);
        if (withheld) {
          expect([...published.values()].filter((v) => typeof v === 'number')).toEqual([total]);
          expect(attack(sizes, published, n, true)).toEqual([]);
          return;
        }
        for (const cell of table.cells.values()) {
          // every small count hidden as primary, zeros and secondary cells never below N
          if (cell.value >= 1 && cell.value < n) expect(cell.reason).toBe('primary');
          if (cell.reason === 'secondary') expect(cell.value).toBeGreaterThanOrEqual(n);
          if (cell.value === 0) expect(cell.reason).toBeUndefined();
        }
        expect(attack(sizes, published, n)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  }, 120_000);
  it('finds exactly the cells the attacker recovers, in one and two dimensions (cycles in the margins network)', () => {
    const flat = fc
      .tuple(
        fc.integer({ min: 3, max: 5 }),
        fc.oneof(
          fc.tuple(fc.integer({ min: 2, max: 6 })),
          fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })),
        ),
      )
      .chain(([n, sizes]) =>
        fc
          .array(count, {
            minLength: sizes.reduce((a, b) => a * b, 1),
            maxLength: sizes.reduce((a, b) => a * b, 1),
          })
          .map((values) => ({ n, sizes: [...sizes], values })),
      );
    fc.assert(
      fc.property(flat, ({ n, sizes, values }) => {
        const table = tableOf(sizes, values);
        for (const cell of table.cells.values())
          if (cell.value >= 1 && cell.value < n) cell.reason = 'primary';
        // Line by line only: cells the whole-table step has not protected yet are left for the audit.
        protectGroups(table.groups, n);
        const found = recoverableCells(table, n)
          .map((c) => key(c.coords))
          .sort();
        expect(found).toEqual(attack(sizes, publish(table), n).sort());
      }),
      { numRuns: 200, seed: 20261203 },
    );
  }, 120_000);
});
