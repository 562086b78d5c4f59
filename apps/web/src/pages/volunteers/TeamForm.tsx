// 新建服务队 or edit one (name, description; a new team's area within the scope) in the form drawer.
import { Form, Input } from 'antd';
import { teamBody, teamUpdateBody } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useSaveTeam, type TeamDetail } from '../../api/volunteers.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name?: string;
  areaCode?: string;
  description?: string | null;
}

export function TeamForm({ team, onClose, onSaved }: { team: TeamDetail | null; onClose: () => void; onSaved?: (x: TeamDetail) => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const save = useSaveTeam(team);
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof teamBody | typeof teamUpdateBody, TeamDetail>
      title={team ? t('vol.teamEdit') : t('vol.teamNew')}
      form={form}
      schema={team ? teamUpdateBody : teamBody}
      toInput={(v) =>
        team
          ? { name: v.name ?? '', description: v.description ?? null, version: team.version }
          : { name: v.name ?? '', areaCode: v.areaCode ?? '', description: v.description ?? null }
      }
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={team ? { name: team.name, description: team.description } : { areaCode: actor.area.code }}
    >
      <Form.Item label={t('vol.teamName')} name="name" rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      {!team && (
        <Form.Item label={t('vol.teamArea')} name="areaCode" rules={required}>
          <AreaPicker allowClear={false} />
        </Form.Item>
      )}
      <Form.Item label={t('vol.teamDescription')} name="description">
        <Input.TextArea rows={3} maxLength={300} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
