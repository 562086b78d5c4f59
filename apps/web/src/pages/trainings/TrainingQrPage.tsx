// The QR check-in screen of one training session: the shared check-in screen (kind
// training_session) with the training's and the session's titles.
import { useParams } from 'react-router-dom';
import { useTraining } from '../../api/trainings.ts';
import { CheckinQrScreen } from '../../components/CheckinQrScreen.tsx';

export function TrainingQrPage() {
  const { id = '', sessionId = '' } = useParams();
  const training = useTraining(id);
  const session = training.data?.sessionList.find((s) => s.id === sessionId);
  const title = training.data ? `${training.data.title}${session ? ` · ${session.title}` : ''}` : '';
  return <CheckinQrScreen kind="training_session" id={sessionId} title={title} back={`/trainings/${id}`} />;
}
