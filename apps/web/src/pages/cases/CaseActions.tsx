// What the case allows now: a button for each next stage (asked first), reopening a closed case
// with a reason, 记录服务 (a visit, call or service recorded as part of the case), editing its
// facts, for a head 转派 to another worker, and 打印 (the case record on A4). The server decides
// the same moves; a refused one shows its message, which names the stages allowed.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import {
  ArrowRightOutlined,
  EditOutlined,
  FormOutlined,
  PrinterOutlined,
  RedoOutlined,
  RollbackOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { CASE_STAGES, caseTransition } from '@wushe/core';
import { useMoveCase, type CaseDetail, type CaseStage } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ContactForm } from '../residents/ContactForm.tsx';
import { EditCaseForm } from './CaseForm.tsx';
import { ReassignModal } from './ReassignModal.tsx';
import { useCaseRights } from './tags.tsx';

/** Why the case cannot move on yet (shown beside the buttons), or null. */
function useWaitingHint(c: CaseDetail): string | null {
  const { t } = useI18n();
  const { canApprove } = useCaseRights();
  // A head with something to decide sees the decision bar instead.
  if (canApprove && (c.planStatus === 'submitted' || c.closureStatus === 'submitted')) return null;
  if (c.closureStatus === 'submitted') return t('case.waitingForApproval');
  if (c.stage === 'plan' && c.planStatus !== 'approved') return t('cs.hint.planApproval');
  if (c.stage === 'review') return t('cs.hint.closure');
  return null;
}

function ReopenModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const move = useMoveCase(c.id);
  const [form] = Form.useForm<{ reason?: string }>();

  const submit = ({ reason }: { reason?: string }) => {
    const body = validateWith(caseTransition, { version: c.version, to: 'assessment', reason: reason ?? '' }, form, lang);
    if (!body) return;
    move.mutate(body, {
      onSuccess: () => {
        message.success(t('cs.reopened'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={t('cs.reopenTitle')}
      okText={t('cs.reopen')}
      cancelText={t('cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cs.reopenHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('cs.reopenReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('case.reopenReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite, canApprove } = useCaseRights();
  const move = useMoveCase(c.id);
  const hint = useWaitingHint(c);
  const canContact = useActor().permissions.includes('contact.write');
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'reopen' | 'reassign' | 'edit' | 'contact' | null>(null);

  const moveTo = (to: CaseStage) =>
    move.mutateAsync({ version: c.version, to }).then(
      () => void message.success(t('cs.moved', { stage: t(`case.stage.${to}`) })),
      (e: unknown) => showProblem(e),
    );

  const moves = canWrite
    ? c.nextStages.map((to) =>
        c.stage === 'closed' ? (
          <Button key={to} icon={<RedoOutlined aria-hidden />} onClick={() => setDialog('reopen')}>
            {t('cs.reopen')}
          </Button>
        ) : (
          <Popconfirm
            key={to}
            title={t('cs.moveConfirm', { stage: t(`case.stage.${to}`) })}
            description={to === 'intervention' && c.stage === 'plan' ? t('cs.moveConfirmIntervention') : undefined}
            okText={t('confirm')}
            cancelText={t('cancel')}
            onConfirm={() => moveTo(to)}
          >
            {/* Review back to intervention is a step back, not the way forward. */}
            {CASE_STAGES.indexOf(to) < CASE_STAGES.indexOf(c.stage) ? (
              <Button icon={<RollbackOutlined aria-hidden />} loading={move.isPending}>
                {t('cs.moveBack', { stage: t(`case.stage.${to}`) })}
              </Button>
            ) : (
              <Button type="primary" icon={<ArrowRightOutlined aria-hidden />} loading={move.isPending}>
                {t('cs.moveTo', { stage: t(`case.stage.${to}`) })}
              </Button>
            )}
          </Popconfirm>
        ),
      )
    : [];

  return (
    <Flex wrap gap={8} align="center" justify="flex-end">
      {hint && canWrite && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
      {moves}
      {canContact && c.stage !== 'closed' && (
        <Button icon={<FormOutlined aria-hidden />} onClick={() => setDialog('contact')}>
          {t('sv.recordService')}
        </Button>
      )}
      {canWrite && c.stage !== 'closed' && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
          {t('edit')}
        </Button>
      )}
      {canApprove && c.stage !== 'closed' && (
        <Button icon={<UserSwitchOutlined aria-hidden />} onClick={() => setDialog('reassign')}>
          {t('cs.reassign')}
        </Button>
      )}
      {/* 个案服务记录表 on A4. */}
      <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/print/cases/${c.id}`)}>
        {t('cp.print')}
      </Button>
      {dialog === 'reopen' && <ReopenModal c={c} onClose={() => setDialog(null)} />}
      {dialog === 'reassign' && <ReassignModal c={c} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditCaseForm c={c} onClose={() => setDialog(null)} />}
      {dialog === 'contact' && (
        <ContactForm
          residentId={c.residentId}
          hasHousehold={false}
          caseId={c.id}
          title={`${t('sv.recordService')} · ${c.caseNo}`}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
