import { contentHash, contentJson, fastCanonicalJson } from './audit-canonical.js';
import { AuditContent, canonicalJson, hashEvent } from './audit-chain.js';
import { nextAuditEvent } from './audit.service.js';

// A fixed device.create event: these bytes are in every stored chain, so they must never change.
const HEAD = { seq: 41, hash: 'a'.repeat(64) };
const AFTER = {
  id: 'd-1',
  exhibitRef: 'ABC/1',
  make: 'TP-Link “Kasa”',
  photographedInSitu: true,
  version: 1,
  voidedAt: null,
  notes: undefined,
  seizureLocation: '12 High St\n"rear"',
};
const PINNED_CHANGES =
  '{"after":{"exhibitRef":"ABC/1","id":"d-1","make":"TP-Link “Kasa”","photographedInSitu":true,' +
  '"seizureLocation":"12 High St\\n\\"rear\\"","version":1,"voidedAt":null},"before":null}';
const PINNED_HASH = 'b150e78236b08d7cdfcb2a3981d65d3be8173e7c61cbb0305e873d49c0ac0a41';

describe('the audit event bytes (pinned)', () => {
  it('hashes a fixed event exactly as every stored chain was hashed', () => {
    const event = nextAuditEvent(
      HEAD,
      { actorId: 'u-1', action: 'device.create', entity: 'device', entityId: 'd-1', after: AFTER },
      '2026-11-29T23:30:00.000Z',
    );

    expect(event).toEqual({
      seq: 42,
      at: '2026-11-29T23:30:00.000Z',
      actorId: 'u-1',
      action: 'device.create',
      entity: 'device',
      entityId: 'd-1',
      changes: PINNED_CHANGES,
      prevHash: HEAD.hash,
      hash: PINNED_HASH,
    });
    const { prevHash, hash: _hash, ...content } = event;
    expect(hashEvent(prevHash, content)).toBe(PINNED_HASH);
  });
});

describe('fastCanonicalJson and contentHash give the reference bytes', () => {
  const values: unknown[] = [
    null,
    undefined,
    0,
    -0,
    1.5,
    NaN,
    Infinity,
    'text with "quotes", \\ and \u2028 and \ud83d\ude00',
    true,
    [],
    [1, undefined, null, 'a', { b: 2, a: 1 }],
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3],
    {},
    { b: 1, a: undefined, c: null },
    { z: { y: [{ x: 1, w: 2 }], v: 'u' }, a: [[], {}] },
    { '10': 'ten', '9': 'nine', a: 'a', B: 'B', é: 'e', '\ud83d\ude00': 'smile', '\uffff': 'last' },
    { at: new Date(Date.UTC(2024, 0, 1)), n: 12345678901234 },
    { before: { a: 1, b: 'x' }, after: { a: 2, b: 'x', c: undefined } },
  ];

  it.each(values.map((value, i) => [i, value]))('value %i', (_i, value) => {
    expect(fastCanonicalJson(value)).toBe(canonicalJson(value));
  });

  it('writes an event content as canonicalJson does, with a missing or null actor', () => {
    const base: AuditContent = {
      seq: 7,
      at: '2024-01-01T00:00:00.000Z',
      actorId: null,
      action: 'case.update',
      entity: 'case',
      entityId: 'c-1',
      changes: canonicalJson({ before: { a: 1 }, after: { a: 2 } }),
    };
    const missing = { ...base, actorId: undefined } as unknown as AuditContent;
    for (const content of [base, { ...base, actorId: 'u-9' }, missing]) {
      expect(contentJson(content)).toBe(canonicalJson(content));
      expect(contentHash('f'.repeat(64), content)).toBe(hashEvent('f'.repeat(64), content));
    }
  });
});
