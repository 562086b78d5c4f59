// 登记 / 编辑服务对象: /residents/new and /residents/:id/edit.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, Divider, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { DOCUMENT_TYPES, parseDocumentNumber, residentInput, residentUpdate, translate, type DocumentType } from '@wushe/core';
import { useCodeLabels, useVisitIntervals } from '../../api/settings.ts';
import { type DuplicateCandidate, useResident, useSaveResident } from '../../api/residents.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, validateDeep } from '../../api/forms.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DuplicateModal } from './DuplicateModal.tsx';
import { TakenOffer } from '../transfers/TakenOffer.tsx';
import { ConsentFields, GuardianFields, PeopleList } from './FormSections.tsx';
import { useIntervalText } from './tags.tsx';
import { ALIAS, filled, initialValues, today, type Values } from './formValues.ts';
import { WorkerField } from './WorkerField.tsx';

export function ResidentFormPage() {
  const { id } = useParams();
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const current = useResident(id);
  const record = id ? (current.data ?? null) : null;
  const save = useSaveResident(record?.id);
  const categories = useCodeLabels('resident_category');
  const assistance = useCodeLabels('assistance_status');
  const intervals = useVisitIntervals();
  const intervalText = useIntervalText();
  const [saving, setSaving] = useState(false);
  const [dups, setDups] = useState<{ candidates: DuplicateCandidate[]; body: Record<string, unknown> } | null>(null);
  const [taken, setTaken] = useState<{ documentType: DocumentType; idNumber: string; areaCode: string } | null>(null);
  const initial = useRef<Partial<Values>>({});

  useEffect(() => {
    if (id && !record) return;
    initial.current = initialValues(record, t);
    form.resetFields();
    form.setFieldsValue(initial.current as Values);
  }, [record, id, form]);

  const docType = Form.useWatch('documentType', form) ?? 'resident_id';
  const idValue = Form.useWatch('idNumber', form);
  const careLevel = Form.useWatch('careLevel', form);
  const parsed = useMemo(
    () => (docType === 'resident_id' && idValue ? parseDocumentNumber('resident_id', idValue, today()) : null),
    [docType, idValue],
  );
  const sex = parsed?.ok && parsed.type === 'resident_id' ? parsed.sex : (record?.sex ?? null);
  const birthDate = parsed?.ok && parsed.type === 'resident_id' ? parsed.birthDate : (record?.birthDate ?? null);
  const age = birthDate ? dayjs().diff(dayjs(birthDate), 'year') : null;
  const minor = age !== null && age < 14;
  const levelChanged = !!record && careLevel !== undefined && careLevel !== record.careLevel;

  const send = async (body: Record<string, unknown>) => {
    setSaving(true);
    try {
      const saved = await save.mutateAsync(body);
      message.success(record ? t('saved') : t('res.created'));
      navigate(`/residents/${saved.id}`, { replace: !!record });
    } catch (e) {
      if (!(e instanceof ApiError)) return void message.error(t('networkError'));
      if (e.status === 401) return;
      if (e.status === 409 && e.code === 'resident.possibleDuplicate') {
        setDups({ candidates: e.ext<DuplicateCandidate[]>('candidates') ?? [], body });
        return;
      }
      if (e.status === 409 && record) {
        message.warning(t('res.stale'));
        void current.refetch();
        return;
      }
      // Held by another station: offer to ask for it (调入) rather than stop here.
      if (!record && e.problem.errors?.some((x) => x.path === 'idNumber' && x.message === t('resident.idTaken'))) {
        setTaken({ documentType: body.documentType as DocumentType, idNumber: body.idNumber as string, areaCode: body.areaCode as string });
      }
      if (e.problem.errors?.length) applyFieldErrors(form, e.problem.errors, ALIAS);
      message.error(e.problem.detail ?? e.problem.title);
    } finally {
      setSaving(false);
    }
  };

  const submit = (v: Values) => {
    const consent = { ...v.consent, date: v.consent.date.format('YYYY-MM-DD') };
    const guardian = filled(v.guardian) ? v.guardian : null;
    if (!record) {
      const body = validateDeep(residentInput, { ...v, guardian, consent, careLevelReason: undefined }, form, lang, ALIAS);
      if (body) void send(body as Record<string, unknown>);
      return;
    }
    // Sensitive values come back masked: send them only when retyped; family lists only when changed.
    const init = initial.current;
    const changed = (k: 'householdMembers' | 'emergencyContacts' | 'guardian') =>
      JSON.stringify(v[k] ?? null) !== JSON.stringify(init[k] ?? null);
    const patch: Record<string, unknown> = {
      name: v.name,
      address: v.address ?? '',
      areaCode: v.areaCode,
      categories: v.categories,
      assistanceStatus: v.assistanceStatus ?? null,
      careLevel: v.careLevel,
      notes: v.notes ?? '',
      consent,
      version: record.version,
      ...(v.idNumber ? { documentType: v.documentType, idNumber: v.idNumber } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.healthNotes ? { healthNotes: v.healthNotes } : {}),
      ...(levelChanged ? { careLevelReason: v.careLevelReason } : {}),
      ...(v.assignedWorkerId !== undefined && v.assignedWorkerId !== record.assignedWorkerId
        ? { assignedWorkerId: v.assignedWorkerId ?? null }
        : {}),
      ...(changed('householdMembers') ? { householdMembers: v.householdMembers } : {}),
      ...(changed('emergencyContacts') ? { emergencyContacts: v.emergencyContacts } : {}),
      ...(changed('guardian') ? { guardian } : {}),
    };
    const body = validateDeep(residentUpdate, patch, form, lang, ALIAS);
    if (body) void send(body as Record<string, unknown>);
  };

  if (id && current.isPending) return <Skeleton active />;
  const required = { required: true, message: t('field.required') };
  const idRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) {
        if (!record) throw new Error(t('field.required'));
        return;
      }
      const r = parseDocumentNumber(form.getFieldValue('documentType') ?? 'resident_id', value, today());
      if (!r.ok) throw new Error(translate(lang, r.messageKey, r.params));
    },
  };
  const col = { xs: 24, md: 12, lg: 8 };

  return (
    <Card title={record ? `${t('res.edit')} · ${record.name}` : t('res.new')}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Typography.Title level={5}>{t('res.sec.basic')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item label={t('res.name')} name="name" rules={[required]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label={t('res.documentType')} name="documentType">
              <Select
                options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: label(d) }))}
                onChange={() => form.getFieldValue('idNumber') && void form.validateFields(['idNumber'])}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              label={t('res.idNumber')}
              name="idNumber"
              rules={[idRule]}
              validateDebounce={300}
              hasFeedback
              extra={record ? t('res.unchangedMasked', { v: record.idMasked }) : undefined}
            >
              <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label={t('res.sex')} tooltip={t('res.derived')}>
              <Input readOnly value={sex ? t(`res.sex.${sex}`) : ''} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label={t('res.birthDate')} tooltip={t('res.derived')}>
              <Input readOnly value={birthDate ? `${birthDate}${age !== null ? `（${t('res.ageN', { n: age })}）` : ''}` : ''} />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <Typography.Title level={5}>{t('res.sec.contact')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item
              label={t('res.phone')}
              name="phone"
              extra={record?.phoneMasked ? t('res.unchangedMasked', { v: record.phoneMasked }) : undefined}
            >
              <Input maxLength={13} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label={t('res.community')} name="areaCode" rules={[required]}>
              <AreaPicker allowClear={false} selectableLevels={['community', 'grid']} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label={t('res.address')} name="address">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <Typography.Title level={5}>{t('res.sec.household')}</Typography.Title>
        <PeopleList name="householdMembers" kind="member" />
        <Divider />
        <Typography.Title level={5}>{t('res.sec.emergency')}</Typography.Title>
        <PeopleList name="emergencyContacts" kind="emergency" />
        <Divider />
        <Typography.Title level={5}>{t('res.sec.guardian')}</Typography.Title>
        <GuardianFields minor={minor} />
        <Divider />
        <Typography.Title level={5}>{t('res.sec.care')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item label={t('res.categories')} name="categories">
              <Select
                mode="multiple"
                allowClear
                options={categories.options}
                loading={categories.loading}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label={t('res.assistanceStatus')} name="assistanceStatus">
              <Select allowClear options={assistance.options} loading={assistance.loading} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label={t('res.careLevel')} name="careLevel" rules={[required]}>
              <Select
                options={[1, 2, 3, 4].map((n) => ({
                  value: n,
                  label: `${t('res.careLevelN', { n })} · ${intervalText(intervals.data?.[n as 1 | 2 | 3 | 4])}`,
                }))}
              />
            </Form.Item>
          </Col>
          <WorkerField col={col} />
          {levelChanged && (
            <Col xs={24}>
              <Form.Item
                label={t('res.careLevelReason')}
                name="careLevelReason"
                rules={[{ required: true, message: t('resident.careLevelReason') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              label={t('res.healthNotes')}
              name="healthNotes"
              extra={record?.hasHealthNotes ? t('res.unchangedMasked', { v: '******' }) : undefined}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('res.notes')} name="notes">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <Typography.Title level={5}>{t('res.sec.consent')}</Typography.Title>
        <ConsentFields minor={minor} />
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('save')}
          </Button>
        </Space>
      </Form>
      {taken && <TakenOffer {...taken} onClose={() => setTaken(null)} />}
      {dups && (
        <DuplicateModal
          candidates={dups.candidates}
          onCancel={() => setDups(null)}
          onConfirm={() => {
            const body = { ...dups.body, allowPossibleDuplicate: true };
            setDups(null);
            void send(body);
          }}
        />
      )}
    </Card>
  );
}
