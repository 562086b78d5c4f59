// After 提交评估: the result with the suggested care level; confirm it or override with a reason.
import { useState } from 'react';
import { Descriptions, Form, Input, Modal, Select, Tag } from 'antd';
import type { AssessmentResult } from '@wushe/core';
import { useI18n } from '../../i18n/index.tsx';
import { CareLevelTag } from '../residents/tags.tsx';

export function ResultModal({
  result,
  currentLevel,
  saving,
  onCancel,
  onSave,
}: {
  result: AssessmentResult;
  currentLevel: number;
  saving: boolean;
  onCancel: () => void;
  onSave: (confirmed: number, reason: string | null) => void;
}) {
  const { t, label } = useI18n();
  const suggested = result.suggestedCareLevel;
  const [level, setLevel] = useState<number>(suggested ?? currentLevel);
  const [reason, setReason] = useState('');
  const needsReason = suggested !== null && level !== suggested;
  const [tried, setTried] = useState(false);
  const reasonMissing = needsReason && reason.trim().length === 0;

  return (
    <Modal
      open
      title={t('assess.resultTitle')}
      onCancel={onCancel}
      okText={t('assess.save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => {
        setTried(true);
        if (reasonMissing) return;
        onSave(level, needsReason ? reason.trim() : null);
      }}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'total',
            label: t('assess.total'),
            // The raw total's band beside the total when an adjustment (coma, +1) moved the level.
            children:
              result.totalBand && result.totalBand.code !== result.band?.code
                ? `${result.total}（${t('assess.totalBand', { band: label(result.totalBand.label) })}）`
                : result.total,
          },
          { key: 'band', label: t('assess.band'), children: result.levelLabel ? label(result.levelLabel) : '—' },
          ...(result.flags.includes('urgent')
            ? [{ key: 'flag', label: t('assess.flags'), children: <Tag color="red">{t('assess.urgent')}</Tag> }]
            : []),
          { key: 'sugg', label: t('assess.suggested'), children: suggested ? <CareLevelTag level={suggested} /> : '—' },
          { key: 'cur', label: t('res.careLevel'), children: <CareLevelTag level={currentLevel} /> },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('assess.confirmLevel')} htmlFor="confirm-level">
          <Select
            id="confirm-level"
            value={level}
            onChange={setLevel}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('res.careLevelN', { n }) }))}
          />
        </Form.Item>
        {needsReason && (
          <Form.Item
            label={t('assess.overrideReason')}
            htmlFor="override-reason"
            required
            validateStatus={tried && reasonMissing ? 'error' : undefined}
            help={tried && reasonMissing ? t('assessment.overrideReason') : undefined}
          >
            <Input.TextArea id="override-reason" rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
