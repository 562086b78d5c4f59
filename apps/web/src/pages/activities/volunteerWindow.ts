// What an activity's volunteers can do now: recruit until the end; check in from 30 minutes
// before the start to the end; check out up to 2 hours after the end (the server's windows).
import type { ActivityDetail } from '../../api/activities.ts';

export function serviceWindow(a: Pick<ActivityDetail, 'startsAt' | 'endsAt' | 'status'>, now = Date.now()) {
  const start = Date.parse(a.startsAt);
  const end = Date.parse(a.endsAt);
  const live = a.status !== 'cancelled';
  return {
    recruiting: live && now <= end,
    checkin: live && now >= start - 30 * 60_000 && now <= end,
    checkout: live && now >= start - 30 * 60_000 && now <= end + 2 * 3_600_000,
  };
}
