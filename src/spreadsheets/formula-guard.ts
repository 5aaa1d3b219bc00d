// A text that a spreadsheet would run as a formula when a CSV is opened (CSV injection) is written
// with a leading apostrophe; the importer takes that apostrophe off again (unguardFormula).
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

// One CSV field: guarded, then quoted when it holds a comma, quote or line break.
export function csvField(value: string): string {
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
