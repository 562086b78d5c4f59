// Pieces shared by the reward and subsidy pages: amounts in yuan, the stage tag, the rules of
// a policy in words, each rule of an application's auto-check, and the application's moves.
import { App, Button, Input, InputNumber, Space, Tag } from 'antd';
import {
  CERT_KIND_LABELS,
  SUBSIDY_STAGE_LABELS,
  SUBSIDY_TRANSITIONS,
  SW_LEVELS,
  TITLE_KIND_LABELS,
  type Policy,
  type SubsidyApplication,
  type SubsidyStage,
} from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useMoveSubsidy } from '../../api/subsidies.ts';
import { yuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export { yuan };

const STAGE_COLOR: Record<SubsidyStage, string> = {
  submitted: 'default',
  org_review: 'processing',
  dept_review: 'blue',
  approved: 'green',
  returned: 'orange',
  rejected: 'red',
  paid: 'cyan',
};

export function StageTag({ stage }: { stage: SubsidyStage }) {
  const { label } = useI18n();
  return <Tag color={STAGE_COLOR[stage]}>{label(SUBSIDY_STAGE_LABELS[stage])}</Tag>;
}

/** The amount rule in words, levels lowest first: "助理社会工作师 2,000.00；社会工作师 5,000.00". */
export function amountWords(amount: Policy['amount'], label: (p: { zh: string; en: string }) => string, fixed: string): string {
  if (amount.mode === 'fixed') return `${fixed} ${yuan(amount.fen)}`;
  return SW_LEVELS.filter((l) => amount.fen[l] != null)
    .map((l) => `${label(CERT_KIND_LABELS[l])} ${yuan(amount.fen[l])}`)
    .join('；');
}

type Rules = Policy['rules'];
type Check = SubsidyApplication['checks'][number];

/** A rule's value in words: a level, years, months, titles. */
function useRuleWords() {
  const { t, label } = useI18n();
  return (key: Check['key'], v: Check['required'] | null) => {
    if (v === null || v === undefined) return '—';
    if (key === 'minLevel') return label(CERT_KIND_LABELS[v as 'assistant']);
    if (key === 'titlesAny') return (v as string[]).map((x) => label(TITLE_KIND_LABELS[x as 'leading'])).join('、') || t('sb.none');
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    return String(v);
  };
}

export function RulesList({ rules }: { rules: Rules }) {
  const { t } = useI18n();
  const words = useRuleWords();
  const keys = (Object.keys(rules) as (keyof Rules)[]).filter((k) => rules[k] != null && rules[k] !== false);
  if (!keys.length) return <span>{t('sb.onRegister')}</span>;
  return (
    <Space wrap>
      {keys.map((k) => (
        <Tag key={k}>{`${t(`sb.${k}`)}：${words(k, rules[k] as Check['required'])}`}</Tag>
      ))}
    </Space>
  );
}

export function CheckTags({ checks }: { checks: Check[] }) {
  const { t } = useI18n();
  const words = useRuleWords();
  return (
    <Space wrap size={[4, 4]}>
      {checks.map((c) => (
        <Tag key={c.key} color={c.result === 'pass' ? 'green' : c.result === 'fail' ? 'red' : 'default'}>
          {`${t(`sb.${c.key}`)} ${c.key === 'onRegister' || c.key === 'registrationCurrent' ? '' : words(c.key, c.actual)}：${t(`sb.${c.result}`)}`}
        </Tag>
      ))}
    </Space>
  );
}

/** The moves the caller may make on an application at its stage; return and reject ask the reason. */
export function MoveButtons({ a }: { a: SubsidyApplication }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const actor = useActor();
  const move = useMoveSubsidy();
  const can = (p: string) => actor.permissions.includes(p as never);
  const moves = SUBSIDY_TRANSITIONS.filter(
    (x) => x.from === a.stage && ((x.by === 'org' && can('subsidy.review.org')) || (x.by === 'dept' && can('subsidy.review.dept'))),
  );
  const run = (action: string, extra: { reason?: string; amountFen?: number } = {}) =>
    move.mutateAsync({ id: a.id, action, version: a.version, ...extra }).catch((e) => {
      showProblem(e);
      throw e;
    });
  const withReason = (action: string) => {
    let reason = '';
    modal.confirm({
      title: t('sb.reasonTitle'),
      content: <Input.TextArea aria-label={t('sb.reason')} onChange={(e) => (reason = e.target.value)} />,
      okButtonProps: { danger: true },
      okText: t(`sb.act.${action}` as 'sb.act.return'),
      onOk: () => run(action, { reason }),
    });
  };
  const approve = () => {
    let amount = a.amountFen === null ? undefined : a.amountFen / 100;
    modal.confirm({
      title: t('sb.approveConfirm', { name: a.name, amount: yuan(a.amountFen) }),
      content:
        a.amountFen === null ? (
          <InputNumber
            aria-label={t('sb.amountSet')}
            placeholder={t('sb.amountSet')}
            min={0}
            precision={2}
            onChange={(v) => (amount = v ?? undefined)}
          />
        ) : null,
      okText: t('sb.act.approve'),
      onOk: () => run('approve', a.amountFen === null && amount !== undefined ? { amountFen: Math.round(amount * 100) } : {}),
    });
  };
  if (!moves.length) return null;
  return (
    <Space size={4} wrap>
      {moves.map((m) => (
        <Button
          key={m.action}
          size="small"
          type={m.action === 'pass' || m.action === 'approve' || m.action === 'accept' ? 'primary' : 'default'}
          danger={m.action === 'reject'}
          onClick={() =>
            m.action === 'return' || m.action === 'reject'
              ? withReason(m.action)
              : m.action === 'approve'
                ? approve()
                : void run(m.action).catch(() => undefined)
          }
        >
          {t(`sb.act.${m.action}` as 'sb.act.pass')}
        </Button>
      ))}
    </Space>
  );
}
