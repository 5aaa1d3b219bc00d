import { Role } from '../auth/role.enum.js';
import { PageController, PageGet } from './page.decorators.js';
import { view, type PageRequest, type PageResult } from './page-request.js';

// What each role does most, first.
const TASKS: Record<Role, { href: string; title: string; text: string }[]> = {
  [Role.ExhibitsOfficer]: [
    { href: '/cases/new', title: 'Log a new case', text: 'The crime or incident the devices were seized for.' },
    { href: '/cases', title: 'Find a case', text: 'By any part of its reference; add devices and custody events.' },
    { href: '/imports', title: 'Import a spreadsheet', text: 'Many cases and devices at once, checked first.' },
    { href: '/exports', title: 'Export devices', text: 'As a workbook or CSV, filtered.' },
  ],
  [Role.Lab]: [
    { href: '/examinations', title: 'Examination queue', text: 'Requested and in progress, oldest first.' },
    { href: '/scope', title: 'Scope register', text: 'ISO/IEC 17025 scope by device type; record a change.' },
    { href: '/cases', title: 'Find a case', text: 'Cases and their devices.' },
  ],
  [Role.Foi]: [
    { href: '/foi/requests', title: 'FOI requests', text: 'The request log: what is due, overdue first; issue an answer.' },
    { href: '/foi/requests/new', title: 'Log an FOI request', text: 'Its 20 working days start from the day it was received.' },
    { href: '/foi', title: 'Answer an FOI question', text: 'Counts from the register, ready to release.' },
    { href: '/foi/statistics', title: 'FOI timeliness', text: 'Share answered in 20 working days, against the ICO bands.' },
  ],
  [Role.Admin]: [
    { href: '/admin/users', title: 'Users', text: 'Create users, set passwords, issue and revoke tokens.' },
    { href: '/admin/audit', title: 'Audit trail', text: 'Every change, and a check of the chain.' },
    { href: '/cases', title: 'Cases', text: 'Cases, devices and custody.' },
    { href: '/examinations', title: 'Examinations', text: 'The lab queue.' },
    { href: '/foi', title: 'FOI answers', text: 'Counts from the register.' },
    { href: '/foi/requests', title: 'FOI requests', text: 'The request log and released answers.' },
  ],
};

@PageController()
export class HomePagesController {
  @PageGet('/', 'signed-in')
  async home(page: PageRequest): Promise<PageResult> {
    return view('pages/views/home.njk', { title: 'Home', tasks: TASKS[page.user!.role] });
  }
}
