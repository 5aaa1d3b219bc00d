import { DEVICE_SHEET_COLUMNS } from './device-columns.js';
import type { RowContext } from './row-values.js';

const CANONICAL = new Map(DEVICE_SHEET_COLUMNS.map((c) => [c.field, c.heading]));
// Field names the API's messages use that are no plain word (exhibitRef, courtResultAt …).
const CAMEL = new RegExp(
  `\\b(${DEVICE_SHEET_COLUMNS.map((c) => c.field)
    .filter((f) => /[A-Z]/.test(f))
    .join('|')})\\b`,
  'g',
);
const CODE_PATH = /a code from \/api\/reference\/([a-z-]+)(?: \(e\.g\. [^)]*\))?/g;
const VERB = /^(must|is|has|needs|should|differs)\b/;
const LABELS_SHOWN = 15;

// The import says what the API says, in the words of the spreadsheet: the column's heading as the file
// writes it for the field's name, the allowed labels (which the import reads, as the template's
// drop-downs offer them) for a reference list's API path.
export class ImportWording {
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly heading: (field: string) => string,
    private readonly ctx: RowContext,
  ) {}

  word(field: string, message: string): string {
    const heading = this.heading(field);
    const text = message
      .replace(CODE_PATH, (_, list: string) => `one of ${this.allowed(list)}`)
      .replace(CAMEL, (name) => this.heading(name));
    for (const lead of [heading, CANONICAL.get(field), field]) {
      if (lead && text.startsWith(`${lead} `)) return heading + text.slice(lead.length);
    }
    return VERB.test(text) ? `${heading} ${text}` : `${heading}: ${text}`;
  }

  private allowed(list: string): string {
    let text = this.labels.get(list);
    if (text === undefined) {
      const items = this.ctx.reference.items(list);
      const shown = items.slice(0, LABELS_SHOWN).map((i) => `'${i.label}'`).join(', ');
      text =
        items.length > LABELS_SHOWN
          ? `${shown} … (${items.length} in all: the template's drop-down lists them)`
          : shown;
      this.labels.set(list, text);
    }
    return text;
  }
}
