// The one rule for "progressed to court" (DESIGN.md, court-outcomes.json progressedToCourtRule):
// outcome 1 or 1A is a charge, summons or postal requisition; any court stage but NOT_CHARGED is court.
export const COURT_OUTCOMES: readonly string[] = ['1', '1A'];

export function progressedToCourt(policeOutcome: string | null, courtStage: string | null): boolean {
  if (policeOutcome !== null && COURT_OUTCOMES.includes(policeOutcome)) return true;
  return courtStage !== null && courtStage !== 'NOT_CHARGED';
}

// Not finished at court: progressed, and no final court result recorded yet (FOI Q3's "awaiting
// result" row; custody disposal needs confirmation meanwhile).
export function awaitingCourtResult(progressed: boolean | null, courtResult: string | null): boolean {
  return progressed === true && courtResult === null;
}
