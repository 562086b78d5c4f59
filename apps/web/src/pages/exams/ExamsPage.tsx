// 职业水平考试: a year's registrations with search and filters (area, level, outcome), server
// paging and export; results entry per registration (score or pass/fail, carried subjects
// shown), the certificate of a passed level, and the import of an office's list.
import { useState } from 'react';
import { Button, Select, Space, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { CERT_KIND_LABELS, EXAM_SUBJECT_LABELS, SW_LEVELS, type ExamRegistration } from '@wushe/core';
import { useCertify, useRegistrations, useSittings } from '../../api/exams.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ImportDrawer } from './ImportDrawer.tsx';
import { ResultsForm } from './ResultsForm.tsx';

type Filters = { q?: string; area?: string; level?: string; outcome?: string };

export function ExamsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const canWrite = actor.permissions.includes('worker.write');
  const sittings = useSittings();
  const [picked, setPicked] = useState<string>();
  const sittingId = picked ?? sittings.data?.[0]?.id;
  const list = useListState<Filters>({});
  const regs = useRegistrations(sittingId, list.query);
  const certify = useCertify();
  const [editing, setEditing] = useState<ExamRegistration | null>(null);
  const [importing, setImporting] = useState(false);

  const subject = (s: 'comprehensive' | 'practice') => (r: ExamRegistration) => {
    if (!EXAM_SUBJECT_LABELS[r.level][s]) return t('ex.notSat');
    if (r.carried.includes(s)) return <Tag color="purple">{t('ex.carried')}</Tag>;
    const x = r.results.find((y) => y.subject === s);
    if (!x) return '—';
    return <Tag color={x.passed ? 'green' : 'red'}>{x.score ?? t(x.passed ? 'ex.pass' : 'ex.fail')}</Tag>;
  };
  const columns: ListColumn<ExamRegistration>[] = [
    { title: t('wf.name'), dataIndex: 'name', key: 'name', hideable: false },
    { title: t('wf.idNumber'), dataIndex: 'idMasked', key: 'idMasked', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
    { title: t('wf.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('wf.org'), dataIndex: 'orgName', key: 'orgName', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
    { title: t('ex.level'), dataIndex: 'level', key: 'level', render: (l: ExamRegistration['level']) => label(CERT_KIND_LABELS[l]) },
    {
      title: label(EXAM_SUBJECT_LABELS.assistant.comprehensive!).replace(/（.*/, ''),
      key: 'comprehensive',
      render: (_: unknown, r) => subject('comprehensive')(r),
    },
    {
      title: label(EXAM_SUBJECT_LABELS.assistant.practice!).replace(/（.*/, ''),
      key: 'practice',
      render: (_: unknown, r) => subject('practice')(r),
    },
    {
      title: t('ex.outcome'),
      key: 'outcome',
      render: (_: unknown, r) =>
        r.levelPassed ? (
          <Tag color="green">{t('ex.passed')}</Tag>
        ) : r.results.length ? (
          <Tag color="red">{t('ex.failed')}</Tag>
        ) : (
          <Tag>{t('ex.pending')}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            hideable: false,
            render: (_: unknown, r: ExamRegistration) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('ex.results')}
                </Button>
                {r.levelPassed && r.workerId && !r.certificateId && (
                  <Button size="small" loading={certify.isPending} onClick={() => certify.mutate(r.id)}>
                    {t('ex.certify')}
                  </Button>
                )}
                {r.certificateId && <Tag color="blue">{t('ex.certified')}</Tag>}
              </Space>
            ),
          },
        ]
      : []),
  ];
  const importButton = canWrite && sittingId && (
    <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
      {t('ex.import')}
    </Button>
  );
  const select = (key: keyof Filters, placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      style={{ width: 150 }}
      value={list.filters[key]}
      onChange={(v) => list.setFilter(key, v)}
      options={options}
    />
  );
  return (
    <ListPage<ExamRegistration, Filters>
      id="exam-registrations"
      title={t('menu.exams')}
      rowKey="id"
      columns={columns}
      data={regs}
      list={list}
      search={{ placeholder: t('ex.search') }}
      exportTo={sittingId ? { path: `/exams/${sittingId}/registrations`, filename: 'exam-registrations.xlsx' } : undefined}
      actions={importButton}
      emptyAction={importButton}
      filters={
        <>
          <Select
            aria-label={t('ex.sitting')}
            style={{ width: 180 }}
            value={sittingId}
            placeholder={t('ex.noSitting')}
            onChange={(v) => setPicked(v)}
            options={(sittings.data ?? []).map((s) => ({ value: s.id, label: t('ex.sittingN', { year: s.year, date: s.examDate }) }))}
          />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('wf.area')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          {select(
            'level',
            t('ex.level'),
            SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) })),
          )}
          {select('outcome', t('ex.outcome'), [
            { value: 'passed', label: t('ex.passed') },
            { value: 'failed', label: t('ex.failed') },
            { value: 'pending', label: t('ex.pending') },
          ])}
        </>
      }
    >
      {editing && <ResultsForm registration={editing} onClose={() => setEditing(null)} />}
      {importing && sittingId && <ImportDrawer sittingId={sittingId} onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
