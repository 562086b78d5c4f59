// Pieces shared by the wish pages: the status and claim tags, and who may do what.
import { Tag } from 'antd';
import { CLAIM_STATUS_LABELS, WISH_STATUS_LABELS, type ClaimStatus, type WishStatus } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<WishStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'orange',
  published: 'blue',
  claimed: 'cyan',
  delivered: 'lime',
  fulfilled: 'green',
  cancelled: 'default',
};
const CLAIM_COLOR: Record<ClaimStatus, string> = {
  active: 'blue',
  delivered: 'lime',
  fulfilled: 'green',
  withdrawn: 'default',
  released: 'orange',
};

export function WishStatusTag({ status }: { status: WishStatus }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{label(WISH_STATUS_LABELS[status])}</Tag>;
}

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { label } = useI18n();
  return <Tag color={CLAIM_COLOR[status]}>{label(CLAIM_STATUS_LABELS[status])}</Tag>;
}

/** wish.write records, submits, claims on behalf, delivers and confirms; wish.review publishes, returns, cancels, releases. */
export function useWishRights() {
  const { permissions } = useActor();
  return { canWrite: permissions.includes('wish.write'), canReview: permissions.includes('wish.review') };
}
