import { Global, Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { appConfig } from '../config/app.config.js';
import { TOKEN_LIFETIME, type TokenLifetime } from '../auth/token-lifetime.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { DenialAudit } from './denial-audit.js';
import { createRequestLogger, REQUEST_LOGGER } from './request-logging.js';
import { securityConfig } from './security.config.js';

// Structured logs (pino: one line per request, see registerSecurity()), the failed-authentication
// limiter used by registerSecurity().
@Global()
@Module({
  imports: [ConfigModule.forFeature(securityConfig)],
  providers: [
    DenialAudit,
    {
      provide: REQUEST_LOGGER,
      inject: [appConfig.KEY],
      useFactory: (settings: ConfigType<typeof appConfig>) => createRequestLogger(settings.logLevel),
    },
    {
      provide: AuthFailureLimiter,
      inject: [securityConfig.KEY],
      useFactory: (settings: ConfigType<typeof securityConfig>) =>
        new AuthFailureLimiter(settings.authFailuresPerWindow, settings.authFailureWindowMs),
    },
    {
      provide: TOKEN_LIFETIME,
      inject: [securityConfig.KEY],
      useFactory: (settings: ConfigType<typeof securityConfig>): TokenLifetime => ({
        defaultDays: settings.tokenLifetimeDays,
        maxDays: settings.tokenMaxLifetimeDays,
      }),
    },
  ],
  exports: [AuthFailureLimiter, DenialAudit, REQUEST_LOGGER, TOKEN_LIFETIME],
})
export class SecurityModule {}
