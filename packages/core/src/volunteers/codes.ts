// Volunteers (志愿者, domain brief §9): the register's states and the moves between them,
// sign-ups, service-hour records, and the platform's own volunteer number.
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** Self-registered volunteers wait for a station (pending); only active ones sign up or claim. */
export const VOLUNTEER_STATUSES = ['pending', 'active', 'suspended', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const VOLUNTEER_STATUS_LABELS: Labels<VolunteerStatus> = {
  pending: { zh: '待确认', en: 'Awaiting confirmation' },
  active: { zh: '在册', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  left: { zh: '已退出', en: 'Left' },
};

export const VOLUNTEER_ACTIONS = ['confirm', 'suspend', 'resume', 'leave'] as const;
export type VolunteerAction = (typeof VOLUNTEER_ACTIONS)[number];
export const VOLUNTEER_ACTION_LABELS: Labels<VolunteerAction> = {
  confirm: { zh: '确认注册', en: 'Confirm' },
  suspend: { zh: '暂停', en: 'Suspend' },
  resume: { zh: '恢复', en: 'Resume' },
  leave: { zh: '退出', en: 'Mark as left' },
};
const MOVES: Record<VolunteerAction, { from: readonly VolunteerStatus[]; to: VolunteerStatus }> = {
  confirm: { from: ['pending'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  leave: { from: ['pending', 'active', 'suspended'], to: 'left' },
};
export function volunteerMove(from: VolunteerStatus, action: VolunteerAction): VolunteerStatus | null {
  const m = MOVES[action];
  return m.from.includes(from) ? m.to : null;
}

export const VOLUNTEER_SOURCES = ['station', 'self'] as const;
export const TEAM_ROLES = ['leader', 'member'] as const;
export const TEAM_ROLE_LABELS: Labels<(typeof TEAM_ROLES)[number]> = {
  leader: { zh: '队长', en: 'Leader' },
  member: { zh: '队员', en: 'Member' },
};

export const SIGNUP_STATUSES = ['applied', 'accepted', 'declined', 'withdrawn'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Labels<SignupStatus> = {
  applied: { zh: '待录用', en: 'Applied' },
  accepted: { zh: '已录用', en: 'Accepted' },
  declined: { zh: '未录用', en: 'Not accepted' },
  withdrawn: { zh: '已取消', en: 'Withdrawn' },
};

/** open: checked in, not out; pending: closed, awaiting the organiser; approved / declined. */
export const HOURS_STATUSES = ['open', 'pending', 'approved', 'declined'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
export const HOURS_STATUS_LABELS: Labels<HoursStatus> = {
  open: { zh: '服务中', en: 'Checked in' },
  pending: { zh: '待审核', en: 'Awaiting approval' },
  approved: { zh: '已认定', en: 'Approved' },
  declined: { zh: '不予认定', en: 'Declined' },
};

/** The platform's volunteer number: V, the year registered, six digits of a sequence. */
export const volunteerNumber = (year: number, seq: number): string => `V${year}${String(seq).padStart(6, '0')}`;
