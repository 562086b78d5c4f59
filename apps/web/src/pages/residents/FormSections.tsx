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
                <Form.Item name={[f.name, 'name']} label={`${t(kind === 'member' ? 'res.memberName' : 'res.personName')} ${i + 1}`} rules={[required]}>
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'relation']} label={t('res.relation')} rules={[required]}>
                  <Input maxLength={20} placeholder={kind === 'member' ? '配偶 / 子女' : ''} />
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <Form.Item name={[f.name, 'phone']} label={t('res.personPhone')} rules={kind === 'emergency' ? [required] : []}>
                  <Input maxLength={13} inputMode="tel" />
                </Form.Item>
              </Col>
              {kind === 'member' && (
                <Col xs={20} md={6}>
                  <Form.Item name={[f.name, 'note']} label={t('res.notes')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                <Button type="text" danger aria-label={`${t('res.remove')} ${i + 1}`} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()} disabled={kind === 'emergency' && fields.length >= 5}>
            {t(kind === 'member' ? 'res.addMember' : 'res.addEmergency')}
          </Button>
        </>
      )}
    </Form.List>
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
          <Form.Item name={['guardian', 'phone']} label={t('res.guardianPhone')} rules={rule}>
            <Input maxLength={13} inputMode="tel" />
          </Form.Item>
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
            rules={minor ? [{ validator: async (_, v) => { if (!v) throw new Error(t('resident.consentGuardian')); } }] : []}
          >
            <Checkbox>{t('res.consentByGuardian')}</Checkbox>
          </Form.Item>
        </Space>
      </Col>
    </Row>
  );
}
