import { CHANNELS, DECISIONS, REQUEST_STATUSES, REQUESTER_TYPES } from './dto/foi-request.dto.js';

// The request log's codes in words, for the pages (the API keeps its codes). One place, so that a code
// added to a list without words fails the spec beside this file, never shows a code on a page.

export const CHANNEL_WORDS: Record<(typeof CHANNELS)[number], string> = {
  EMAIL: 'Email',
  WEB_FORM: 'Web form',
  POST: 'Post',
  WHATSDOTHEYKNOW: 'WhatDoTheyKnow',
  TELEPHONE: 'Telephone',
  IN_PERSON: 'In person',
  OTHER: 'Other',
};

export const REQUESTER_TYPE_WORDS: Record<(typeof REQUESTER_TYPES)[number], string> = {
  PUBLIC: 'Member of the public',
  MEDIA: 'Journalist or media',
  ACADEMIC: 'Academic or researcher',
  BUSINESS: 'Business',
  CAMPAIGN_GROUP: 'Campaign group or charity',
  SOLICITOR: 'Solicitor',
  OTHER: 'Other',
};

export const DECISION_WORDS: Record<(typeof DECISIONS)[number], string> = {
  DISCLOSED: 'Disclosed',
  PARTLY_DISCLOSED: 'Partly disclosed',
  WITHHELD: 'Withheld (exemption)',
  NOT_HELD: 'Not held',
  COST_LIMIT_S12: 'Refused: cost limit (s.12)',
};

// Status words and the GOV.UK tag colour each is shown in.
export const STATUS_WORDS: Record<(typeof REQUEST_STATUSES)[number], { text: string; colour: string }> = {
  OPEN: { text: 'Open', colour: 'blue' },
  AWAITING_CLARIFICATION: { text: 'Awaiting clarification', colour: 'yellow' },
  ON_HOLD_FEES: { text: 'On hold for fees', colour: 'yellow' },
  ANSWERED: { text: 'Answered', colour: 'green' },
  REFUSED: { text: 'Refused', colour: 'purple' },
  WITHDRAWN: { text: 'Withdrawn', colour: 'grey' },
};

export const EVENT_WORDS: Record<string, string> = {
  CLARIFICATION_REQUESTED: 'Clarification asked for: the clock stopped',
  CLARIFICATION_RECEIVED: 'Clarification received: 20 working days from this day',
  FEES_NOTICE: 'Fees notice given: the clock paused',
  FEES_PAID: 'Fee paid: the clock resumed',
  EXTENDED: 'Public-interest extension',
  WITHDRAWN: 'Withdrawn by the requester',
};

export const ICO_BAND_WORDS: Record<string, { text: string; colour: string }> = {
  good: { text: 'Good (95% or more)', colour: 'green' },
  adequate: { text: 'Adequate (90% or more)', colour: 'yellow' },
  'not adequate': { text: 'Not adequate (below 90%)', colour: 'red' },
};

export interface Choice {
  value: string;
  text: string;
  selected?: boolean;
}

export function choices(words: Record<string, string>, selected: string, blank?: string): Choice[] {
  const items = Object.entries(words).map(([value, text]) => ({ value, text, selected: value === selected }));
  return blank === undefined ? items : [{ value: '', text: blank, selected: selected === '' }, ...items];
}

// "12 working days left", "Due today", "Overdue by 3 working days"; '' when the clock is stopped or closed.
export function daysLeftWords(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return 'Due today';
  if (daysLeft < 0) return `Overdue by ${-daysLeft} working day${daysLeft === -1 ? '' : 's'}`;
  return `${daysLeft} working day${daysLeft === 1 ? '' : 's'} left`;
}

// Questions typed one per paragraph (a blank line between them); a line break inside one is a space, as
// a question is one line of text (the API refuses line breaks in it).
export function splitQuestions(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((q) => q.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((q) => q !== '');
}
