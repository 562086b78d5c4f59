// The web app's string table: one catalog per module, combined here. Server messages come
// translated already; shared validation keys live in MESSAGES in @wushe/core.
// A new module adds its catalog file beside these and one line below.
import type { MessageKey } from '@wushe/core';
import { ACCOUNT_STRINGS } from './account.ts';
import { AREAS_STRINGS } from './areas.ts';
import { ASSIGN_STRINGS } from './assign.ts';
import { ASSESS_STRINGS } from './assess.ts';
import { AUDIT_STRINGS } from './audit.ts';
import { CASES_STRINGS } from './cases.ts';
import { COMMON_STRINGS } from './common.ts';
import { COVERAGE_STRINGS } from './coverage.ts';
import { DASHBOARD_STRINGS } from './dashboard.ts';
import { EXPORTS_STRINGS } from './exports.ts';
import { FOLLOWUPS_STRINGS } from './followups.ts';
import { GROUPS_STRINGS } from './groups.ts';
import { HOME_STRINGS } from './home.ts';
import { NOTIFICATIONS_STRINGS } from './notifications.ts';
import { ORGS_STRINGS } from './orgs.ts';
import { OUTPUTS_STRINGS } from './outputs.ts';
import { PRINT_STRINGS } from './print.ts';
import { REFERRALS_STRINGS } from './referrals.ts';
import { RESIDENTS_STRINGS } from './residents.ts';
import { ROLES_STRINGS } from './roles.ts';
import { SETTINGS_STRINGS } from './settings.ts';
import { SUPERVISION_STRINGS } from './supervision.ts';
import { ACTIVITIES_STRINGS } from './activities.ts';
import { PUBLIC_ACCOUNT_STRINGS } from './publicAccount.ts';
import { TRANSFERS_STRINGS } from './transfers.ts';
import { USERS_STRINGS } from './users.ts';
import { VOLUNTEER_PUBLIC_STRINGS } from './volunteerPublic.ts';
import { WORKFORCE_STRINGS } from './workforce.ts';
import { EXAM_STRINGS } from './exams.ts';
import { PROGRAMME_STRINGS } from './programmes.ts';
import { SUBSIDY_STRINGS } from './subsidies.ts';
import { TRAINING_STRINGS } from './trainings.ts';
import { ALLIANCE_STRINGS } from './alliances.ts';
import { JOB_STRINGS } from './jobs.ts';
import { WF_DASHBOARD_STRINGS } from './wfDashboard.ts';
import { WISH_STRINGS } from './wishes.ts';
import { VOLUNTEER_STRINGS } from './volunteers.ts';
import { MOBILISATION_STRINGS } from './mobilisations.ts';

export const CATALOGS = {
  common: COMMON_STRINGS,
  account: ACCOUNT_STRINGS,
  home: HOME_STRINGS,
  areas: AREAS_STRINGS,
  orgs: ORGS_STRINGS,
  users: USERS_STRINGS,
  volunteerPublic: VOLUNTEER_PUBLIC_STRINGS,
  roles: ROLES_STRINGS,
  audit: AUDIT_STRINGS,
  residents: RESIDENTS_STRINGS,
  assess: ASSESS_STRINGS,
  coverage: COVERAGE_STRINGS,
  dashboard: DASHBOARD_STRINGS,
  followups: FOLLOWUPS_STRINGS,
  notifications: NOTIFICATIONS_STRINGS,
  settings: SETTINGS_STRINGS,
  exports: EXPORTS_STRINGS,
  print: PRINT_STRINGS,
  transfers: TRANSFERS_STRINGS,
  assign: ASSIGN_STRINGS,
  cases: CASES_STRINGS,
  supervision: SUPERVISION_STRINGS,
  outputs: OUTPUTS_STRINGS,
  groups: GROUPS_STRINGS,
  referrals: REFERRALS_STRINGS,
  activities: ACTIVITIES_STRINGS,
  workforce: WORKFORCE_STRINGS,
  programmes: PROGRAMME_STRINGS,
  publicAccount: PUBLIC_ACCOUNT_STRINGS,
  exams: EXAM_STRINGS,
  subsidies: SUBSIDY_STRINGS,
  trainings: TRAINING_STRINGS,
  alliances: ALLIANCE_STRINGS,
  jobs: JOB_STRINGS,
  wfDashboard: WF_DASHBOARD_STRINGS,
  wishes: WISH_STRINGS,
  volunteers: VOLUNTEER_STRINGS,
  mobilisations: MOBILISATION_STRINGS,
} as const;

type Catalogs = typeof CATALOGS;
type Entry = { readonly zh: string; readonly en: string };

/** Every web string key (the union of the module catalogs). */
export type StringKey = { [M in keyof Catalogs]: keyof Catalogs[M] }[keyof Catalogs] & string;

/** What `t()` accepts: a web string or a core message key. A typo fails the type-check. */
export type TextKey = StringKey | MessageKey;

export const STRINGS: Record<StringKey, Entry> = Object.assign({}, ...Object.values(CATALOGS));
