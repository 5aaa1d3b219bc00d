import { existsSync } from 'node:fs';
import { InjectDataSource } from '@nestjs/typeorm';
import cliProgress from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource, IsNull } from 'typeorm';
import { Role } from '../auth/role.enum.js';
import { User } from '../auth/user.entity.js';
import { DeviceImportService } from '../imports/device-import.service.js';
import { writeErrorsWorkbook } from '../imports/errors-workbook.js';
import type { ImportProgress, ImportResult } from '../imports/import-types.js';
import { CliError } from './cli-error.js';

interface ImportDevicesOptions {
  dryRun?: boolean;
  as?: string;
  errorsOut?: string;
}

const ERRORS_SHOWN = 200;

// A progress bar on a terminal (rows read, rows valid, ETA), a plain line every 10,000 rows otherwise.
function progressReporter(): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let shown = 0;
    return {
      update: (p) => {
        if (p.fraction !== 1 && p.rowsRead - shown < 10_000) return;
        shown = p.rowsRead;
        const share = p.fraction === null ? '' : ` (${Math.round(p.fraction * 100)}%)`;
        process.stderr.write(`${p.phase}: ${p.rowsRead} rows read, ${p.rowsValid} valid${share}\n`);
      },
      stop: () => undefined,
    };
  }
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  return {
    update: (p) => {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        const known = p.fraction !== null;
        bar = new cliProgress.SingleBar(
          {
            format: known
              ? `${p.phase.padEnd(8)} |{bar}| {percentage}% | rows read {rowsRead} | valid {rowsValid} | ETA {eta_formatted}`
              : `${p.phase.padEnd(8)} | rows read {rowsRead} | valid {rowsValid} | {duration_formatted}`,
            stream: process.stderr,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0, { rowsRead: 0, rowsValid: 0 });
      }
      bar!.update(Math.round((p.fraction ?? 0) * 1000), { rowsRead: p.rowsRead, rowsValid: p.rowsValid });
    },
    stop: () => bar?.stop(),
  };
}

function printResult(result: ImportResult): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const problem of result.fileErrors) out(`file: ${problem}`);
  for (const e of result.errors.slice(0, ERRORS_SHOWN)) {
    out(`row ${e.row}: ${e.message}${e.value ? ` (the cell holds "${e.value}")` : ''}`);
  }
  if (result.errorCount > ERRORS_SHOWN) {
    out(
      `… and ${result.errorCount - ERRORS_SHOWN} more errors (--errors-out errors.xlsx lists the first ${result.errors.length})`,
    );
  }
  for (const w of result.warnings.slice(0, ERRORS_SHOWN)) out(`warning: row ${w.row}: ${w.message}`);
  if (result.warningCount > ERRORS_SHOWN) out(`… and ${result.warningCount - ERRORS_SHOWN} more warnings`);
  if (result.ignoredColumns.length > 0)
    out(`Read-only columns, ignored: ${result.ignoredColumns.join(', ')}`);
  const created = result.dryRun || !result.accepted ? 'would create' : 'created';
  out(
    `${result.rowsRead} rows read, ${result.rowsValid} valid; cases ${created} ${result.wouldCreate.cases}, already present ` +
      `${result.casesAlreadyPresent}; devices ${created} ${result.wouldCreate.devices}, already present ${result.devicesAlreadyPresent}.`,
  );
  out(result.message);
}

// The same import as POST /api/imports/devices, from a file on disk, attributed to a register user.
@Command({
  name: 'import:devices',
  arguments: '<file>',
  description: 'Import cases and devices from .xlsx or .csv (all or nothing; every error listed)',
})
export class ImportDevicesCommand extends CommandRunner {
  constructor(
    private readonly imports: DeviceImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async run([file]: string[], options: ImportDevicesOptions): Promise<void> {
    if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
    const user = await this.actor(options.as);
    process.stderr.write(`Recording the import as user ${user.id} (${user.role}).\n`);
    const progress = progressReporter();
    const started = process.hrtime.bigint();
    let result: ImportResult;
    try {
      result = await this.imports.importFile(file, {
        dryRun: options.dryRun ?? false,
        actor: { id: user.id, role: user.role },
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    printResult(result);
    const rate = Math.round(result.rowsRead / Math.max(seconds, 0.001));
    process.stderr.write(
      `${seconds.toFixed(1)} s, ${rate} rows/s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
    if (!result.accepted && options.errorsOut) {
      await writeErrorsWorkbook(file, result.format, result, options.errorsOut);
      process.stdout.write(`The rows with an Errors column: ${options.errorsOut}\n`);
    }
    if (!result.accepted) process.exitCode = 1;
  }

  // --as names the user; without it, the register's only active admin (the usual case when moving in).
  private async actor(id: string | undefined): Promise<User> {
    const users = this.dataSource.getRepository(User);
    if (id) {
      const user = await users.findOneBy({ id });
      if (!user || user.disabledAt || ![Role.ExhibitsOfficer, Role.Admin].includes(user.role)) {
        throw new CliError('--as must be the id of an active exhibits_officer or admin user');
      }
      return user;
    }
    const admins = await users.find({ where: { role: Role.Admin, disabledAt: IsNull() }, take: 2 });
    if (admins.length !== 1) {
      throw new CliError(
        '--as <user id> is required: the exhibits officer or admin the records are created by',
      );
    }
    return admins[0];
  }

  @Option({
    flags: '--dry-run',
    description: 'check the whole file and say what would be added; write nothing',
  })
  parseDryRun(): boolean {
    return true;
  }

  @Option({
    flags: '--as <userId>',
    description: 'id of the exhibits officer or admin the records are created by (default: the only admin)',
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({
    flags: '--errors-out <file.xlsx>',
    description: 'when rejected, write the rows with an Errors column',
  })
  parseErrorsOut(value: string): string {
    return value;
  }
}
