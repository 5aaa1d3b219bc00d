import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { newId } from '../common/new-id.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { securityConfig } from './security.config.js';

/** At most this many denial events reach the audit trail an hour, whatever an attacker does. */
export const DENIAL_AUDITS_PER_HOUR = 100;

export interface DeniedRequest {
  client: string;
  route: string;
  reason: string;
  userId?: string;
}

// Repeated denials reach the audit trail: one event each time a threshold is crossed, never one per
// request, so a flood of refused requests cannot flood the chain.
// - auth.lockout: a client address (with one token prefix) just failed AUTH_FAILURES_PER_MINUTE times
//   and is now refused (429) for the rest of the minute. At most one event per address a window.
// - auth.denied-repeatedly: a signed-in user was refused (403) AUTH_FAILURES_PER_MINUTE times in a minute.
// Over DENIAL_AUDITS_PER_HOUR an hour, further crossings are logged only.
@Injectable()
export class DenialAudit {
  private readonly logger = new Logger('Security');
  private readonly forbidden: AuthFailureLimiter;
  private readonly lockedAddresses: AuthFailureLimiter;
  private readonly pending = new Set<Promise<void>>();
  private hour = { events: 0, resetAt: 0 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(securityConfig.KEY) settings: ConfigType<typeof securityConfig>,
  ) {
    this.forbidden = new AuthFailureLimiter(settings.authFailuresPerWindow, settings.authFailureWindowMs);
    this.lockedAddresses = new AuthFailureLimiter(1, settings.authFailureWindowMs);
  }

  /** A key of the failed-authentication limiter just reached its limit. */
  lockedOut(request: DeniedRequest, failures: number, windowSeconds: number): void {
    if (this.lockedAddresses.recordFailure(request.client) > 1) return;
    this.write('auth.lockout', 'auth_client', request, { failures, windowSeconds });
  }

  /** A 403: counted per user; the event when the user's count reaches the limit. */
  refused(request: DeniedRequest): void {
    if (!request.userId) return;
    const count = this.forbidden.recordFailure(request.userId);
    if (count !== this.forbidden.threshold) return;
    this.write('auth.denied-repeatedly', 'user', request, {
      denials: count,
      windowSeconds: this.forbidden.windowSeconds,
    });
  }

  /** Resolves when every audit write started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private write(action: string, entity: string, request: DeniedRequest, counts: object): void {
    const now = Date.now();
    if (now >= this.hour.resetAt) this.hour = { events: 0, resetAt: now + 3_600_000 };
    if (this.hour.events >= DENIAL_AUDITS_PER_HOUR) {
      this.logger.warn(`${action} not audited: ${DENIAL_AUDITS_PER_HOUR} denial events this hour already`);
      return;
    }
    this.hour.events += 1;
    const entityId = entity === 'user' && request.userId ? request.userId : newId();
    const after = {
      client: request.client,
      route: request.route,
      reason: request.reason,
      ...(request.userId ? { userId: request.userId } : {}),
      ...counts,
    };
    const done = this.dataSource
      .transaction((manager) =>
        this.audit.record(manager, {
          actorId: entity === 'user' ? (request.userId ?? null) : null,
          action,
          entity,
          entityId,
          after,
        }),
      )
      .then(
        () => undefined,
        (error: Error) => this.logger.error(`${action} could not be audited: ${error.message}`),
      );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }
}
