// The panel of a programme with a panel stage: the official chooses staff accounts of the
// programme's area until the panel closes (the page had no way to set it, so no one could score).
import { useState } from 'react';
import { App, Button, Card, Select, Space } from 'antd';
import { useProblem } from '../../api/forms.ts';
import { useSetPanel, type Programme } from '../../api/programmes.ts';
import { useUsers } from '../../api/users.ts';
import { useI18n } from '../../i18n/index.tsx';

export function PanelCard({ p }: { p: Programme }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const users = useUsers({ pageSize: 100, area: p.areaCode });
  const save = useSetPanel(p.id);
  const [ids, setIds] = useState<string[] | null>(null);
  const chosen = ids ?? p.panel.map((m) => m.userId);
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  for (const m of p.panel) if (!options.some((o) => o.value === m.userId)) options.push({ value: m.userId, label: m.name });
  return (
    <Card title={t('pg.panel')} size="small">
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Select
          mode="multiple"
          aria-label={t('pg.panel')}
          style={{ width: '100%' }}
          value={chosen}
          onChange={setIds}
          options={options}
          optionFilterProp="label"
          loading={users.isPending}
        />
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { userIds: chosen, version: p.version },
              { onSuccess: () => (setIds(null), message.success(t('saved'))), onError: (e) => showProblem(e) },
            )
          }
        >
          {t('save')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
