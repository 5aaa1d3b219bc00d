import { Command, CommandRunner, Option } from 'nest-commander';
import { Role, ROLES } from '../auth/role.enum.js';
import { UsersService } from '../auth/users.service.js';
import { ValidationFailedError } from '../common/errors.js';
import { CredentialsService } from '../sign-in/credentials.service.js';
import { passwordProblems, usernameProblems } from '../sign-in/passwords.js';
import { CliError } from './cli-error.js';
import { readFirstLine } from './read-stdin.js';

interface UserCreateOptions {
  name?: string;
  role?: string;
  expiresInDays?: string;
  username?: string;
  passwordStdin?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Prints the new token alone on the last line of stdout, so scripts can capture it with `tail -n 1`.
@Command({ name: 'user:create', description: 'Create a user with one role and print a new bearer token' })
export class UserCreateCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
  ) {
    super();
  }

  async run(_params: string[], options: UserCreateOptions): Promise<void> {
    const name = options.name?.trim();
    if (!name || name.length > 100) throw new CliError('--name is required (1-100 characters)');
    if (!ROLES.includes(options.role as Role)) {
      throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
    }
    let expiresAt: string | undefined;
    if (options.expiresInDays !== undefined) {
      const days = Number(options.expiresInDays);
      if (!/^\d+$/.test(options.expiresInDays) || days < 1) {
        throw new CliError('--expires-in-days must be a whole number of days, at least 1');
      }
      expiresAt = new Date(Date.now() + days * DAY_MS).toISOString();
    }
    // With --username, the user can also sign in to the pages: the password is read from stdin
    // (--password-stdin), checked before anything is written.
    if (options.passwordStdin && !options.username) throw new CliError('--password-stdin needs --username');
    let password: string | undefined;
    if (options.username) {
      const bad = usernameProblems(options.username);
      if (bad.length > 0) throw new CliError(`--username: ${bad[0].message}`);
      if (await this.credentials.userIdOf(options.username)) {
        throw new CliError('--username: this username is already taken');
      }
      if (!options.passwordStdin) throw new CliError('--username needs --password-stdin (the password on stdin)');
      password = await readFirstLine();
      const weak = passwordProblems(password, options.username);
      if (weak.length > 0) throw new CliError(weak[0].message);
    }
    const created = await this.users
      .create(name, options.role as Role, null, expiresAt)
      .catch((error: unknown) => {
        if (error instanceof ValidationFailedError) {
          throw new CliError(`--expires-in-days: ${error.errors.map((e) => e.message).join('; ')}`);
        }
        throw error;
      });
    if (options.username && password !== undefined) {
      await this.credentials.setPassword(created.user.id, password, null, options.username);
      process.stdout.write(`Username ${options.username.trim().toLowerCase()} can sign in at /sign-in.\n`);
    }
    process.stdout.write(
      `Created user ${created.user.id} with role ${created.user.role}. ` +
        `The token expires at ${created.tokenExpiresAt} and is shown once:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  }

  @Option({ flags: '-n, --name <name>', description: 'display name', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({
    flags: '--expires-in-days <days>',
    description: 'token lifetime in days (default TOKEN_LIFETIME_DAYS, 90; at most TOKEN_MAX_LIFETIME_DAYS)',
  })
  parseExpiresInDays(value: string): string {
    return value;
  }

  @Option({ flags: '-u, --username <username>', description: 'a username for signing in to the pages' })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: 'read the password for --username from stdin' })
  parsePasswordStdin(): boolean {
    return true;
  }

  @Option({ flags: '-r, --role <role>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): string {
    return value;
  }
}
