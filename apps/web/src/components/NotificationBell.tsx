// The header bell: unread count and a dropdown list; a click marks read and follows the link.
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Dropdown, Empty, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { type Notification, useMarkRead, useNotifications } from '../api/notifications.ts';
import { useMarkAllRead } from '../api/assign.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatDateTime } from '../fmt.ts';

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const q = useNotifications();
  const unread = q.data?.unread ?? 0;
  const items = q.data?.items ?? [];

  const open = async (n: Notification) => {
    if (!n.readAt) {
      try {
        await markRead.mutateAsync(n.id);
      } catch {
        // marked next time; the link still opens
      }
    }
    if (n.link) navigate(n.link.replace(/^\/app/, ''));
  };

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: items.length
          ? [
              ...(unread > 0 ? [{ key: 'read-all', label: <Typography.Link>{t('notif.readAll')}</Typography.Link> }] : []),
              ...items.slice(0, 20).map((n) => ({
                key: n.id,
                label: (
                  <div style={{ maxWidth: 320, whiteSpace: 'normal', fontWeight: n.readAt ? 400 : 600 }}>
                    {/* Urgent alerts and overdue follow-ups are the ones to act on now: red. */}
                    <div style={{ color: n.kind.includes('urgent') || n.kind.includes('overdue') ? '#cf1322' : undefined }}>{n.title}</div>
                    {n.body && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.body}
                      </Typography.Text>
                    )}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              })),
            ]
          : [{ key: 'none', disabled: true, label: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.none')} /> }],
        onClick: ({ key }) => {
          if (key === 'read-all') return void markAll.mutateAsync(undefined).catch(() => undefined);
          const n = items.find((x) => x.id === key);
          if (n) void open(n);
        },
      }}
    >
      <Button type="text" aria-label={t('notif.bell', { n: unread })}>
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined aria-hidden style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
