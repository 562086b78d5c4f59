// The signed-in pages: one table that both the router (App.tsx) and the menu (AppLayout.tsx)
// read, so a path, its permission, icon and label are written once. A new module adds rows here.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  ReadOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FundOutlined,
  IdcardOutlined,
  PieChartOutlined,
  RiseOutlined,
  TrophyOutlined,
  GiftOutlined,
  FileDoneOutlined,
  ClusterOutlined,
  LinkOutlined,
  GroupOutlined,
  HeartOutlined,
  HomeOutlined,
  InteractionOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  SmileOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import type { Permission } from '@wushe/core';
import type { StringKey } from './i18n/index.tsx';

/** A named export of a module as a lazy chunk (pages export by name, not default). */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export interface AppRoute {
  /** Relative to the shell ('' is the home page). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Needed to open the page (and to see its menu entry), all of them if several; none: every signed-in account. */
  permission?: Permission | readonly Permission[];
  /** Menu entries have an icon and a label, in table order. */
  menu?: { icon: ReactNode; labelKey: StringKey; group?: MenuGroup };
  /** Rendered without the app shell (menu, header): the printed pages. */
  bare?: boolean;
}

/** A submenu: entries naming the same group are shown under it. */
export interface MenuGroup {
  key: string;
  icon: ReactNode;
  labelKey: StringKey;
}

const VOLUNTEERING: MenuGroup = { key: 'volunteering', icon: <SmileOutlined aria-hidden />, labelKey: 'menu.volunteering' };
const TALENT: MenuGroup = { key: 'talent', icon: <TrophyOutlined aria-hidden />, labelKey: 'menu.talent' };

