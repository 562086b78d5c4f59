// Training sessions check in by the shared rotating QR code (modules/checkin): the kind 'training'.
import { registerCheckinKind } from '../checkin/checkin.kinds.ts';
import { sessionFacts } from './trainings.repo.ts';

export function registerTrainingCheckin(): void {
  registerCheckinKind('training', { occasionKind: 'training_session', writePermission: 'training.write', load: sessionFacts });
}
