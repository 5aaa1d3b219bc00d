import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { ValidationFailedError } from './errors.js';

/** Deepest nesting of objects and arrays a JSON body may have (the register's bodies are flat). */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a JSON text may not be parsed (too deep), or null. One pass, no recursion, strings skipped. */
export function jsonDepthProblem(text: string, maxDepth = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return `JSON bodies may nest objects and arrays at most ${maxDepth} deep`;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return null;
}

// application/json bodies: bytes that are not UTF-8 and bodies nested deeper than MAX_JSON_DEPTH are a
// 400 naming the body, before parsing (a deep body would otherwise exhaust the stack in a recursive
// walk: a 500). Then Fastify's own parser, with its __proto__/constructor refusal and its errors.
export function registerJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(
        new ValidationFailedError(
          [{ field: 'body', message: 'must be UTF-8 text' }],
          'The body is not valid UTF-8.',
        ),
        undefined,
      );
      return;
    }
    const tooDeep = jsonDepthProblem(text);
    if (tooDeep) {
      done(new ValidationFailedError([{ field: 'body', message: tooDeep }], `${tooDeep}.`), undefined);
      return;
    }
    void parse(request as never, text, done);
  });
}
