import 'reflect-metadata';
import { CHANNELS, DECISIONS, REQUEST_STATUSES, REQUESTER_TYPES } from './dto/foi-request.dto.js';
import { CHANNEL_WORDS, daysLeftWords, DECISION_WORDS, REQUESTER_TYPE_WORDS, splitQuestions, STATUS_WORDS } from './foi-request-words.js';

describe('FOI request log in words', () => {
  it('has words for every code the pages show', () => {
    expect(Object.keys(CHANNEL_WORDS).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(REQUESTER_TYPE_WORDS).sort()).toEqual([...REQUESTER_TYPES].sort());
    expect(Object.keys(DECISION_WORDS).sort()).toEqual([...DECISIONS].sort());
    expect(Object.keys(STATUS_WORDS).sort()).toEqual([...REQUEST_STATUSES].sort());
  });

  it('says how many working days are left', () => {
    expect(daysLeftWords(null)).toBe('');
    expect(daysLeftWords(0)).toBe('Due today');
    expect(daysLeftWords(1)).toBe('1 working day left');
    expect(daysLeftWords(12)).toBe('12 working days left');
    expect(daysLeftWords(-1)).toBe('Overdue by 1 working day');
    expect(daysLeftWords(-3)).toBe('Overdue by 3 working days');
  });

  it('takes one question per paragraph', () => {
    expect(splitQuestions('How many?\r\n\r\nWhich tools?\n \nAnd\nwhen?\n')).toEqual(['How many?', 'Which tools?', 'And when?']);
    expect(splitQuestions('  ')).toEqual([]);
  });
});
