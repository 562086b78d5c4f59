// 系统设置 (settings.write): code lists (人员类别, 救助状态, 服务类型), visit intervals and the
// continuing-education hours required by level.
import { Card, Tabs } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { CodeListEditor } from './CodeListEditor.tsx';
import { IntervalsEditor } from './IntervalsEditor.tsx';
import { RequirementsEditor } from '../trainings/RequirementsEditor.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <Card title={t('menu.settings')}>
      <Tabs
        items={[
          { key: 'codes', label: t('set.codeLists'), children: <CodeListEditor /> },
          { key: 'intervals', label: t('set.intervals'), children: <IntervalsEditor /> },
          { key: 'ce-hours', label: t('menu.ceHours'), children: <RequirementsEditor /> },
        ]}
      />
    </Card>
  );
}
