import { ValidationFailedError } from '../common/errors.js';
import { parseFormBody } from './form-body.js';

const form = (text: string | Buffer) => parseFormBody(Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'));

function refusal(text: string | Buffer): ValidationFailedError {
  try {
    form(text);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('parseFormBody', () => {
  it('reads fields as URLSearchParams does: plus as space, escapes, repeated names as arrays', () => {
    const values = form('reference=CR%2F1+2&deviceType=A&deviceType=B&empty=&bare&pct=100%&name=Caf%C3%A9');

    expect({ ...values }).toEqual({ reference: 'CR/1 2', deviceType: ['A', 'B'], empty: '', bare: '', pct: '100%', name: 'Café' });
    expect(Object.getPrototypeOf(values)).toBeNull();
  });

  it('keeps __proto__ as a plain key', () => {
    const values = form('__proto__=x');

    expect(values.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses percent-encoded bytes that are not UTF-8, naming the field', () => {
    const error = refusal('reference=CR%FF1&kind=CRIME');

    expect(error.errors).toEqual([{ field: 'reference', message: 'must be UTF-8 text' }]);
  });

  it('refuses an encoded lone surrogate and raw bytes that are not UTF-8', () => {
    expect(refusal('reference=%ED%A0%80').errors).toEqual([{ field: 'reference', message: 'must be UTF-8 text' }]);
    expect(refusal(Buffer.from([0x61, 0x3d, 0xc3, 0x28])).errors).toEqual([{ field: 'body', message: 'must be UTF-8 text' }]);
  });

  it('refuses invisible and bidirectional control characters as the API does, line breaks only in multi-line fields', () => {
    expect(refusal('reference=CR%E2%80%AE1').errors[0].field).toBe('reference');
    expect(refusal('reference=CR%0A1').errors[0].field).toBe('reference');

    expect(form('reason=Entered%0D%0Atwice').reason).toBe('Entered\r\ntwice');
  });
});
