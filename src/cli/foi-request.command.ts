import { writeFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DomainError } from '../common/errors.js';
import { CreateFoiRequestDto, type FoiRequestListQueryDto } from '../foi-requests/dto/foi-request.dto.js';
import { FoiAnswersService } from '../foi-requests/foi-answers.service.js';
import { FoiLogService } from '../foi-requests/foi-log.service.js';
import { FoiRequestsService } from '../foi-requests/foi-requests.service.js';
import { addWorkingDays } from '../foi-requests/working-days.js';
import { CliError } from './cli-error.js';

interface FoiRequestOptions {
  reference?: string;
  receivedOn?: string;
  channel?: string;
  requesterType?: string;
  title?: string;
  question?: string[];
  status?: string;
  year?: string;
  out?: string;
}

const USAGE =
  'foi:request create --reference R --received-on YYYY-MM-DD --channel EMAIL --question "…" [--question …]\n' +
  '  | list [--status OPEN] | due --received-on YYYY-MM-DD | statistics --year YYYY\n' +
  '  | answer <id> --out answer.xlsx | disclosure-log [--year YYYY] --out log.csv';

// The request log from a script: the same services as /api/foi/requests (recorded with no user, as
// the command line has none).
@Command({ name: 'foi:request', arguments: '<action> [id]', description: `The FOI request log: ${USAGE}` })
export class FoiRequestCommand extends CommandRunner {
  constructor(
    private readonly requests: FoiRequestsService,
    private readonly answers: FoiAnswersService,
    private readonly log: FoiLogService,
  ) {
    super();
  }

  async run([action, id]: string[], options: FoiRequestOptions): Promise<void> {
    try {
      await this.act(action, id, options);
    } catch (error) {
      if (error instanceof DomainError) {
        const details = error.errors.map((e) => `${e.field}: ${e.message}`);
        throw new CliError(details.length > 0 ? details.join('\n') : error.message);
      }
      throw error;
    }
  }

  private async act(action: string, id: string | undefined, options: FoiRequestOptions): Promise<void> {
    const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    switch (action) {
      case 'create': {
        const dto = plainToInstance(CreateFoiRequestDto, {
          reference: options.reference,
          receivedOn: options.receivedOn,
          channel: options.channel,
          requesterType: options.requesterType,
          title: options.title,
          questions: (options.question ?? []).map((text) => ({ text })),
        });
        const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
        if (errors.length > 0) {
          throw new CliError(
            errors
              .map((e) => `--${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'}`)
              .join('\n'),
          );
        }
        const created = await this.requests.create(dto, null);
        print({ id: created.id, reference: created.reference, dueOn: created.dueOn, status: created.status });
        return;
      }
      case 'list': {
        const page = await this.requests.list({
          limit: 200,
          offset: 0,
          status: options.status,
        } as FoiRequestListQueryDto);
        for (const r of page.items) {
          const left =
            r.daysLeft === null
              ? ''
              : r.daysLeft < 0
                ? `${-r.daysLeft} working days OVERDUE`
                : `${r.daysLeft} working days left`;
          process.stdout.write(`${r.reference}\t${r.status}\tdue ${r.dueOn ?? '-'}\t${left}\n`);
        }
        return;
      }
      case 'due': {
        if (!options.receivedOn) throw new CliError('--received-on YYYY-MM-DD is required');
        this.requests.assertDate('receivedOn', options.receivedOn);
        process.stdout.write(`${addWorkingDays(options.receivedOn, 20, this.requests.calendar())}\n`);
        return;
      }
      case 'statistics': {
        if (!options.year || !/^\d{4}$/.test(options.year)) throw new CliError('--year YYYY is required');
        print(await this.log.statistics(Number(options.year)));
        return;
      }
      case 'answer': {
        if (!id || !options.out) throw new CliError('usage: foi:request answer <id> --out answer.xlsx');
        const answer = await this.answers.answer(id);
        writeFileSync(options.out, Buffer.from(answer.workbook, 'base64'));
        process.stdout.write(
          `Wrote ${options.out} (${answer.fileName}, as released on ${answer.respondedOn})\n`,
        );
        return;
      }
      case 'disclosure-log': {
        if (!options.out) throw new CliError('--out log.csv or log.xlsx is required');
        const year = options.year ? Number(options.year) : undefined;
        writeFileSync(
          options.out,
          options.out.endsWith('.xlsx')
            ? await this.log.disclosureXlsx(year)
            : await this.log.disclosureCsv(year),
        );
        process.stdout.write(`Wrote ${options.out}\n`);
        return;
      }
      default:
        throw new CliError(`unknown action ${JSON.stringify(action)}; use ${USAGE}`);
    }
  }

  @Option({ flags: '--reference <ref>', description: 'the request reference' })
  parseReference(value: string): string {
    return value;
  }

  @Option({ flags: '--received-on <date>', description: 'local date of receipt' })
  parseReceivedOn(value: string): string {
    return value;
  }

  @Option({ flags: '--channel <channel>', description: 'EMAIL, WEB_FORM, POST, …' })
  parseChannel(value: string): string {
    return value;
  }

  @Option({ flags: '--requester-type <type>', description: 'for statistics only: PUBLIC, MEDIA, …' })
  parseRequesterType(value: string): string {
    return value;
  }

  @Option({ flags: '--title <title>', description: 'title for the disclosure log' })
  parseTitle(value: string): string {
    return value;
  }

  @Option({ flags: '--question <text>', description: 'a question (repeat for each)' })
  parseQuestion(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--status <status>', description: 'list only this status' })
  parseStatus(value: string): string {
    return value;
  }

  @Option({ flags: '--year <year>', description: 'calendar year' })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <file>', description: 'file to write' })
  parseOut(value: string): string {
    return value;
  }
}
