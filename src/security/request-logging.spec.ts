import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { pino } from 'pino';
import {
  createRequestLogger,
  incomingRequestId,
  loggedPath,
  requestLoggingOptions,
} from './request-logging.js';

describe('request logging', () => {
  it('drops the query string from logged paths', () => {
    expect(loggedPath('/api/cases?reference=Jane%20Smith&limit=5')).toBe('/api/cases');
  });

  it('keeps a well-formed incoming request id and replaces a bad one', () => {
    const req = (id: string) => ({ headers: { 'x-request-id': id } }) as unknown as IncomingMessage;

    expect(incomingRequestId(req('abc-123'))).toBe('abc-123');
    expect(incomingRequestId(req('evil\nline'))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs method, path and status but no authorization, body or query string', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = requestLoggingOptions('info');
    const logger = pino({ redact: options.redact, serializers: options.serializers }, stream);

    logger.info(
      {
        req: {
          id: 'r1',
          method: 'POST',
          url: '/api/cases?name=Jane',
          headers: { authorization: 'Bearer sr_secret' },
          body: { seizureLocation: '1 High Street' },
        },
        res: { statusCode: 201, headers: { 'set-cookie': 'x' } },
      },
      'done',
    );

    const line = JSON.parse(lines[0]);
    expect(line.req).toEqual({ id: 'r1', method: 'POST', path: '/api/cases' });
    expect(line.res).toEqual({ statusCode: 201 });
    expect(lines[0]).not.toMatch(/sr_secret|High Street|Jane/);
  });
});

describe('createRequestLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, stream };
  };

  it('writes JSON when stdout is not a terminal, and readable lines (pino-pretty) in one', () => {
    const json = capture();
    const pretty = capture();

    createRequestLogger('info', false, json.stream).info({ res: { statusCode: 200 } }, 'GET /api/cases 200');
    createRequestLogger('info', true, pretty.stream).info({ res: { statusCode: 200 } }, 'GET /api/cases 200');

    expect(JSON.parse(json.lines.join(''))).toMatchObject({ msg: 'GET /api/cases 200', level: 30 });
    const text = pretty.lines.join('');
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: GET \/api\/cases 200/);
    expect(() => JSON.parse(text)).toThrow();
  });
});
