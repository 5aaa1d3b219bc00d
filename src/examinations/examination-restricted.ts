import type { Examination } from './examination.entity.js';

// The examination's restricted fields (FOIA s.30(1)(a)(b)): shown to lab and admin only, never in FOI
// output or an export. audit/history.controller.ts keeps the same list (audit imports no feature);
// examination-restricted.spec.ts holds the two equal.
export const EXAMINATION_RESTRICTED = [
  'methods',
  'findingsSummary',
  'toolsUsed',
] as const satisfies readonly (keyof Examination)[];
