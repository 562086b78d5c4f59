// 微心愿 on a resident's profile: the resident's wishes, newest first, and (wish.write) recording
// a new one for them.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useWishes } from '../../api/wishes.ts';
import { yuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useWishRights, WishStatusTag } from './tags.tsx';
import { WishForm } from './WishForm.tsx';

export function ResidentWishesCard({ resident }: { resident: { id: string; name: string; status: string } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useWishRights();
  const wishes = useWishes({ resident: resident.id, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const items = wishes.data?.items ?? [];
  return (
    <Card
      title={t('wi.ofResident')}
      size="small"
      extra={
        canWrite &&
        resident.status === 'active' && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('wi.new')}
          </Button>
        )
      }
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(w) => (
            <List.Item>
              <Space wrap size={4}>
                <Link to={`/wishes/${w.id}`}>{w.title}</Link>
                <WishStatusTag status={w.status} />
                <Typography.Text type="secondary">
                  {yuan(w.valueFen)} · {w.deadline}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={wishes.isPending ? t('loading') : t('wi.noneForResident')} />
      )}
      {adding && <WishForm resident={resident} onClose={() => setAdding(false)} onSaved={(w) => navigate(`/wishes/${w.id}`)} />}
    </Card>
  );
}
