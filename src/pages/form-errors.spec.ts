import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationFailedError } from '../common/errors.js';
import { formErrors } from './form-errors.js';

describe('formErrors', () => {
  it('names fields by their labels and links the summary to the inputs', () => {
    const errors = formErrors(
      new ValidationFailedError([
        { field: 'exhibitRef', message: 'exhibitRef must look like ABC/1' },
        { field: 'seizedAt', message: 'may not be in the future' },
        { field: 'other', message: 'is not a known field' },
      ]),
      { exhibitRef: 'Exhibit reference', seizedAt: 'Date and time seized' },
      { seizedAt: 'seizedAt-day' },
    );
    expect(errors.status).toBe(400);
    expect(errors.byField).toEqual({
      exhibitRef: 'Exhibit reference must look like ABC/1',
      seizedAt: 'Date and time seized: may not be in the future',
    });
    expect(errors.summary).toEqual([
      { text: 'Exhibit reference must look like ABC/1', href: '#exhibitRef' },
      { text: 'Date and time seized: may not be in the future', href: '#seizedAt-day' },
      { text: 'is not a known field' },
    ]);
  });

  it('shows the detail of a problem without fields, and rethrows server errors', () => {
    expect(formErrors(new ConflictError('X', 'Someone else changed it.'), {}).summary).toEqual([
      { text: 'Someone else changed it.' },
    ]);
    expect(() => formErrors(new Error('boom'), {})).toThrow('boom');
  });
});
