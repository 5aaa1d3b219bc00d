import type { HolidayCalendar } from './uk-holidays.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

// The FOI clock of one request as a fold over its dated events: 20 working days after receipt; a
// clarification restarts it from the day it arrives (s.1(3)); a fees notice stops it until the fee is paid
// (s.10(2): the days from the notice to the payment are disregarded); a public-interest extension (s.10(3))
// moves the due date by up to 20 more working days.

export const TIME_FOR_COMPLIANCE = 20;
export const MAX_EXTENSION_DAYS = 20;

export type ClockEventKind =
  | 'CLARIFICATION_REQUESTED'
  | 'CLARIFICATION_RECEIVED'
  | 'FEES_NOTICE'
  | 'FEES_PAID'
  | 'EXTENDED'
  | 'WITHDRAWN';

export interface ClockEvent {
  kind: ClockEventKind;
  on: string;
  until?: string | null;
}

export type ClockState = 'RUNNING' | 'AWAITING_CLARIFICATION' | 'ON_HOLD_FEES' | 'WITHDRAWN';

export interface Clock {
  state: ClockState;
  // The day the current count started from (receipt, a clarification, or a fee paid).
  startedOn: string;
  // Working days already used before a fees notice stopped the clock.
  daysUsed: number;
  // The due date without any extension (null while the clock is stopped).
  statutoryDueOn: string | null;
  // The due date in force: the extension's, if any.
  dueOn: string | null;
  extendedUntil: string | null;
}

export function runClock(
  receivedOn: string,
  events: readonly ClockEvent[],
  calendar: HolidayCalendar,
): Clock {
  let clock: Clock = {
    state: 'RUNNING',
    startedOn: receivedOn,
    daysUsed: 0,
    statutoryDueOn: addWorkingDays(receivedOn, TIME_FOR_COMPLIANCE, calendar),
    dueOn: null,
    extendedUntil: null,
  };
  clock.dueOn = clock.statutoryDueOn;
  for (const event of events) clock = step(clock, event, calendar);
  return clock;
}

function step(clock: Clock, event: ClockEvent, calendar: HolidayCalendar): Clock {
  switch (event.kind) {
    case 'CLARIFICATION_REQUESTED':
      return {
        ...clock,
        state: 'AWAITING_CLARIFICATION',
        statutoryDueOn: null,
        dueOn: null,
        extendedUntil: null,
      };
    case 'CLARIFICATION_RECEIVED': {
      const due = addWorkingDays(event.on, TIME_FOR_COMPLIANCE, calendar);
      return {
        state: 'RUNNING',
        startedOn: event.on,
        daysUsed: 0,
        statutoryDueOn: due,
        dueOn: due,
        extendedUntil: null,
      };
    }
    case 'FEES_NOTICE': {
      const used = clock.daysUsed + workingDaysBetween(clock.startedOn, event.on, calendar);
      return {
        ...clock,
        state: 'ON_HOLD_FEES',
        daysUsed: Math.min(used, TIME_FOR_COMPLIANCE),
        statutoryDueOn: null,
        dueOn: null,
      };
    }
    case 'FEES_PAID': {
      const due = addWorkingDays(event.on, Math.max(TIME_FOR_COMPLIANCE - clock.daysUsed, 0), calendar);
      return {
        ...clock,
        state: 'RUNNING',
        startedOn: event.on,
        statutoryDueOn: due,
        dueOn: clock.extendedUntil ?? due,
      };
    }
    case 'EXTENDED':
      return { ...clock, extendedUntil: event.until ?? null, dueOn: event.until ?? clock.dueOn };
    case 'WITHDRAWN':
      return { ...clock, state: 'WITHDRAWN' };
  }
}

// What may happen next, given the clock: the rule for each clock event (field named for a 4xx).
export function clockEventProblem(
  clock: Clock,
  receivedOn: string,
  event: ClockEvent,
  lastEventOn: string,
  calendar: HolidayCalendar,
): { field: string; message: string } | null {
  if (event.on < lastEventOn) {
    return {
      field: 'on',
      message: `on must not be before the request's last event or receipt (${lastEventOn})`,
    };
  }
  if (event.on < receivedOn)
    return { field: 'on', message: `on must not be before receivedOn (${receivedOn})` };
  if (clock.state === 'WITHDRAWN') return { field: 'on', message: 'the request was withdrawn' };
  switch (event.kind) {
    case 'CLARIFICATION_REQUESTED':
    case 'FEES_NOTICE':
      return clock.state === 'RUNNING'
        ? null
        : { field: 'on', message: `the clock is already stopped (${clock.state})` };
    case 'CLARIFICATION_RECEIVED':
      return clock.state === 'AWAITING_CLARIFICATION'
        ? null
        : { field: 'on', message: 'no clarification was asked for (POST …/clarification-requested first)' };
    case 'FEES_PAID':
      return clock.state === 'ON_HOLD_FEES'
        ? null
        : { field: 'on', message: 'no fees notice is waiting to be paid' };
    case 'EXTENDED': {
      if (clock.state !== 'RUNNING' || !clock.statutoryDueOn) {
        return { field: 'until', message: 'the clock is stopped; extend once it runs again' };
      }
      const limit = addWorkingDays(clock.statutoryDueOn, MAX_EXTENSION_DAYS, calendar);
      if (!event.until || event.until <= clock.statutoryDueOn || event.until > limit) {
        return {
          field: 'until',
          message: `until must be after ${clock.statutoryDueOn} and at most ${MAX_EXTENSION_DAYS} working days later (${limit})`,
        };
      }
      return null;
    }
    case 'WITHDRAWN':
      return null;
  }
}
