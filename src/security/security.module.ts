import { Global, Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { appConfig } from '../config/app.config.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { requestLoggingOptions } from './request-logging.js';
import { securityConfig } from './security.config.js';
import { SqliteWriteTransactions } from './sqlite-write-transactions.js';

// Structured request logs (nestjs-pino), the failed-authentication limiter used by registerSecurity(),
// and SQLite transactions that take the write lock as they start.
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(securityConfig),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (settings: ConfigType<typeof appConfig>) => ({
        pinoHttp: requestLoggingOptions(settings.logLevel),
      }),
    }),
  ],
  providers: [
    SqliteWriteTransactions,
    {
      provide: AuthFailureLimiter,
      inject: [securityConfig.KEY],
      useFactory: (settings: ConfigType<typeof securityConfig>) =>
        new AuthFailureLimiter(settings.authFailuresPerWindow, settings.authFailureWindowMs),
    },
  ],
  exports: [AuthFailureLimiter],
})
export class SecurityModule {}
