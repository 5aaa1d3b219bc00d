import { Command, CommandRunner, Option } from 'nest-commander';
import { Role, ROLES } from '../auth/role.enum.js';
import { UsersService } from '../auth/users.service.js';
import { CliError } from './cli-error.js';

interface UserCreateOptions {
  name?: string;
  role?: string;
}

// Prints the new token alone on the last line of stdout, so scripts can capture it with `tail -n 1`.
@Command({ name: 'user:create', description: 'Create a user with one role and print a new bearer token' })
export class UserCreateCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_params: string[], options: UserCreateOptions): Promise<void> {
    const name = options.name?.trim();
    if (!name || name.length > 100) throw new CliError('--name is required (1-100 characters)');
    if (!ROLES.includes(options.role as Role)) {
      throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
    }
    const created = await this.users.create(name, options.role as Role, null);
    process.stdout.write(
      `Created user ${created.user.id} with role ${created.user.role}. The token is shown once:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  }

  @Option({ flags: '-n, --name <name>', description: 'display name', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '-r, --role <role>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): string {
    return value;
  }
}
