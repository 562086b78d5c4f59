// Training sessions check in by the shared rotating QR code (modules/checkin): the kind 'training_session'.
import { registerCheckinKind } from '../checkin/checkin.kinds.ts';
import { sessionFacts } from './trainings.repo.ts';

export function registerTrainingCheckin(): void {
  registerCheckinKind('training_session', { occasionKind: 'training_session', writePermission: 'training.write', load: sessionFacts });
}
