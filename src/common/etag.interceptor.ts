import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { etagOf } from './if-match.js';

// Any single-record response carrying a numeric `version` gets ETag: "<version>".
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') {
          void context.switchToHttp().getResponse<FastifyReply>().header('ETag', etagOf(version));
        }
        return body;
      }),
    );
  }
}
