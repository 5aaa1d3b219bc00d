import { Command, CommandRunner, Option } from 'nest-commander';
import { FoiReportService } from '../foi-reports/foi-report.service.js';
import type { FoiRequestInput } from '../foi-reports/foi-request.js';
import { foiOutputFormat, WINDOW_FLAGS, writeFoiAnswer } from './foi-output.js';

interface FoiReportOptions {
  period?: string;
  from?: string;
  to?: string;
  year?: string;
  referenceDate?: string;
  scopeOn?: string;
  suppressBelow?: string;
  deviceType?: string[];
  deviceFamily?: string[];
  requestReference?: string;
  receivedOn?: string;
  respondedOn?: string;
  format?: string;
  out?: string;
}

const FLAGS: Record<string, string> = {
  ...WINDOW_FLAGS,
  requestReference: '--request-reference',
  receivedOn: '--received-on',
  respondedOn: '--responded-on',
  scopeOn: '--scope-on',
};

// The same service as GET /api/foi/report(.xlsx), so the file is the workbook the API serves.
@Command({
  name: 'foi:report',
  description: 'Answer the FOI questions for a window: JSON to stdout, or a workbook with --out foi.xlsx',
})
export class FoiReportCommand extends CommandRunner {
  constructor(private readonly reports: FoiReportService) {
    super();
  }

  async run(_params: string[], options: FoiReportOptions): Promise<void> {
    const format = foiOutputFormat(options);
    const input: FoiRequestInput = {
      deviceType: options.deviceType,
      deviceFamily: options.deviceFamily,
      requestReference: options.requestReference,
      receivedOn: options.receivedOn,
      respondedOn: options.respondedOn,
      period: options.period,
      from: options.from,
      to: options.to,
      year: options.year,
      referenceDate: options.referenceDate,
      scopeOn: options.scopeOn,
      suppressBelow: options.suppressBelow,
    };
    await writeFoiAnswer(format, options.out, {
      json: () => this.reports.report(input),
      workbook: async () => {
        const file = await this.reports.workbook(input);
        return { content: file.content, summary: `${file.report.q1.total} devices; ${file.fileName}` };
      },
      flagOf: (field) => FLAGS[field],
    });
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

  @Option({
    flags: '--scope-on <date>',
    description: 'date Q4 reads the scope register on (default --responded-on)',
  })
  parseScopeOn(value: string): string {
    return value;
  }

  @Option({ flags: '--suppress-below <n>', description: 'show counts 1..n-1 as <n (0: off)' })
  parseSuppressBelow(value: string): string {
    return value;
  }

  @Option({
    flags: '--device-type <code>',
    description: 'device type code (repeatable, comma list, or ALL; default SMART_PLUG)',
  })
  parseDeviceType(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({
    flags: '--device-family <code>',
    description: 'device family code, e.g. SMART_PLUG = smart plugs with or without energy monitoring',
  })
  parseDeviceFamily(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--request-reference <ref>', description: 'the FOI request answered (cover, footers)' })
  parseRequestReference(value: string): string {
    return value;
  }

  @Option({ flags: '--received-on <date>', description: 'date the request was received (YYYY-MM-DD)' })
  parseReceivedOn(value: string): string {
    return value;
  }

  @Option({
    flags: '--responded-on <date>',
    description: 'date of the response (default today; Q4 is answered on it)',
  })
  parseRespondedOn(value: string): string {
    return value;
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
