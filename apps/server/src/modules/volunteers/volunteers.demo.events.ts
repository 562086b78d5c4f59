// The demo volunteers' status history (volunteer_events, migration 0046), as the register would
// have written it: registered (pending when self-registered), confirmed a day later, and a
// suspension or leave half-way to now. Confirmation and update times on the rows follow it.
import { stableId } from '@wushe/db';

const DAY = 86_400_000;

export function statusEventsFor(volunteers: Record<string, unknown>[], now: Date): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const v of volunteers) {
    const id = v.id as string;
    const created = Date.parse(v.created_at as string);
    const event = (action: string, status: string, at: number, reason: string | null = null) =>
      events.push({
        id: stableId(`volunteer-event:${id}:${action}`),
        volunteer_id: id,
        area_code: v.area_code,
        action,
        status,
        reason,
        actor_name: null,
        at: new Date(at).toISOString(),
      });
    const self = v.source === 'self';
    event('register', self ? 'pending' : 'active', created);
    if (v.status === 'pending') continue;
    let confirmed = created;
    if (self) {
      confirmed = Math.max(created, Math.min(created + DAY, now.getTime() - 60_000));
      event('confirm', 'active', confirmed);
      v.confirmed_at = new Date(confirmed).toISOString();
    }
    if (v.status === 'suspended' || v.status === 'left') {
      const at = confirmed + Math.floor((now.getTime() - confirmed) / 2);
      event(v.status === 'left' ? 'leave' : 'suspend', v.status, at, v.status === 'left' ? '工作调动，离开本社区' : '暂停服务，身体原因');
      v.updated_at = new Date(at).toISOString();
    }
  }
  return events;
}
