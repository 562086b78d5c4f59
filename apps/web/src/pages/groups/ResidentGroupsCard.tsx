// 参加的小组 on a resident's profile: the groups they are (or were) a member of.
import { Link } from 'react-router-dom';
import { Card, List, Space, Typography } from 'antd';
import { useGroups } from '../../api/groups.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupStatusTag } from './tags.tsx';

export function ResidentGroupsCard({ residentId }: { residentId: string }) {
  const { t } = useI18n();
  const types = useCodeLabels('group_type');
  const groups = useGroups({ resident: residentId, pageSize: 20 });
  const items = groups.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title={t('gr.ofResident')} size="small">
      <List
        size="small"
        dataSource={items}
        renderItem={(g) => (
          <List.Item>
            <Space wrap size={4}>
              <Link to={`/groups/${g.id}`}>{g.name}</Link>
              <GroupStatusTag status={g.status} />
              <Typography.Text type="secondary">{types.labelOf(g.type)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
