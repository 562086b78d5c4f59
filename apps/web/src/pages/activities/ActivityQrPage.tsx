// 二维码签到 screen of an activity (outside the shell, for a projector or a tablet): the shared
// check-in screen with the activity's title.
import { useParams } from 'react-router-dom';
import { useActivity } from '../../api/activities.ts';
import { CheckinQrScreen } from '../../components/CheckinQrScreen.tsx';

export function ActivityQrPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id);
  return <CheckinQrScreen kind="activity" id={id} title={activity.data?.title ?? ''} back={`/activities/${id}`} />;
}
