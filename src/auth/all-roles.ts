import { Role } from './role.enum.js';

// Record-level readers: everyone but the FOI team, which sees aggregates only.
export const RECORD_READERS = [Role.ExhibitsOfficer, Role.Lab] as const;
export const ALL_ROLES = [Role.ExhibitsOfficer, Role.Lab, Role.Foi] as const;
