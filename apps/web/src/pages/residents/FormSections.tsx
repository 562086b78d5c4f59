// Parts of the resident form: household members, emergency contacts, guardian, consent.
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';

export function PeopleList({ name, kind }: { name: 'householdMembers' | 'emergencyContacts'; kind: 'member' | 'emergency' }) {
  const { t } = useI18n();
  const required = { required: true, message: t('field.required') };
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" wrap>
              <Col xs={12} md={6}>
                <Form.Item
                  name={[f.name, 'name']}
                  label={`${t(kind === 'member' ? 'res.memberName' : 'res.personName')} ${i + 1}`}
                  rules={[required]}
                >
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'relation']} label={t('res.relation')} rules={[required]}>
                  <Input maxLength={20} placeholder={kind === 'member' ? '配偶 / 子女' : ''} />
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <StoredPhone path={[name, f.name]} label={t('res.personPhone')} required={kind === 'emergency'} />
              </Col>
              {kind === 'member' && (
                <Col xs={20} md={6}>
                  <Form.Item name={[f.name, 'note']} label={t('res.notes')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                <Button
                  type="text"
                  danger
                  aria-label={`${t('res.remove')} ${i + 1}`}
                  icon={<MinusCircleOutlined aria-hidden />}
                  onClick={() => remove(f.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add()}
            disabled={kind === 'emergency' && fields.length >= 5}
          >
            {t(kind === 'member' ? 'res.addMember' : 'res.addEmergency')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * A family member's phone. A stored one is only ever shown masked: the field starts blank with
 * the masked number as a hint, and left blank it keeps the stored number.
 */
function StoredPhone({ path, label, required }: { path: (string | number)[]; label: string; required: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const masked = form.getFieldValue([...path, 'phoneMasked']) as string | null | undefined;
  // The hidden masked value travels with the person so the list compares as unchanged.
  return (
    <>
      <Form.Item name={[...path.slice(-1), 'phoneMasked']} hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name={[...path.slice(-1), 'phone']}
        label={label}
        rules={required && !masked ? [{ required: true, message: t('field.required') }] : []}
        extra={masked ? t('res.unchangedMasked', { v: masked }) : undefined}
      >
        <Input maxLength={13} inputMode="tel" placeholder={masked ?? undefined} />
      </Form.Item>
    </>
  );
}

export function GuardianFields({ minor }: { minor: boolean }) {
  const { t } = useI18n();
  const rule = minor ? [{ required: true, message: t('resident.guardianRequired') }] : [];
  return (
    <div style={minor ? { border: '1px solid #faad14', background: '#fffbe6', borderRadius: 8, padding: '12px 12px 0' } : undefined}>
      {minor && <Alert type="warning" showIcon title={t('res.guardianMinor')} style={{ marginBottom: 12 }} />}
      <Row gutter={8}>
        <Col xs={24} md={6}>
          <Form.Item name={['guardian', 'name']} label={t('res.guardianName')} rules={rule}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={['guardian', 'relation']} label={t('res.guardianRelation')} rules={rule}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <StoredPhone path={['guardian']} label={t('res.guardianPhone')} required={minor} />
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['guardian', 'idNumber']} label={t('res.guardianId')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}

export function ConsentFields({ minor }: { minor: boolean }) {
  const { t } = useI18n();
  const required = { required: true, message: t('field.required') };
  return (
    <Row gutter={8}>
      <Col xs={24} md={12}>
        <Form.Item name={['consent', 'purpose']} label={t('res.consentPurpose')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={['consent', 'date']} label={t('res.consentDate')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item name={['consent', 'givenBy']} label={t('res.consentGivenBy')} rules={[required]}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Space>
          <Form.Item
            name={['consent', 'byGuardian']}
            valuePropName="checked"
            rules={
              minor
                ? [
                    {
                      validator: async (_, v) => {
                        if (!v) throw new Error(t('resident.consentGuardian'));
                      },
                    },
                  ]
                : []
            }
          >
            <Checkbox>{t('res.consentByGuardian')}</Checkbox>
          </Form.Item>
        </Space>
      </Col>
    </Row>
  );
}
