import { ProblemDetailsFilter } from '../common/problem-details.filter.js';
import type { ProblemDetails } from '../common/problem-details.js';

// The GOV.UK error summary and inline messages, built from the same RFC 9457 problem the API would
// answer for the same input. labels maps API field names to the form's labels; ids maps a field to
// the id of its input when it is not the field name (a date input's day box).
export interface FormErrors {
  status: number;
  summary: { text: string; href?: string }[];
  byField: Record<string, string>;
}

const filter = new ProblemDetailsFilter();

export function problemOf(error: unknown): ProblemDetails {
  return filter.toProblem(error);
}

// Client errors become form errors; anything else (a bug, the database down) is thrown on.
export function formErrors(
  error: unknown,
  labels: Record<string, string>,
  ids: Record<string, string> = {},
): FormErrors {
  const problem = problemOf(error);
  if (problem.status >= 500) throw error;
  const byField: Record<string, string> = {};
  const summary: FormErrors['summary'] = [];
  for (const { field, message } of problem.errors ?? []) {
    const top = field.split('.')[0];
    const label = labels[field] ?? labels[top];
    const text = label ? withLabel(message, field, label) : message;
    const key = label ? (labels[field] ? field : top) : '';
    if (key && !byField[key]) {
      byField[key] = text;
      summary.push({ text, href: `#${ids[key] ?? key}` });
    } else if (!key) {
      summary.push({ text });
    }
  }
  if (summary.length === 0) summary.push({ text: problem.detail });
  return { status: problem.status, summary, byField };
}

// "exhibitRef must match …" → "Exhibit reference must match …"; a message that does not start with
// the field's name gets the label in front.
function withLabel(message: string, field: string, label: string): string {
  for (const name of [field, field.split('.').pop() ?? field]) {
    if (message.startsWith(`${name} `)) return `${label} ${message.slice(name.length + 1)}`;
  }
  if (message.toLowerCase().startsWith(label.toLowerCase())) return message;
  return `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

export function singleError(field: string, text: string): FormErrors {
  return { status: 400, summary: [{ text, href: `#${field}` }], byField: { [field]: text } };
}
