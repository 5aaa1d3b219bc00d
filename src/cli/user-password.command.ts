import { Command, CommandRunner, Option } from 'nest-commander';
import { CredentialsService } from '../sign-in/credentials.service.js';
import { CliError } from './cli-error.js';
import { readFirstLine } from './read-stdin.js';

interface UserPasswordOptions {
  username?: string;
  passwordStdin?: boolean;
}

// Sets a new password (read from stdin) for a username; the user's page sessions end at once.
@Command({ name: 'user:password', description: 'Set the password of a username (read from stdin)' })
export class UserPasswordCommand extends CommandRunner {
  constructor(private readonly credentials: CredentialsService) {
    super();
  }

  async run(_params: string[], options: UserPasswordOptions): Promise<void> {
    if (!options.username) throw new CliError('--username is required');
    if (!options.passwordStdin) throw new CliError('--password-stdin is required (the password on stdin)');
    const userId = await this.credentials.userIdOf(options.username);
    if (!userId) throw new CliError('No user has this username');
    const password = await readFirstLine();
    try {
      await this.credentials.setPassword(userId, password, null);
    } catch (error) {
      const errors = (error as { errors?: { message: string }[] }).errors;
      throw new CliError(errors?.[0]?.message ?? (error as Error).message);
    }
    process.stdout.write('Password set; any sessions of this user have ended.\n');
  }

  @Option({ flags: '-u, --username <username>', description: 'the username', required: true })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: 'read the new password from stdin' })
  parsePasswordStdin(): boolean {
    return true;
  }
}
