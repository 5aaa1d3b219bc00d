import { EXAMINATION_RESTRICTED as IN_HISTORY } from '../audit/history.controller.js';
import { EXAMINATION_RESTRICTED } from './examination-restricted.js';

describe('restricted examination fields', () => {
  it('are the same in the record history as in the examination responses', () => {
    expect([...IN_HISTORY].sort()).toEqual([...EXAMINATION_RESTRICTED].sort());
  });
});
