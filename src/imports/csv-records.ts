// RFC 4180 CSV read as a stream: one string[] per record, so a large file never sits in memory.
// Handles quoted fields, doubled quotes, line breaks inside quotes, CRLF/LF/CR and a leading BOM.
// exceljs' own CSV reader builds a whole worksheet and guesses types (US month-first dates, "001" → 1),
// which the importer must not do, hence this small reader.
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let quoteSeen = false; // the previous character was a quote inside a quoted field
  let afterCr = false;
  let first = true;
  let started = false; // the current record has any content

  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (let i = 0; i < chunk.length; i += 1) {
      const ch = chunk[i];
      if (afterCr) {
        afterCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle ch unquoted
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      if (ch === '"' && field === '') {
        quoted = true;
        started = true;
      } else if (ch === ',') {
        record.push(field);
        field = '';
        started = true;
      } else if (ch === '\n' || ch === '\r') {
        afterCr = ch === '\r';
        if (started || field !== '') {
          record.push(field);
          yield record;
        }
        record = [];
        field = '';
        started = false;
      } else {
        field += ch;
        started = true;
      }
    }
  }
  if (quoted && !quoteSeen) throw new Error('the file ends inside a quoted field');
  if (started || field !== '') {
    record.push(field);
    yield record;
  }
}

// A text that a spreadsheet would run as a formula when the CSV is opened (CSV injection) is written
// with a leading apostrophe; the importer takes that apostrophe off again (see unguardFormula).
const FORMULA_START = /^[=+\-@\t\r]/;

// One CSV field: quoted when it holds a comma, quote or line break.
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
