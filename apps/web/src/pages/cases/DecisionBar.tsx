// For a head (case.approve): what waits for their decision, the plan or the closure, with
// 审批通过 and 退回. Both open a dialog (approving a closure closes the case); returning needs a
// comment, which the worker sees on the timeline and above the plan or closure form.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Grid, Input, Modal, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { caseDecision, type ApprovalKind } from '@wushe/core';
import { useDecideCase, type CaseDetail } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCaseRights } from './tags.tsx';

type Decision = 'approve' | 'return';

function DecisionModal({ c, kind, decision, onClose }: { c: CaseDetail; kind: ApprovalKind; decision: Decision; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const decide = useDecideCase(c.id);
  const [form] = Form.useForm<{ comment?: string }>();
  const what = t(`case.kind.${kind}`);
  const returning = decision === 'return';

  const submit = ({ comment }: { comment?: string }) => {
    const body = validateWith(caseDecision, { version: c.version, kind, decision, comment: comment ?? '' }, form, lang);
    if (!body) return;
    decide.mutate(body, {
      onSuccess: () => {
        message.success(t(returning ? 'cs.returned' : 'cs.approved', { what }));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={t(returning ? 'cs.returnTitle' : 'cs.approveTitle', { what })}
      okText={t(returning ? 'cs.return' : 'cs.approve')}
      okButtonProps={{ danger: returning }}
      cancelText={t('cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {returning ? t('cs.returnHint', { what }) : t(kind === 'closure' ? 'cs.approveClosureHint' : 'cs.approvePlanHint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('cs.comment')}
          name="comment"
          rules={returning ? [{ required: true, whitespace: true, message: t('case.commentRequired') }] : []}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus placeholder={returning ? undefined : t('cs.commentOptional')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DecisionBar({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canApprove } = useCaseRights();
  const narrow = !Grid.useBreakpoint().md;
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const kind: ApprovalKind | null = c.planStatus === 'submitted' ? 'plan' : c.closureStatus === 'submitted' ? 'closure' : null;
  if (!canApprove || !kind) return null;

  const buttons = (
    <Flex wrap gap={8} style={narrow ? { marginTop: 12 } : undefined}>
      <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDeciding('approve')}>
        {t('cs.approve')}
      </Button>
      <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setDeciding('return')}>
        {t('cs.return')}
      </Button>
      {deciding && <DecisionModal c={c} kind={kind} decision={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
  const text = t(kind === 'plan' ? 'cs.awaitsPlanText' : 'cs.awaitsClosureText');
  // On a phone the buttons go under the text, which keeps the width of the screen.
  return (
    <Alert
      type="warning"
      showIcon
      title={t('cs.awaitsYou', { what: t(`case.kind.${kind}`) })}
      description={
        narrow ? (
          <>
            {text}
            {buttons}
          </>
        ) : (
          text
        )
      }
      action={narrow ? undefined : buttons}
    />
  );
}
