import { Role } from '../auth/role.enum.js';

export interface NavItem {
  href: string;
  text: string;
  roles: readonly Role[];
}

// The service navigation, by role (admins see every item). Add a page's entry here.
export const NAVIGATION: readonly NavItem[] = [
  { href: '/', text: 'Home', roles: [Role.ExhibitsOfficer, Role.Lab, Role.Foi] },
  { href: '/cases', text: 'Cases', roles: [Role.ExhibitsOfficer, Role.Lab] },
  { href: '/imports', text: 'Import', roles: [Role.ExhibitsOfficer] },
  { href: '/exports', text: 'Export', roles: [Role.ExhibitsOfficer, Role.Lab] },
  { href: '/examinations', text: 'Examinations', roles: [Role.Lab] },
  { href: '/scope', text: 'Scope register', roles: [Role.Lab, Role.ExhibitsOfficer] },
  { href: '/foi', text: 'FOI answers', roles: [Role.Foi] },
  { href: '/foi/counts', text: 'Build a count', roles: [Role.Foi] },
  { href: '/admin/users', text: 'Users', roles: [] },
  { href: '/admin/audit', text: 'Audit trail', roles: [] },
];

export function navigationFor(role: Role, currentPath: string): { href: string; text: string; active: boolean }[] {
  return NAVIGATION.filter((item) => role === Role.Admin || item.roles.includes(role)).map((item) => ({
    href: item.href,
    text: item.text,
    active: item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
  }));
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.ExhibitsOfficer]: 'Exhibits officer',
  [Role.Lab]: 'Lab',
  [Role.Foi]: 'FOI team',
  [Role.Admin]: 'Admin',
};
