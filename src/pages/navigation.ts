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
  { href: '/foi/requests', text: 'FOI requests', roles: [Role.Foi] },
  { href: '/foi', text: 'FOI answers', roles: [Role.Foi] },
  { href: '/foi/counts', text: 'Build a count', roles: [Role.Foi] },
  { href: '/admin/users', text: 'Users', roles: [] },
  { href: '/admin/audit', text: 'Audit trail', roles: [] },
];

// The item for the current page is the one with the longest matching path (/foi/requests, not /foi).
export function navigationFor(role: Role, currentPath: string): { href: string; text: string; active: boolean }[] {
  const visible = NAVIGATION.filter((item) => role === Role.Admin || item.roles.includes(role));
  const matches = (href: string) =>
    href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`);
  const current = visible.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return visible.map((item) => ({ href: item.href, text: item.text, active: item === current }));
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.ExhibitsOfficer]: 'Exhibits officer',
  [Role.Lab]: 'Lab',
  [Role.Foi]: 'FOI team',
  [Role.Admin]: 'Admin',
};