export const ROUTES: AppRoute[] = [
  // Printed pages (A4): outside the shell, so nothing but the page prints.
  {
    path: 'residents/:id/print',
    page: page(() => import('./pages/print/ResidentPrint.tsx'), 'ResidentPrint'),
    permission: 'resident.read',
    bare: true,
  },
  {
    path: 'contacts/:id/print',
    page: page(() => import('./pages/print/ContactPrint.tsx'), 'ContactPrint'),
    permission: 'resident.read',
    bare: true,
  },
  {
    path: 'assessments/:id/print',
    page: page(() => import('./pages/print/AssessmentPrint.tsx'), 'AssessmentPrint'),
    permission: 'resident.read',
    bare: true,
  },
  // The check-in QR screen (a projector or a tablet at the door): outside the shell too.
  {
    path: 'activities/:id/qr',
    page: page(() => import('./pages/activities/ActivityQrPage.tsx'), 'ActivityQrPage'),
    permission: 'activity.write',
    bare: true,
  },
  {
    path: 'trainings/:id/sessions/:sessionId/qr',
    page: page(() => import('./pages/trainings/TrainingQrPage.tsx'), 'TrainingQrPage'),
    permission: 'training.write',
    bare: true,
  },
  {
    path: 'volunteers/:id/certificates/:code/print',
    page: page(() => import('./pages/volunteers/VolunteerCertificatePrint.tsx'), 'VolunteerCertificatePrint'),
    permission: 'volunteer.read',
    bare: true,
  },
  {
    path: 'trainings/:id/certificates/:registrationId/print',
    page: page(() => import('./pages/trainings/CertificatePrint.tsx'), 'CertificatePrint'),
    permission: 'training.read',
    bare: true,
  },
  {
    path: 'print/cases/:id',
    page: page(() => import('./pages/print/CasePrint.tsx'), 'CasePrint'),
    permission: 'case.read',
    bare: true,
  },
  {
    path: '',
    page: page(() => import('./pages/home/HomePage.tsx'), 'HomePage'),
    menu: { icon: <HomeOutlined aria-hidden />, labelKey: 'menu.home' },
  },
  {
    path: 'residents',
    page: page(() => import('./pages/residents/ResidentsPage.tsx'), 'ResidentsPage'),
    permission: 'resident.read',
    menu: { icon: <SolutionOutlined aria-hidden />, labelKey: 'menu.residents' },
  },
  {
    path: 'residents/new',
    page: page(() => import('./pages/residents/ResidentFormPage.tsx'), 'ResidentFormPage'),
    permission: 'resident.write',
  },
  { path: 'residents/:id', page: page(() => import('./pages/residents/ProfilePage.tsx'), 'ProfilePage'), permission: 'resident.read' },
  {
    path: 'residents/:id/edit',
    page: page(() => import('./pages/residents/ResidentFormPage.tsx'), 'ResidentFormPage'),
    permission: 'resident.write',
  },
  {
    path: 'residents/:id/assess',
    page: page(() => import('./pages/assess/AssessPage.tsx'), 'AssessPage'),
    permission: 'assessment.write',
  },
  {
    path: 'follow-ups',
    page: page(() => import('./pages/followups/FollowUpsPage.tsx'), 'FollowUpsPage'),
    permission: 'resident.read',
    menu: { icon: <ScheduleOutlined aria-hidden />, labelKey: 'menu.followUps' },
  },
  {
    path: 'transfers',
    page: page(() => import('./pages/transfers/TransfersPage.tsx'), 'TransfersPage'),
    permission: 'resident.read',
    menu: { icon: <SwapOutlined aria-hidden />, labelKey: 'menu.transfers' },
  },
  {
    path: 'cases',
    page: page(() => import('./pages/cases/CasesPage.tsx'), 'CasesPage'),
    permission: 'case.read',
    menu: { icon: <FileProtectOutlined aria-hidden />, labelKey: 'menu.cases' },
  },
  { path: 'cases/:id', page: page(() => import('./pages/cases/CasePage.tsx'), 'CasePage'), permission: 'case.read' },
  {
    path: 'referrals',
    page: page(() => import('./pages/referrals/ReferralsPage.tsx'), 'ReferralsPage'),
    permission: 'case.approve',
    menu: { icon: <SendOutlined aria-hidden />, labelKey: 'menu.referrals' },
  },
  {
    path: 'referrals/:id',
    page: page(() => import('./pages/referrals/ReferralPage.tsx'), 'ReferralPage'),
    permission: 'case.approve',
  },
  {
    path: 'supervision',
    page: page(() => import('./pages/supervision/SupervisionPage.tsx'), 'SupervisionPage'),
    // A partner organisation decides referrals (case.approve) but reads no station's cases.
    permission: ['case.read', 'case.approve'],
    menu: { icon: <InteractionOutlined aria-hidden />, labelKey: 'menu.supervision' },
  },
  {
    path: 'activities',
    page: page(() => import('./pages/activities/ActivitiesPage.tsx'), 'ActivitiesPage'),
    permission: 'activity.read',
    menu: { icon: <CalendarOutlined aria-hidden />, labelKey: 'menu.activities' },
  },
  {
    path: 'activities/:id',
    page: page(() => import('./pages/activities/ActivityPage.tsx'), 'ActivityPage'),
    permission: 'activity.read',
  },
  {
    path: 'outputs',
    page: page(() => import('./pages/outputs/OutputsPage.tsx'), 'OutputsPage'),
    permission: 'outputs.read',
    menu: { icon: <BarChartOutlined aria-hidden />, labelKey: 'menu.outputs' },
  },
  {
    path: 'groups',
    page: page(() => import('./pages/groups/GroupsPage.tsx'), 'GroupsPage'),
    permission: 'group.read',
    menu: { icon: <GroupOutlined aria-hidden />, labelKey: 'menu.groups' },
  },
  { path: 'groups/:id', page: page(() => import('./pages/groups/GroupPage.tsx'), 'GroupPage'), permission: 'group.read' },
  {
    path: 'wishes',
    page: page(() => import('./pages/wishes/WishesPage.tsx'), 'WishesPage'),
    permission: 'wish.read',
    menu: { icon: <HeartOutlined aria-hidden />, labelKey: 'menu.wishes' },
  },
  { path: 'wishes/:id', page: page(() => import('./pages/wishes/WishPage.tsx'), 'WishPage'), permission: 'wish.read' },
  {
    path: 'volunteers',
    page: page(() => import('./pages/volunteers/VolunteersPage.tsx'), 'VolunteersPage'),
    permission: 'volunteer.read',
    menu: { icon: <UserOutlined aria-hidden />, labelKey: 'menu.volunteers', group: VOLUNTEERING },
  },
  {
    path: 'volunteers/:id',
    page: page(() => import('./pages/volunteers/VolunteerPage.tsx'), 'VolunteerPage'),
    permission: 'volunteer.read',
  },
  {
    path: 'teams',
    page: page(() => import('./pages/volunteers/TeamsPage.tsx'), 'TeamsPage'),
    permission: 'volunteer.read',
    menu: { icon: <UsergroupAddOutlined aria-hidden />, labelKey: 'menu.teams', group: VOLUNTEERING },
  },
  { path: 'teams/:id', page: page(() => import('./pages/volunteers/TeamPage.tsx'), 'TeamPage'), permission: 'volunteer.read' },
  {
    path: 'outputs/volunteering',
    page: page(() => import('./pages/outputs/VolunteeringOutputsPage.tsx'), 'VolunteeringOutputsPage'),
    permission: 'outputs.read',
    menu: { icon: <BarChartOutlined aria-hidden />, labelKey: 'menu.volunteeringOutputs', group: VOLUNTEERING },
  },
  {
    path: 'mobilisations',
    page: page(() => import('./pages/mobilisations/MobilisationsPage.tsx'), 'MobilisationsPage'),
    permission: 'volunteer.read',
    menu: { icon: <SoundOutlined aria-hidden />, labelKey: 'menu.mobilisations', group: VOLUNTEERING },
  },
  {
    path: 'mobilisations/:id',
    page: page(() => import('./pages/mobilisations/MobilisationPage.tsx'), 'MobilisationPage'),
    permission: 'volunteer.read',
  },
  {
    // the workforce group's first entry, so officials land on it
    path: 'workforce-dashboard',
    page: page(() => import('./pages/workforce/WorkforceDashboardPage.tsx'), 'WorkforceDashboardPage'),
    permission: 'workforce.stats',
    menu: { icon: <DashboardOutlined aria-hidden />, labelKey: 'menu.wfDashboard', group: TALENT },
  },
  {
    path: 'workers',
    page: page(() => import('./pages/workforce/WorkersPage.tsx'), 'WorkersPage'),
    permission: 'worker.read',
    menu: { icon: <IdcardOutlined aria-hidden />, labelKey: 'menu.workers', group: TALENT },
  },
  {
    path: 'workforce-stats',
    page: page(() => import('./pages/workforce/WorkforceStatsPage.tsx'), 'WorkforceStatsPage'),
    permission: 'workforce.stats',
    menu: { icon: <PieChartOutlined aria-hidden />, labelKey: 'menu.workforceStats', group: TALENT },
  },
  {
    path: 'exams',
    page: page(() => import('./pages/exams/ExamsPage.tsx'), 'ExamsPage'),
    permission: 'worker.read',
    menu: { icon: <FileProtectOutlined aria-hidden />, labelKey: 'menu.exams', group: TALENT },
  },
  {
    path: 'exam-stats',
    page: page(() => import('./pages/exams/ExamStatsPage.tsx'), 'ExamStatsPage'),
    permission: 'workforce.stats',
    menu: { icon: <RiseOutlined aria-hidden />, labelKey: 'menu.examStats', group: TALENT },
  },
  {
    path: 'my-entry',
    page: page(() => import('./pages/workforce/WorkerPage.tsx'), 'MyWorkerPage'),
    menu: { icon: <IdcardOutlined aria-hidden />, labelKey: 'wf.mine', group: TALENT },
  },
  { path: 'workers/:id', page: page(() => import('./pages/workforce/WorkerPage.tsx'), 'WorkerPage'), permission: 'worker.read' },
  {
    path: 'programmes',
    page: page(() => import('./pages/programmes/ProgrammesPage.tsx'), 'ProgrammesPage'),
    menu: { icon: <TrophyOutlined aria-hidden />, labelKey: 'menu.programmes', group: TALENT },
  },
  { path: 'programmes/:id', page: page(() => import('./pages/programmes/ProgrammePage.tsx'), 'ProgrammePage') },
  {
    path: 'policies',
    page: page(() => import('./pages/subsidies/PoliciesPage.tsx'), 'PoliciesPage'),
    menu: { icon: <GiftOutlined aria-hidden />, labelKey: 'menu.policies', group: TALENT },
  },
  { path: 'policies/:id', page: page(() => import('./pages/subsidies/PolicyPage.tsx'), 'PolicyPage') },
  {
    path: 'policies/:id/payments',
    page: page(() => import('./pages/subsidies/PaymentsPage.tsx'), 'PaymentsPage'),
    permission: 'policy.manage',
  },
  {
    path: 'subsidy-review/org',
    page: page(() => import('./pages/subsidies/ReviewPage.tsx'), 'OrgReviewPage'),
    permission: 'subsidy.review.org',
    menu: { icon: <FileDoneOutlined aria-hidden />, labelKey: 'menu.subsidyOrg', group: TALENT },
  },
  {
    path: 'subsidy-review/dept',
    page: page(() => import('./pages/subsidies/ReviewPage.tsx'), 'DeptReviewPage'),
    permission: 'subsidy.review.dept',
    menu: { icon: <FileDoneOutlined aria-hidden />, labelKey: 'menu.subsidyDept', group: TALENT },
  },
  {
    path: 'my-subsidies',
    page: page(() => import('./pages/subsidies/MySubsidiesPage.tsx'), 'MySubsidiesPage'),
    menu: { icon: <GiftOutlined aria-hidden />, labelKey: 'menu.mySubsidies', group: TALENT },
  },
  {
    path: 'trainings',
    page: page(() => import('./pages/trainings/TrainingsPage.tsx'), 'TrainingsPage'),
    permission: 'training.read',
    menu: { icon: <ReadOutlined aria-hidden />, labelKey: 'menu.trainings', group: TALENT },
  },
  { path: 'trainings/:id', page: page(() => import('./pages/trainings/TrainingPage.tsx'), 'TrainingPage'), permission: 'training.read' },
  {
    path: 'teachers',
    page: page(() => import('./pages/trainings/TeachersPage.tsx'), 'TeachersPage'),
    permission: 'training.read',
    menu: { icon: <UserOutlined aria-hidden />, labelKey: 'menu.teachers', group: TALENT },
  },
  {
    path: 'ce-hours',
    page: page(() => import('./pages/trainings/CeHoursPage.tsx'), 'CeHoursPage'),
    permission: 'worker.read',
    menu: { icon: <ClockCircleOutlined aria-hidden />, labelKey: 'menu.ceHours', group: TALENT },
  },
  {
    path: 'alliances',
    page: page(() => import('./pages/alliances/AlliancesPage.tsx'), 'AlliancesPage'),
    permission: 'alliance.read',
    menu: { icon: <ClusterOutlined aria-hidden />, labelKey: 'menu.alliances', group: TALENT },
  },
  { path: 'alliances/:id', page: page(() => import('./pages/alliances/AlliancePage.tsx'), 'AlliancePage'), permission: 'alliance.read' },
  {
    path: 'partnerships',
    page: page(() => import('./pages/alliances/PartnershipsPage.tsx'), 'PartnershipsPage'),
    permission: 'alliance.read',
    menu: { icon: <LinkOutlined aria-hidden />, labelKey: 'menu.partnerships', group: TALENT },
  },
  {
    path: 'partnerships/:id',
    page: page(() => import('./pages/alliances/PartnershipPage.tsx'), 'PartnershipPage'),
    permission: 'alliance.read',
  },
  {
    path: 'jobs',
    page: page(() => import('./pages/jobs/JobsPage.tsx'), 'JobsPage'),
    permission: 'job.read',
    menu: { icon: <SolutionOutlined aria-hidden />, labelKey: 'menu.jobs', group: TALENT },
  },
  { path: 'jobs/:id', page: page(() => import('./pages/jobs/JobPage.tsx'), 'JobPage'), permission: 'job.read' },
  {
    path: 'job-fairs',
    page: page(() => import('./pages/jobs/FairsPage.tsx'), 'FairsPage'),
    permission: 'job.read',
    menu: { icon: <CalendarOutlined aria-hidden />, labelKey: 'menu.jobFairs', group: TALENT },
  },
  { path: 'job-fairs/:id', page: page(() => import('./pages/jobs/FairPage.tsx'), 'FairPage'), permission: 'job.read' },
  {
    path: 'coverage',
    page: page(() => import('./pages/coverage/CoveragePage.tsx'), 'CoveragePage'),
    permission: 'coverage.read',
    menu: { icon: <FundOutlined aria-hidden />, labelKey: 'menu.coverage' },
  },
  {
    path: 'areas',
    page: page(() => import('./pages/areas/AreasPage.tsx'), 'AreasPage'),
    permission: 'area.read',
    menu: { icon: <ApartmentOutlined aria-hidden />, labelKey: 'menu.areas' },
  },
  {
    path: 'orgs',
    page: page(() => import('./pages/orgs/OrgsPage.tsx'), 'OrgsPage'),
    permission: 'org.read',
    menu: { icon: <BankOutlined aria-hidden />, labelKey: 'menu.orgs' },
  },
  {
    path: 'users',
    page: page(() => import('./pages/users/UsersPage.tsx'), 'UsersPage'),
    permission: 'user.read',
    menu: { icon: <TeamOutlined aria-hidden />, labelKey: 'menu.users' },
  },
  {
    path: 'roles',
    page: page(() => import('./pages/roles/RolesPage.tsx'), 'RolesPage'),
    permission: 'role.read',
    menu: { icon: <SafetyOutlined aria-hidden />, labelKey: 'menu.roles' },
  },
  {
    path: 'audit',
    page: page(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage'),
    permission: 'audit.read',
    menu: { icon: <AuditOutlined aria-hidden />, labelKey: 'menu.audit' },
  },
  {
    path: 'settings',
    page: page(() => import('./pages/settings/SettingsPage.tsx'), 'SettingsPage'),
    permission: 'settings.write',
    menu: { icon: <SettingOutlined aria-hidden />, labelKey: 'menu.settings' },
  },
  {
    path: 'account',
    page: page(() => import('./pages/account/AccountPage.tsx'), 'AccountPage'),
    menu: { icon: <UserOutlined aria-hidden />, labelKey: 'menu.account' },
  },
];

/** Whether an account holding `permissions` may open the route. */
export function mayOpen(route: Pick<AppRoute, 'permission'>, permissions: readonly Permission[]): boolean {
  const needed = route.permission === undefined ? [] : typeof route.permission === 'string' ? [route.permission] : route.permission;
  return needed.every((p) => permissions.includes(p));
}

/** The menu's entries: a route with a menu label, which the actor may open. */
export function menuRoutes(permissions: readonly Permission[]): (AppRoute & { menu: NonNullable<AppRoute['menu']> })[] {
  return ROUTES.filter((r): r is AppRoute & { menu: NonNullable<AppRoute['menu']> } => !!r.menu).filter((r) => mayOpen(r, permissions));
}
