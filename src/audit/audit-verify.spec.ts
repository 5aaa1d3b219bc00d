import { AuditContent, GENESIS_HASH, hashEvent } from './audit-chain.js';
import { describeReport, StoredAuditEvent, verifyChain } from './audit-verify.js';

function buildChain(length: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content: AuditContent = {
      seq,
      at: new Date(Date.UTC(2024, 0, 1, 0, 0, seq)).toISOString(),
      actorId: null,
      action: 'case.create',
      entity: 'case',
      entityId: `id-${seq}`,
      changes: `{"after":{"n":${seq}},"before":null}`,
    };
    const hash = hashEvent(prevHash, content);
    events.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

const reader = (events: StoredAuditEvent[]) => (afterSeq: number, limit: number) =>
  Promise.resolve(events.filter((e) => e.seq > afterSeq).slice(0, limit));

describe('verifyChain', () => {
  it('reports an intact chain with its length and head hash, across batches', async () => {
    const events = buildChain(25);

    const report = await verifyChain(reader(events), 7);

    expect(report).toEqual({ intact: true, events: 25, headSeq: 25, headHash: events[24].hash });
  });

  it('reports an empty chain as intact', async () => {
    expect(await verifyChain(reader([]))).toMatchObject({ intact: true, events: 0 });
  });

  it('names an event whose content was edited (hash mismatch)', async () => {
    const events = buildChain(10);
    events[3] = { ...events[3], changes: '{"after":{"n":999},"before":null}' };

    const report = await verifyChain(reader(events), 4);

    expect(report).toMatchObject({ intact: false, firstBadSeq: 4, reason: 'hash-mismatch', events: 3 });
  });

  it('names an event whose hash was recomputed but no longer links (broken link)', async () => {
    const events = buildChain(10);
    const { prevHash, hash: _old, ...content } = events[4];
    const forged = { ...content, action: 'case.void' };
    events[4] = { ...forged, prevHash, hash: hashEvent(prevHash, forged) };

    const report = await verifyChain(reader(events));

    expect(report).toMatchObject({ intact: false, firstBadSeq: 6, reason: 'broken-link' });
  });

  it('names the event after a deleted one (sequence gap)', async () => {
    const events = buildChain(10).filter((e) => e.seq !== 7);

    const report = await verifyChain(reader(events), 3);

    expect(report).toMatchObject({ intact: false, firstBadSeq: 8, reason: 'sequence-gap' });
    expect(describeReport(report)).toContain('event 8');
  });
});
