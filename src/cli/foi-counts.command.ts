import { Command, CommandRunner, Option } from 'nest-commander';
import { FoiCountsService } from '../foi-counts/foi-counts.service.js';
import { CliError } from './cli-error.js';
import { foiOutputFormat, WINDOW_FLAGS, writeFoiAnswer } from './foi-output.js';

interface FoiCountsOptions {
  measure?: string;
  by?: string;
  filter?: string[];
  dateBasis?: string;
  period?: string;
  from?: string;
  to?: string;
  year?: string;
  referenceDate?: string;
  suppressBelow?: string;
  deviceType?: string[];
  deviceFamily?: string[];
  format?: string;
  out?: string;
}

const FLAGS: Record<string, string> = { ...WINDOW_FLAGS, dateBasis: '--date-basis' };

// The same service as GET /api/foi/counts(.xlsx), so the file is the workbook the API serves.
@Command({
  name: 'foi:counts',
  description:
    'Count devices, cases or examinations by up to three dimensions (see GET /api/foi/dimensions): JSON to ' +
    'stdout, or a workbook with --out counts.xlsx',
})
export class FoiCountsCommand extends CommandRunner {
  constructor(private readonly counts: FoiCountsService) {
    super();
  }

  async run(_params: string[], options: FoiCountsOptions): Promise<void> {
    const format = foiOutputFormat(options);
    const query: Record<string, unknown> = {};
    const keys = [
      'measure',
      'by',
      'dateBasis',
      'period',
      'from',
      'to',
      'year',
      'referenceDate',
      'suppressBelow',
    ];
    for (const key of [...keys, 'deviceType', 'deviceFamily'] as const) {
      const value = options[key as keyof FoiCountsOptions];
      if (value !== undefined) query[key] = value;
    }
    for (const filter of options.filter ?? []) {
      const match = /^([^=]+)=(.+)$/.exec(filter);
      if (!match)
        throw new CliError(`--filter: give <dimension>=<code>[,<code>…], not ${JSON.stringify(filter)}`);
      const name = `filter[${match[1].trim()}]`;
      query[name] = [...((query[name] as string[] | undefined) ?? []), match[2]];
    }
    await writeFoiAnswer(format, options.out, {
      json: () => this.counts.counts(query),
      workbook: async () => {
        const file = await this.counts.workbook(query);
        return { content: file.content, summary: `total ${file.counts.total}; ${file.fileName}` };
      },
      flagOf: (field) => {
        const filter = /^filter\[(.*)\]$/.exec(field);
        return filter ? `--filter ${filter[1]}=…` : FLAGS[field];
      },
    });
  }

  @Option({ flags: '--measure <measure>', description: 'devices (default), cases or examinations' })
  parseMeasure(value: string): string {
    return value;
  }

  @Option({ flags: '--by <dimensions>', description: 'up to three dimensions, comma-separated' })
  parseBy(value: string): string {
    return value;
  }

  @Option({
    flags: '--filter <dimension=codes>',
    description: 'keep only these codes of a dimension (repeatable), e.g. --filter offenceGroup=DRUG',
  })
  parseFilter(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({
    flags: '--date-basis <field>',
    description: 'examinations: requestedAt, startedAt (default), completedAt',
  })
  parseDateBasis(value: string): string {
    return value;
  }

  @Option({ flags: '--period <period>', description: 'last-12-months, financial-year or calendar-year' })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '--from <date>', description: 'first local date, inclusive (YYYY-MM-DD)' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <date>', description: 'local date after the window, exclusive (YYYY-MM-DD)' })
  parseTo(value: string): string {
    return value;
  }

  @Option({ flags: '--year <year>', description: 'year for financial-year or calendar-year' })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '--reference-date <date>', description: 'for last-12-months (default today)' })
  parseReferenceDate(value: string): string {
    return value;
  }

  @Option({ flags: '--suppress-below <n>', description: 'show counts 1..n-1 as <n (0: off)' })
  parseSuppressBelow(value: string): string {
    return value;
  }

  @Option({
    flags: '--device-type <code>',
    description: 'device type code (repeatable, comma list; default ALL)',
  })
  parseDeviceType(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--device-family <code>', description: 'device family code (repeatable)' })
  parseDeviceFamily(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--format <format>', description: 'json or xlsx (default: from --out, else json)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <file>', description: 'write to this file (JSON goes to stdout without it)' })
  parseOut(value: string): string {
    return value;
  }
}
