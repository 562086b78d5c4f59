// UI strings for notifications.
export const NOTIFICATIONS_STRINGS = {
  'notif.title': { zh: '通知', en: 'Notifications' },
  'notif.none': { zh: '暂无通知', en: 'No notifications' },
  'notif.bell': { zh: '通知（{n} 条未读）', en: 'Notifications ({n} unread)' },
} as const;
