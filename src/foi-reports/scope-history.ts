// The rows of a scope history (ordered by effectiveFrom) that were in force at some time in the window
// [from, to): the row in force on `from`, and every row that took effect before `to`.
export function historyInWindow<H extends { effectiveFrom: string }>(
  history: readonly H[],
  window: { from: string; to: string },
): H[] {
  return history.filter((row, i) => {
    const next = history[i + 1]?.effectiveFrom;
    return row.effectiveFrom < window.to && (next === undefined || next > window.from);
  });
}
