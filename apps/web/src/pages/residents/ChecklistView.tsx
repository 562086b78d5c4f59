// A contact's checklist on the contacts card: what was checked, what was found (with the note),
// and for a found item either its follow-up task or the one-click button that makes it.
import { App, Button, Space, Tag, Typography } from 'antd';
import type { Contact } from '../../api/contacts.ts';
import { useChecklistFollowUp } from '../../api/contacts.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';

export function ChecklistView({ contact, canFollowUp }: { contact: Contact; canFollowUp: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const items = useCodeLabels('visit_checklist');
  const followUp = useChecklistFollowUp(contact.residentId);
  if (!contact.checklist.length) return null;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="contact-checklist">
      {contact.checklist.map((e) => (
        <div key={e.item}>
          <Space wrap size={4}>
            <Typography.Text strong>{items.labelOf(e.item)}</Typography.Text>
            <Tag color={e.flagged ? 'orange' : 'default'}>{e.flagged ? t('contact.checkFound') : t('contact.checkOk')}</Tag>
            {e.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
            {e.followUpId ? (
              // The task shows in the profile's follow-ups card above.
              <Tag color="blue">{t('contact.followUpMade')}</Tag>
            ) : (
              e.flagged &&
              canFollowUp && (
                <Button
                  size="small"
                  loading={followUp.isPending && followUp.variables?.item === e.item}
                  onClick={() =>
                    followUp.mutate(
                      { contactId: contact.id, item: e.item },
                      {
                        onSuccess: (task) =>
                          void message.success(`${t('contact.followUpMade')} · ${t('contact.followUpDue')} ${formatDateTime(task.dueAt)}`),
                        onError: (err) => void message.error(err.message),
                      },
                    )
                  }
                >
                  {t('contact.toFollowUp')}
                </Button>
              )
            )}
          </Space>
        </div>
      ))}
    </Space>
  );
}
