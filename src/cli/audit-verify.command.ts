import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { describeReport } from '../audit/audit-verify.js';

interface AuditVerifyOptions {
  json?: boolean;
}

// Exit code 0 when the chain is intact, 1 when an event does not match (named on stdout).
@Command({ name: 'audit:verify', description: 'Check the audit hash chain and name the first broken event' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditQueryService) {
    super();
  }

  async run(_params: string[], options: AuditVerifyOptions): Promise<void> {
    const report = await this.audit.verify();
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ...report, message: describeReport(report) })}\n`
        : `${describeReport(report)}\n`,
    );
    if (!report.intact) process.exitCode = 1;
  }

  @Option({ flags: '--json', description: 'print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}
