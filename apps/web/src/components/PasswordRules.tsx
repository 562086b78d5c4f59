import { Alert } from 'antd';
import { usePublicConfig } from '../api/session.ts';
import { useI18n } from '../i18n/index.tsx';

/** States the installation's password policy above a password form. */
export function PasswordRules() {
  const { t } = useI18n();
  const { data } = usePublicConfig();
  const p = data?.passwordPolicy ?? { minLength: 8, minClasses: 3 };
  return (
    <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('account.rules', { min: p.minLength, classes: p.minClasses })} />
  );
}
