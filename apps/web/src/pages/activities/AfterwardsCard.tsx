// 活动总结与照片: what happened and the photos, added after the activity (each photo is uploaded
// first, then linked to the activity by its id).
import { useState } from 'react';
import { App, Button, Card, Image, Input, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useEditActivity, type ActivityDetail } from '../../api/activities.ts';
import { API_BASE } from '../../api/client.ts';
import { uploadAttachment } from '../../api/contacts.ts';
import { useProblem } from '../../api/forms.ts';
import { readBase64 } from '../../api/files.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityRights } from './tags.tsx';

const MAX_PHOTO = 5 * 1024 * 1024;

export function AfterwardsCard({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useActivityRights();
  const edit = useEditActivity(activity.id);
  const [summary, setSummary] = useState(activity.summary ?? '');
  const [busy, setBusy] = useState(false);
  const saved = () => message.success(t('saved'));

  const addPhoto = async (file: File) => {
    if (file.size > MAX_PHOTO) return void message.error(t('contact.photoTooBig'));
    setBusy(true);
    try {
      const { id } = await uploadAttachment({ filename: file.name, contentType: file.type || 'image/jpeg', data: await readBase64(file) });
      await edit.mutateAsync({ version: activity.version, photoIds: [...activity.photoIds, id] });
      saved();
    } catch (e) {
      showProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('act.afterwards')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={t('act.summary')}
          placeholder={t('act.summary')}
          rows={4}
          maxLength={4000}
          value={summary}
          disabled={!canWrite}
          onChange={(e) => setSummary(e.target.value)}
        />
        {canWrite && (
          <Space wrap>
            <Button
              loading={edit.isPending && !busy}
              onClick={() => edit.mutate({ version: activity.version, summary }, { onSuccess: saved, onError: (e) => showProblem(e) })}
            >
              {t('act.saveSummary')}
            </Button>
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              beforeUpload={(f) => {
                void addPhoto(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
                {t('act.addPhoto')}
              </Button>
            </Upload>
          </Space>
        )}
        {activity.photoIds.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap>
              {activity.photoIds.map((id) => (
                <Image
                  key={id}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  src={`${API_BASE}/attachments/${id}`}
                  alt={t('act.photos')}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Space>
    </Card>
  );
}
