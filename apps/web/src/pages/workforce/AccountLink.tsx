// The register entry's staff account: shown, linked to an account of the area, or unlinked
// (both audited by the server). Linking lets the worker see their own entry (我的人才档案).
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space } from 'antd';
import type { WorkerDetail } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useUsers } from '../../api/users.ts';
import { useLinkWorker } from '../../api/workforce.ts';
import { useI18n } from '../../i18n/index.tsx';

export function AccountLink({ worker: w, canWrite }: { worker: WorkerDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const link = useLinkWorker();
  const [picking, setPicking] = useState(false);
  const [q, setQ] = useState('');
  const users = useUsers({ q: q || undefined, pageSize: 20 });
  const save = (userId: string | null) =>
    link
      .mutateAsync({ id: w.id, userId, version: w.version })
      .then(() => {
        setPicking(false);
        void message.success(t('saved'));
      })
      .catch(showProblem);

  if (picking)
    return (
      <Select
        showSearch
        autoFocus
        style={{ minWidth: 220 }}
        placeholder={t('wf.linkPick')}
        aria-label={t('wf.linkPick')}
        filterOption={false}
        onSearch={setQ}
        loading={users.isFetching}
        options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
        onChange={(v: string) => void save(v)}
        onBlur={() => setPicking(false)}
      />
    );
  return (
    <Space wrap>
      <span>{w.userName ?? '—'}</span>
      {canWrite && !w.userId && (
        <Button size="small" onClick={() => setPicking(true)}>
          {t('wf.link')}
        </Button>
      )}
      {canWrite && w.userId && (
        <Popconfirm title={t('wf.unlinkConfirm')} onConfirm={() => save(null)}>
          <Button size="small" danger>
            {t('wf.unlink')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
