import { matchHeadings } from './heading-match.js';

const REQUIRED = ['Case reference', 'Exhibit reference', 'Device type', 'Seized at', 'Seized by'];

describe('matchHeadings', () => {
  it('matches headings ignoring case, spacing, punctuation and common synonyms', () => {
    const match = matchHeadings([
      'Crime ref',
      'Exhibit No.',
      'type',
      'MAC',
      'Seized date',
      'seizing officer',
    ]);

    expect(match.columns.map((c) => c.column.field)).toEqual([
      'reference',
      'exhibitRef',
      'deviceType',
      'macAddress',
      'seizedAt',
      'seizedBy',
    ]);
    expect(match.problems).toEqual([]);
  });

  it('matches the API field names too', () => {
    const match = matchHeadings(['reference', 'exhibitRef', 'deviceType', 'seizedAt', 'seizedBy']);

    expect(match.problems).toEqual([]);
  });

  it('reports unknown headings and ignores read-only ones', () => {
    const match = matchHeadings([...REQUIRED, 'Colour', 'Offence group', null, '']);

    expect(match.unknown).toEqual([{ index: 5, heading: 'Colour' }]);
    expect(match.ignored).toEqual([{ index: 6, heading: 'Offence group' }]);
  });

  it('names missing required columns and a field given twice', () => {
    const match = matchHeadings(['Case reference', 'Crime ref', 'Device type']);

    expect(match.problems).toEqual([
      'The headings "Case reference" and "Crime ref" both mean Case reference; keep one.',
      'No column for Exhibit reference (required).',
      'No column for Seized at (required).',
      'No column for Seized by (required).',
    ]);
  });
});
