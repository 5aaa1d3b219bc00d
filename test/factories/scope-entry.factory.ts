import { CreateScopeEntryDto } from '../../src/accreditation/dto/create-scope-entry.dto.js';

// A plain object (not a class instance) with the create DTO's fields.
export type ScopeEntryBody = { [K in keyof CreateScopeEntryDto]: CreateScopeEntryDto[K] };

// A valid scope change: smart plugs accredited (fixed scope) from 1 March 2023.
// scopeType only where the status is accredited or suspended (the register refuses it elsewhere).
export function scopeEntryDto(overrides: Partial<ScopeEntryBody> = {}): ScopeEntryBody {
  const status = overrides.status ?? 'ACCREDITED';
  const scoped = /^(ACCREDITED|EXTENSION_TO_SCOPE_APPLIED|SCOPE_REDUCED|SUSPENDED_)/.test(status);
  return {
    deviceType: 'SMART_PLUG',
    status: 'ACCREDITED',
    scopeType: scoped ? 'FIXED' : undefined,
    scheduleReference: '7737',
    fsaCode: 'DIG 100',
    effectiveFrom: '2023-03-01',
    notes: 'Extension to scope granted after assessment',
    ...overrides,
  };
}
