import {
  checkTimeline,
  checkTransition,
  needsScopeRecompute,
  resolveOverride,
  scopeInstant,
  type Timeline,
  withDefaultTimes,
} from './examination-rules.js';

const SEIZED = '2024-01-10T09:00:00.000Z';
const NOW = '2024-06-01T12:00:00.000Z';

function timeline(overrides: Partial<Timeline> = {}): Timeline {
  return {
    status: 'REQUESTED',
    requestedAt: '2024-01-11T09:00:00.000Z',
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    ...overrides,
  };
}

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('checkTransition', () => {
  it('allows moving forward and staying put', () => {
    expect(checkTransition('REQUESTED', 'IN_PROGRESS')).toBeNull();
    expect(checkTransition('REQUESTED', 'COMPLETED')).toBeNull();
    expect(checkTransition('REQUESTED', 'CANCELLED')).toBeNull();
    expect(checkTransition('IN_PROGRESS', 'COMPLETED')).toBeNull();
    expect(checkTransition('IN_PROGRESS', 'CANCELLED')).toBeNull();
    expect(checkTransition('COMPLETED', 'COMPLETED')).toBeNull();
  });

  it('refuses going back and leaving a final status', () => {
    expect(checkTransition('IN_PROGRESS', 'REQUESTED')?.field).toBe('status');
    expect(checkTransition('COMPLETED', 'IN_PROGRESS')).not.toBeNull();
    expect(checkTransition('COMPLETED', 'CANCELLED')).not.toBeNull();
    expect(checkTransition('CANCELLED', 'IN_PROGRESS')).not.toBeNull();
  });
});

describe('withDefaultTimes', () => {
  it('sets the time a status is reached to now when not given', () => {
    expect(withDefaultTimes(timeline({ status: 'IN_PROGRESS' }), 'REQUESTED', NOW).startedAt).toBe(NOW);
    expect(withDefaultTimes(timeline({ status: 'CANCELLED' }), 'REQUESTED', NOW).cancelledAt).toBe(NOW);
    const completed = withDefaultTimes(
      timeline({ status: 'COMPLETED', startedAt: '2024-02-01T00:00:00.000Z' }),
      'IN_PROGRESS',
      NOW,
    );
    expect(completed.completedAt).toBe(NOW);
  });

  it('keeps a given time and does nothing when the status does not move', () => {
    const given = '2024-02-01T00:00:00.000Z';
    expect(
      withDefaultTimes(timeline({ status: 'IN_PROGRESS', startedAt: given }), 'REQUESTED', NOW).startedAt,
    ).toBe(given);
    expect(withDefaultTimes(timeline({ status: 'IN_PROGRESS' }), 'IN_PROGRESS', NOW).startedAt).toBeNull();
  });
});

describe('checkTimeline', () => {
  it('accepts a complete, ordered timeline', () => {
    const t = timeline({
      status: 'COMPLETED',
      startedAt: '2024-01-12T09:00:00.000Z',
      completedAt: '2024-02-12T09:00:00.000Z',
    });

    expect(checkTimeline(t, SEIZED, NOW)).toEqual([]);
  });

  it('needs the times the status implies and refuses the others', () => {
    expect(fields(checkTimeline(timeline({ status: 'IN_PROGRESS' }), SEIZED, NOW))).toEqual(['startedAt']);
    expect(fields(checkTimeline(timeline({ status: 'COMPLETED' }), SEIZED, NOW))).toEqual([
      'startedAt',
      'completedAt',
    ]);
    expect(fields(checkTimeline(timeline({ startedAt: '2024-01-12T09:00:00.000Z' }), SEIZED, NOW))).toEqual([
      'startedAt',
    ]);
    expect(
      fields(
        checkTimeline(
          timeline({
            status: 'CANCELLED',
            cancelledAt: NOW,
            completedAt: NOW,
            startedAt: '2024-01-12T09:00:00.000Z',
          }),
          SEIZED,
          NOW,
        ),
      ),
    ).toEqual(['completedAt']);
  });

  it('refuses times before the seizure or in the future', () => {
    const early = timeline({ requestedAt: '2024-01-09T09:00:00.000Z' });
    const future = timeline({ status: 'IN_PROGRESS', startedAt: '2024-06-01T12:00:01.000Z' });

    expect(checkTimeline(early, SEIZED, NOW)).toEqual([
      { field: 'requestedAt', message: expect.stringContaining('seizure') },
    ]);
    expect(checkTimeline(future, SEIZED, NOW)).toEqual([
      { field: 'startedAt', message: expect.stringContaining('future') },
    ]);
  });

  it('keeps requested <= started <= completed, and cancelled after them', () => {
    const startedEarly = timeline({ status: 'IN_PROGRESS', startedAt: '2024-01-10T10:00:00.000Z' });
    const completedEarly = timeline({
      status: 'COMPLETED',
      startedAt: '2024-03-01T00:00:00.000Z',
      completedAt: '2024-02-01T00:00:00.000Z',
    });
    const cancelledEarly = timeline({ status: 'CANCELLED', cancelledAt: '2024-01-10T12:00:00.000Z' });

    expect(fields(checkTimeline(startedEarly, SEIZED, NOW))).toEqual(['startedAt']);
    expect(fields(checkTimeline(completedEarly, SEIZED, NOW))).toEqual(['completedAt']);
    expect(fields(checkTimeline(cancelledEarly, SEIZED, NOW))).toEqual(['cancelledAt']);
  });
});

