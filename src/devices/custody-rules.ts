import { FieldError } from '../common/errors.js';

// Clocks of phones and laptops drift: an instant up to two minutes ahead is not "in the future".
export const CLOCK_SKEW_MS = 2 * 60 * 1000;
export const EARLIEST_SEIZURE = '1990-01-01T00:00:00.000Z';

// After these the device no longer exists in police hands: no custody can follow. Other terminal
// statuses (returned, forfeited, transferred) may be followed, e.g. by a re-seizure or a return.
export const CLOSING_STATUSES: readonly string[] = ['DESTROYED', 'SOLD_OR_RECYCLED'];

const isAfterNow = (at: string, now: Date) => Date.parse(at) > now.getTime() + CLOCK_SKEW_MS;

// Instants are ISO 8601 UTC text of one length, so text order is time order.
export function checkSeizedAt(seizedAt: string, now: Date, firstCustodyAt: string | null): FieldError | null {
  if (isAfterNow(seizedAt, now)) return { field: 'seizedAt', message: 'seizedAt is in the future' };
  if (seizedAt < EARLIEST_SEIZURE) return { field: 'seizedAt', message: 'seizedAt is before 1990' };
  if (firstCustodyAt !== null && seizedAt > firstCustodyAt) {
    return { field: 'seizedAt', message: `seizedAt is after the first custody event (${firstCustodyAt})` };
  }
  return null;
}

// The lab books exhibits in and out, and records nothing else (issue 13, part 4).
export const LAB_CUSTODY_PURPOSES: readonly string[] = ['RECEIVED_BY_LAB', 'RETURNED_FROM_LAB'];
export const RECEIVED_BY_LAB = 'RECEIVED_BY_LAB';

export function checkLabPurpose(purpose: string | null | undefined): FieldError | null {
  if (purpose && LAB_CUSTODY_PURPOSES.includes(purpose)) return null;
  return {
    field: 'purpose',
    message: `the lab records custody events with purpose ${LAB_CUSTODY_PURPOSES.join(' or ')} only`,
  };
}

// Destroying or selling an exhibit while its case may still need it at court (progressed, no final
// court result yet) needs the officer's explicit confirmation.
export function checkDisposal(
  toStatus: string,
  awaitingCourt: boolean,
  confirmDisposal: boolean | undefined,
): FieldError | null {
  if (!CLOSING_STATUSES.includes(toStatus) || !awaitingCourt || confirmDisposal === true) return null;
  return {
    field: 'confirmDisposal',
    message:
      `the case has progressed to court and has no final court result yet; recording ${toStatus} ` +
      'needs confirmDisposal: true',
  };
}

export interface CustodyMoment {
  at: string;
  toStatus: string;
}

export function checkCustodyEvent(
  event: CustodyMoment,
  seizedAt: string,
  latest: CustodyMoment | null,
  now: Date,
): FieldError | null {
  if (latest !== null && CLOSING_STATUSES.includes(latest.toStatus)) {
    return {
      field: 'toStatus',
      message: `the device was ${latest.toStatus} at ${latest.at}; no custody event can follow`,
    };
  }
  if (isAfterNow(event.at, now)) return { field: 'at', message: 'at is in the future' };
  if (event.at < seizedAt) return { field: 'at', message: `at is before the seizure (${seizedAt})` };
  if (latest !== null && event.at < latest.at) {
    return {
      field: 'at',
      message: `at is before the latest custody event (${latest.at}); events are in order`,
    };
  }
  return null;
}
