// The sticky running score: total, band and level, unanswered count, flags (PHQ-9 item 9 → 紧急).
import { Alert, Button, Card, Progress, Space, Statistic, Tag, Typography } from 'antd';
import type { AssessmentResult, InstrumentDefinition } from '@wushe/core';
import { useI18n } from '../../i18n/index.tsx';

export function ScoreCard({ def, result, compact }: { def: InstrumentDefinition; result: AssessmentResult | null; compact?: boolean }) {
  const { t, label } = useI18n();
  if (!result) return null;
  const max = def.items.reduce((s, i) => s + (i.type === 'single' ? Math.max(...i.options.map((o) => o.score)) : 0), 0);
  const flagLabel = (f: string) => {
    const rule = def.flags.find((x) => x.flag === f);
    return rule?.label ? label(rule.label) : f;
  };
  const urgent = result.flags.includes('urgent');
  const answered = def.items.filter((i) => i.required ?? i.type === 'single').length - result.missing.length;
  const required = def.items.filter((i) => i.required ?? i.type === 'single').length;
  return (
    <Card size="small" title={t('assess.running')} aria-live="polite" styles={compact ? { body: { padding: 8 } } : undefined}>
      <Space orientation="vertical" style={{ width: '100%' }} size={compact ? 4 : 8}>
        <Space wrap size={16}>
          <div>
            <Statistic title={t('assess.total')} value={result.total} suffix={max ? `/ ${max}` : undefined} />
            {answered > 0 && result.totalBand && result.totalBand.code !== result.band?.code && (
              <Typography.Text type="secondary">{t('assess.totalBand', { band: label(result.totalBand.label) })}</Typography.Text>
            )}
          </div>
          {result.levelLabel && answered > 0 && (
            <div>
              <Typography.Text type="secondary">{t('assess.band')}</Typography.Text>
              <div style={{ fontSize: 18 }}>
                {label(result.levelLabel)}
                {result.level !== null && (
                  <Typography.Text type="secondary">
                    （{t('assess.level')} {result.level}）
                  </Typography.Text>
                )}
              </div>
            </div>
          )}
        </Space>
        {required > 0 && (
          <Progress
            percent={Math.round((answered / required) * 100)}
            size="small"
            format={() => (result.missing.length ? t('assess.missing', { n: result.missing.length }) : t('assess.complete'))}
          />
        )}
        {!compact && def.dimensions.length > 0 && def.kind === 'ability' && (
          <Space wrap size={4}>
            {def.dimensions.map((d) => (
              <Tag key={d.code}>
                {label(d.name)} {result.dimensionScores[d.code] ?? 0}
                {d.max ? `/${d.max}` : ''}
              </Tag>
            ))}
          </Space>
        )}
        {result.adjustmentsApplied.length > 0 && (
          <Typography.Text type="secondary">
            {t('assess.adjusted')}：
            {result.adjustmentsApplied
              .map((c) => {
                const a = def.adjustments.find((x) => x.code === c);
                return a?.label ? label(a.label) : c;
              })
              .join('；')}
          </Typography.Text>
        )}
        {urgent && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`${t('assess.urgent')}：${flagLabel('urgent')}`}
            description={t('assess.urgentText')}
          />
        )}
        {result.flags
          .filter((f) => f !== 'urgent')
          .map((f) => (
            <Tag key={f} color="orange">
              {flagLabel(f)}
            </Tag>
          ))}
      </Space>
    </Card>
  );
}

/** On a phone: the running score fixed at the bottom of the screen, with the submit button. */
export function ScoreBar({ def, result, onSubmit }: { def: InstrumentDefinition; result: AssessmentResult | null; onSubmit: () => void }) {
  const { t, label } = useI18n();
  if (!result) return null;
  const urgent = result.flags.includes('urgent');
  const anyAnswered = result.missing.length < def.items.filter((i) => i.required ?? i.type === 'single').length;
  return (
    <div
      role="status"
      aria-label={t('assess.running')}
      style={{
        position: 'fixed',
        left: 0,
        right: 0,
        bottom: 0,
        zIndex: 10,
        background: urgent ? '#fff1f0' : '#fff',
        borderTop: `2px solid ${urgent ? '#ff4d4f' : '#f0f0f0'}`,
        padding: '8px 12px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
      }}
    >
      <div style={{ flex: 1, minWidth: 0, lineHeight: 1.4 }}>
        <div>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {result.total}
          </Typography.Text>
          {anyAnswered && result.levelLabel && <Typography.Text> · {label(result.levelLabel)}</Typography.Text>}
          {urgent && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('assess.urgent')}
            </Tag>
          )}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {result.missing.length ? t('assess.missing', { n: result.missing.length }) : t('assess.complete')}
        </Typography.Text>
      </div>
      <Button type="primary" onClick={onSubmit}>
        {t('assess.submit')}
      </Button>
    </div>
  );
}