describe('scope status timing', () => {
  const started = timeline({ status: 'IN_PROGRESS', startedAt: '2024-02-01T00:00:00.000Z' });
  const completed = { ...started, status: 'COMPLETED' as const, completedAt: '2024-03-01T00:00:00.000Z' };

  it('reads the start on startedAt and the completion on completedAt; completion leaves the start', () => {
    expect(scopeInstant('start', timeline())).toBeNull();
    expect(scopeInstant('start', started)).toBe(started.startedAt);
    expect(scopeInstant('start', completed)).toBe(started.startedAt);
    expect(scopeInstant('completion', started)).toBeNull();
    expect(scopeInstant('completion', completed)).toBe(completed.completedAt);
    expect(scopeInstant('start', { ...started, status: 'CANCELLED', cancelledAt: NOW })).toBe(
      started.startedAt,
    );
  });

  it('recomputes an end when its instant changes or its override is cleared, never on completion for the start', () => {
    expect(needsScopeRecompute('start', null, timeline(), false)).toBe(true);
    expect(needsScopeRecompute('start', timeline(), started, false)).toBe(true);
    expect(needsScopeRecompute('start', started, completed, false)).toBe(false);
    expect(needsScopeRecompute('completion', started, completed, false)).toBe(true);
    expect(
      needsScopeRecompute('start', started, { ...started, startedAt: '2024-02-02T00:00:00.000Z' }, false),
    ).toBe(true);
    expect(needsScopeRecompute('start', started, { ...started }, false)).toBe(false);
    expect(
      needsScopeRecompute('start', started, { ...started, status: 'CANCELLED', cancelledAt: NOW }, false),
    ).toBe(false);
    expect(needsScopeRecompute('start', started, { ...started }, true)).toBe(true);
  });
});

describe('resolveOverride', () => {
  it('refuses a client status without a reason, naming the end it would override', () => {
    expect(fields(resolveOverride({ scopeStatus: 'IN_SCOPE_FIXED' }, null).errors)).toEqual([
      'scopeStatusAtStart',
    ]);
    expect(
      fields(
        resolveOverride({ scopeStatus: 'IN_SCOPE_FIXED', scopeOverrideReason: null }, null, 'completion')
          .errors,
      ),
    ).toEqual(['scopeStatusAtCompletion']);
  });

  it('lets a scopeStatus with a reason stand', () => {
    const result = resolveOverride(
      { scopeStatus: 'OUT_OF_SCOPE', scopeOverrideReason: 'New firmware' },
      null,
    );

    expect(result).toEqual({
      override: { scopeStatus: 'OUT_OF_SCOPE', reason: 'New firmware' },
      cleared: false,
      errors: [],
    });
  });

  it('keeps an override, updates its reason, clears it with a null reason', () => {
    const current = { scopeStatus: 'OUT_OF_SCOPE', reason: 'a' };

    expect(resolveOverride({}, current).override).toBe(current);
    expect(resolveOverride({ scopeOverrideReason: 'b' }, current).override).toEqual({
      ...current,
      reason: 'b',
    });
    expect(resolveOverride({ scopeOverrideReason: null }, current)).toEqual({
      override: null,
      cleared: true,
      errors: [],
    });
  });

  it('refuses a reason with nothing to override', () => {
    expect(fields(resolveOverride({ scopeOverrideReason: 'why' }, null).errors)).toEqual([
      'scopeStartOverrideReason',
    ]);
  });
});
