import { writeFileSync } from 'node:fs';
import { ValidationFailedError } from '../common/errors.js';
import { CliError } from './cli-error.js';

// What foi:report and foi:counts share: the output format (JSON to stdout or a file, or a workbook), the
// writing, and a 400 from the service turned into the flags the user typed.

export type FoiOutputFormat = 'json' | 'xlsx';

export interface FoiOutputOptions {
  format?: string;
  out?: string;
}

/** Flags whose name is not the request field's in kebab case alone (both commands take them). */
export const WINDOW_FLAGS: Readonly<Record<string, string>> = {
  deviceType: '--device-type',
  deviceFamily: '--device-family',
  referenceDate: '--reference-date',
  suppressBelow: '--suppress-below',
};

/** --format, or from --out's extension (.json or none: JSON); checked before anything runs. */
export function foiOutputFormat(options: FoiOutputOptions): FoiOutputFormat {
  const format = options.format ?? (options.out && !options.out.endsWith('.json') ? 'xlsx' : 'json');
  if (format !== 'json' && format !== 'xlsx') throw new CliError('--format must be json or xlsx');
  if (format === 'xlsx' && !options.out) throw new CliError('--format xlsx needs --out <file.xlsx>');
  return format;
}

export interface FoiAnswerWriters {
  json(): Promise<unknown>;
  /** The workbook's bytes and a few words for the "Wrote …" line. */
  workbook(): Promise<{ content: Buffer; summary: string }>;
  /** The flag that sets a request field named in a 400, e.g. deviceType → --device-type. */
  flagOf(field: string): string | undefined;
}

export async function writeFoiAnswer(
  format: FoiOutputFormat,
  out: string | undefined,
  writers: FoiAnswerWriters,
): Promise<void> {
  try {
    if (format === 'json') {
      const json = `${JSON.stringify(await writers.json(), null, 2)}\n`;
      if (out) writeFileSync(out, json);
      else process.stdout.write(json);
      return;
    }
    const file = await writers.workbook();
    writeFileSync(out as string, file.content);
    process.stdout.write(`Wrote ${out} (${file.summary})\n`);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const lines = error.errors.map((e) => `${writers.flagOf(e.field) ?? `--${e.field}`}: ${e.message}`);
    throw new CliError(lines.join('\n'));
  }
}
