export enum Role {
  ExhibitsOfficer = 'exhibits_officer',
  Lab = 'lab',
  Foi = 'foi',
  Admin = 'admin',
}

export const ROLES = Object.values(Role);
