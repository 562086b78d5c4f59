// Photos as a form field whose value is attachment ids: each picked photo is uploaded at once
// (POST /attachments), shown from the API, and can be taken out again before the form is saved.
import { useState } from 'react';
import { App, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { API_BASE } from '../../api/client.ts';
import { uploadFile } from '../../api/contacts.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

const MAX_PHOTO = 5 * 1024 * 1024;
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

export function PhotoField({ value = [], onChange, max }: { value?: string[]; onChange?: (ids: string[]) => void; max: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [uploading, setUploading] = useState(0);
  const files: UploadFile[] = value.map((id, i) => ({
    uid: id,
    name: `${t('wi.photo')} ${i + 1}`,
    status: 'done',
    url: `${API_BASE}/attachments/${id}`,
  }));
  const add = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      const { id } = await uploadFile(file);
      onChange?.([...value, id]);
    } catch (e) {
      showProblem(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };
  return (
    <Upload
      listType="picture-card"
      accept={PHOTO_TYPES}
      fileList={files}
      showUploadList={{ showPreviewIcon: false }}
      beforeUpload={(f) => {
        if (f.size > MAX_PHOTO) message.error(t('contact.photoTooBig'));
        else if (value.length + uploading < max) void add(f);
        return Upload.LIST_IGNORE;
      }}
      onRemove={(f) => onChange?.(value.filter((id) => id !== f.uid))}
    >
      {value.length + uploading < max && (
        <div>
          <CameraOutlined aria-hidden />
          <div style={{ marginTop: 4 }}>{uploading ? t('loading') : t('contact.addPhoto')}</div>
        </div>
      )}
    </Upload>
  );
}
