import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { describeReport } from '../audit/audit-verify.js';
import { CliError } from './cli-error.js';

interface AuditVerifyOptions {
  json?: boolean;
  anchor?: { seq: number; hash: string };
}

// Exit code 0 when the chain is intact, 1 when an event does not match (named on stdout).
@Command({ name: 'audit:verify', description: 'Check the audit hash chain and name the first broken event' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditQueryService) {
    super();
  }

  async run(_params: string[], options: AuditVerifyOptions): Promise<void> {
    const report = await this.audit.verify();
    const anchor = options.anchor ? await this.checkAnchor(options.anchor) : null;
    const message = describeReport(report);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...report, message, ...(anchor ? { anchor } : {}) })}\n`);
    } else {
      process.stdout.write(`${message}\n${anchor ? `${anchor.message}\n` : ''}`);
    }
    if (!report.intact || (anchor && !anchor.ok)) process.exitCode = 1;
  }

  // A head recorded earlier (e.g. printed by a previous run and kept elsewhere) must still be in the
  // chain with the same hash: this catches the chain being cut back or rewritten from that point on.
  private async checkAnchor(anchor: {
    seq: number;
    hash: string;
  }): Promise<{ ok: boolean; message: string }> {
    const stored = await this.audit.hashOf(anchor.seq);
    if (stored === anchor.hash) return { ok: true, message: `Anchor event ${anchor.seq} matches.` };
    return {
      ok: false,
      message: stored
        ? `Anchor MISMATCH: event ${anchor.seq} now has hash ${stored}, not ${anchor.hash}.`
        : `Anchor MISSING: event ${anchor.seq} is no longer in the audit trail.`,
    };
  }

  @Option({
    flags: '--anchor <seq:hash>',
    description: 'also check that event <seq> still has the head hash recorded earlier',
  })
  parseAnchor(value: string): { seq: number; hash: string } {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
    if (!match) throw new CliError('--anchor must be <seq>:<64 hex digits>, e.g. 42:3f9a…');
    return { seq: Number(match[1]), hash: match[2] };
  }

  @Option({ flags: '--json', description: 'print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}
