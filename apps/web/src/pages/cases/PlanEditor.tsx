// The plan editor: goals (what, how it is measured, by when), the 5+N services and a note,
// saved as a draft (保存) or sent to the head (提交审批, asked first). Checked with the same
// schema as the server; its field problems land on the goal they name.
import { App, Button, Card, Col, DatePicker, Flex, Form, Grid, Input, Popconfirm, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { casePlanSave } from '@wushe/core';
import { ApiError } from '../../api/client.ts';
import { useSavePlan, type CaseDetail } from '../../api/cases.ts';
import { applyFieldErrors, useProblem, validateDeep } from '../../api/forms.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

interface GoalValues {
  id?: string;
  title?: string;
  measure?: string;
  targetDate?: Dayjs | null;
}
interface PlanValues {
  goals?: GoalValues[];
  services?: string[];
  note?: string;
}

export function PlanEditor({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const phone = !Grid.useBreakpoint().md;
  const services = useCodeLabels('service_type');
  const save = useSavePlan(c.id);
  const [form] = Form.useForm<PlanValues>();
  const plan = c.plan ?? { goals: [], services: [], note: null };

  const send = async (submit: boolean) => {
    // The form's own rules first (their messages name the field), then the server's schema.
    if (
      !(await form.validateFields().then(
        () => true,
        () => false,
      ))
    )
      return;
    const v = form.getFieldsValue(true) as PlanValues;
    const input = {
      version: c.version,
      goals: (v.goals ?? []).map((g) => ({
        id: g.id,
        title: g.title ?? '',
        measure: g.measure ?? '',
        targetDate: g.targetDate ? g.targetDate.format('YYYY-MM-DD') : '',
      })),
      services: v.services ?? [],
      note: v.note ?? '',
      submit,
    };
    const body = validateDeep(casePlanSave, input, form, lang);
    if (!body) return;
    if (submit && !body.goals.length) return void form.setFields([{ name: 'goals', errors: [t('case.planNeedsGoal')] }]);
    save.mutate(body, {
      onSuccess: () => void message.success(t(submit ? 'cs.planSubmitted' : 'cs.planSaved')),
      onError: (e) => {
        if (e instanceof ApiError && e.problem.errors?.length) applyFieldErrors(form, e.problem.errors);
        showProblem(e);
      },
    });
  };

  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      initialValues={{
        goals: plan.goals.map((g) => ({ id: g.id, title: g.title, measure: g.measure, targetDate: dayjs(g.targetDate) })),
        services: plan.services,
        note: plan.note ?? undefined,
      }}
    >
      {c.planStatus === 'approved' && <Typography.Paragraph type="warning">{t('cs.planApprovedEditHint')}</Typography.Paragraph>}
      <Form.List name="goals">
        {(fields, { add, remove }, { errors }) => (
          <>
            <Typography.Text strong>{t('cs.goals')}</Typography.Text>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginTop: 8 }}
                title={t('cs.goalN', { n: i + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('cs.goal.remove', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item label={t('cs.goal.title')} name={[field.name, 'title']} rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={200} placeholder={t('cs.goal.titlePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('cs.goal.measure')} name={[field.name, 'measure']} rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={200} placeholder={t('cs.goal.measurePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item label={t('cs.goal.targetDate')} name={[field.name, 'targetDate']} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} inputReadOnly={phone} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined aria-hidden />}
              style={{ margin: '8px 0 16px' }}
              disabled={fields.length >= 20}
              onClick={() => add({ targetDate: businessToday().add(3, 'month') })}
            >
              {t('cs.goal.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item label={t('cs.services')} name="services">
        <Select
          mode="multiple"
          allowClear
          options={services.options}
          loading={services.loading}
          placeholder={t('cs.servicesPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('cs.planNote')} name="note">
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Flex wrap gap={8} justify="flex-end">
        <Button loading={save.isPending} onClick={() => void send(false)}>
          {t('save')}
        </Button>
        {c.stage === 'plan' && (
          <Popconfirm
            title={t('cs.submitPlanConfirm')}
            description={t('cs.submitPlanHint')}
            okText={t('cs.submitPlan')}
            cancelText={t('cancel')}
            onConfirm={() => send(true)}
          >
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={save.isPending}>
              {t('cs.submitPlan')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Form>
  );
}
