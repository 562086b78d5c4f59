// Household members, emergency contacts and guardian: masked, or revealed (family).
import { Table, Tag, Typography } from 'antd';
import { type ResidentDetail } from '../../api/residents.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';

interface Row {
  key: string;
  group: string;
  name: string;
  relation: string;
  phone: string | null;
  note?: string | null;
}

type Person = { name?: string; relation?: string; phone?: string | null; phoneMasked?: string | null; note?: string | null };

function rows(src: { householdMembers?: Person[]; emergencyContacts?: Person[]; guardian?: Person | null }, t: Translate): Row[] {
  const out: Row[] = [];
  const add = (group: string, list: Person[]) =>
    list.forEach((p, i) =>
      out.push({
        key: `${group}${i}`,
        group,
        name: p.name ?? '',
        relation: p.relation ?? '',
        phone: p.phone ?? p.phoneMasked ?? null,
        note: p.note,
      }),
    );
  if (src.guardian) add(t('res.sec.guardian'), [src.guardian]);
  add(t('res.sec.emergency'), src.emergencyContacts ?? []);
  add(t('res.sec.household'), src.householdMembers ?? []);
  return out;
}

function PeopleTable({ data }: { data: Row[] }) {
  const { t } = useI18n();
  if (!data.length) return <Typography.Text type="secondary">{t('res.noHistory')}</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={data}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('kind'), dataIndex: 'group', render: (g: string) => <Tag>{g}</Tag> },
        { title: t('res.name'), dataIndex: 'name' },
        { title: t('res.relation'), dataIndex: 'relation' },
        { title: t('res.personPhone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        { title: t('res.notes'), dataIndex: 'note', responsive: ['md'], render: (v: string | null | undefined) => v ?? '' },
      ]}
    />
  );
}

export function FamilyView({ resident }: { resident: ResidentDetail }) {
  const { t } = useI18n();
  return <PeopleTable data={rows(resident, t)} />;
}

/** The revealed `family` value; falls back to the masked lists for any part not returned. */
export function FamilyRevealed({ value, fallback }: { value: unknown; fallback: ResidentDetail }) {
  const { t } = useI18n();
  const v = (value && typeof value === 'object' ? value : {}) as {
    householdMembers?: Person[];
    emergencyContacts?: Person[];
    guardian?: Person | null;
  };
  return (
    <PeopleTable
      data={rows(
        {
          householdMembers: v.householdMembers ?? fallback.householdMembers,
          emergencyContacts: v.emergencyContacts ?? fallback.emergencyContacts,
          guardian: v.guardian !== undefined ? v.guardian : fallback.guardian,
        },
        t,
      )}
    />
  );
}
