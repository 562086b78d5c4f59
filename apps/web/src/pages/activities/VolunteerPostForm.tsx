// 新增岗位 or edit one of an activity's volunteer posts: the title, the duty, the skills wanted
// (code list volunteer_skill, up to six) and how many volunteers, in the form drawer.
import { Form, Input, InputNumber, Select } from 'antd';
import { postBody, postUpdateBody } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useSavePost, type VolunteerPost } from '../../api/volunteers.ts';
import { FormDrawer, type DrawerSave } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  title?: string;
  duty?: string | null;
  skills?: string[];
  slots?: number | null;
}

export function VolunteerPostForm({ activityId, post, onClose }: { activityId: string; post: VolunteerPost | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const skills = useCodeLabels('volunteer_skill');
  const savePost = useSavePost(activityId);
  // The drawer saves a body; the hook also needs which post.
  const save: DrawerSave<Record<string, unknown>, VolunteerPost> = {
    mutate: (body, opts) => savePost.mutate({ postId: post?.id, body }, opts),
    isPending: savePost.isPending,
  };
  return (
    <FormDrawer<Values, typeof postBody | typeof postUpdateBody, VolunteerPost>
      title={post ? t('vol.postEdit') : t('vol.postNew')}
      form={form}
      schema={post ? postUpdateBody : postBody}
      toInput={(v) => ({
        title: v.title ?? '',
        duty: v.duty ?? null,
        skills: v.skills ?? [],
        slots: v.slots ?? 0,
        ...(post ? { version: post.version } : {}),
      })}
      save={save}
      onClose={onClose}
      initialValues={post ? { title: post.title, duty: post.duty, skills: post.skills, slots: post.slots } : { skills: [], slots: 2 }}
    >
      <Form.Item label={t('vol.postTitle')} name="title" rules={[{ required: true, message: t('field.required') }]}>
        <Input maxLength={40} placeholder={t('vol.postTitlePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('vol.postDuty')} name="duty">
        <Input.TextArea rows={3} maxLength={300} showCount />
      </Form.Item>
      <Form.Item label={t('vol.postSkills')} name="skills">
        <Select mode="multiple" maxCount={6} options={skills.options} loading={skills.loading} optionFilterProp="label" />
      </Form.Item>
      <Form.Item label={t('vol.postSlots')} name="slots" rules={[{ required: true, message: t('field.required') }]}>
        <InputNumber min={1} max={500} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormDrawer>
  );
}
