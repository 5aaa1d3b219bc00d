import { exhibitRefKey, isExhibitRef, normaliseExhibitRef } from './exhibit-reference.js';

describe('exhibit references', () => {
  it('accepts initials and a number, and sub-exhibits', () => {
    for (const ref of ['AB/1', 'ABC/001', 'ABCD/12/3', 'ABC/1/1/2']) expect(isExhibitRef(ref)).toBe(true);
  });

  it('rejects other shapes', () => {
    for (const ref of [
      'A/1',
      'ABCDE/1',
      'ABC',
      'ABC/',
      'ABC/1/',
      'AB1/2',
      'ABC-1',
      'ABC/1a',
      '/1',
      'AB/ 1',
    ]) {
      expect(isExhibitRef(ref)).toBe(false);
    }
  });

  it('rejects a reference longer than the column', () => {
    expect(isExhibitRef(`AB/${'1'.repeat(28)}`)).toBe(false);
    expect(isExhibitRef(`AB/${'1'.repeat(27)}`)).toBe(true);
  });

  it('normalises to upper case without surrounding spaces', () => {
    expect(normaliseExhibitRef('  abc/1/2 ')).toBe('ABC/1/2');
    expect(isExhibitRef(normaliseExhibitRef('jd/7'))).toBe(true);
  });

  it('gives ABC/1 and ABC/001 the same key, and sub-exhibits their own', () => {
    expect(exhibitRefKey('ABC/001')).toBe(exhibitRefKey('abc/1'));
    expect(exhibitRefKey('ABC/1/1')).not.toBe(exhibitRefKey('ABC/1'));
    expect(exhibitRefKey('ABC/10')).not.toBe(exhibitRefKey('ABC/1'));
  });
});
