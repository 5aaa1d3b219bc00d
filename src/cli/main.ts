import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';
import { CliError } from './cli-error.js';

try {
  await CommandFactory.run(CliModule, {
    logger: ['error'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(
        error instanceof CliError ? `${error.message}\n` : `${error.stack ?? error.message}\n`,
      );
      process.exit(error instanceof CliError ? 2 : 1);
    },
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
