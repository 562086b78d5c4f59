// Activities check in by the shared rotating QR code (modules/checkin): the kind 'activity'.
import { registerCheckinKind } from '../checkin/checkin.kinds.ts';
import { activityFacts } from './activities.repo.ts';

export function registerActivityCheckin(): void {
  registerCheckinKind('activity', { occasionKind: 'activity', writePermission: 'activity.write', load: activityFacts });
}
