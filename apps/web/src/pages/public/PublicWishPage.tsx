// /p/wishes/:id: one wish on a phone (no login to read it): the need, the value and deadline, the
// generic label. Claiming needs a public account: a visitor is sent to /p/login and back; a
// signed-in one claims an open wish, or sees their own claim on it with its actions.
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePublicMe, type PublicAccountMe } from '../../api/publicAccount.ts';
import { useMyWishClaims, usePublicWish, type PublicWish } from '../../api/wishes.ts';
import { businessToday, formatDate, yuanShort } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { WishStatusTag } from '../wishes/tags.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';
import { ClaimForm, MyClaim } from './WishClaimParts.tsx';

export function PublicWishPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = usePublicWish(id);
  const me = usePublicMe();
  const w = q.data;
  if (!w)
    return (
      <PublicShell title={q.isError ? t('pub.wish.notFound') : t('loading')} notice={false}>
        <Link to="/p/wishes">{t('pub.wish.back')}</Link>
      </PublicShell>
    );
  return (
    <PublicShell title={w.title} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <WishStatusTag status={w.status} />
          <span style={{ color: MUTED }}>{w.label}</span>
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{w.need}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('pub.wishes.category')}>{w.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label={t('pub.wish.value')}>
            {w.valueFen ? t('pub.wish.valueYuan', { value: yuanShort(w.valueFen) }) : t('pub.wish.noValue')}
          </Descriptions.Item>
          <Descriptions.Item label={t('pub.wish.deadlineLabel')}>{w.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('pub.wishes.area')}>{w.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('pub.wish.publishedAt')}>{formatDate(w.publishedAt)}</Descriptions.Item>
        </Descriptions>
        {me.isPending ? null : me.data ? <Claiming wish={w} me={me.data} /> : <LoginToClaim wish={w} />}
        <Link to="/p/wishes">{t('pub.wish.back')}</Link>
      </Space>
    </PublicShell>
  );
}

/** Open for a claim: on the board, waiting, and not past its deadline. */
const open = (w: PublicWish) => w.status === 'published' && w.deadline >= businessToday().format('YYYY-MM-DD');

function Closed({ wish }: { wish: PublicWish }) {
  const { t } = useI18n();
  const text =
    wish.status === 'fulfilled' ? t('pub.wish.fulfilled') : wish.status === 'published' ? t('pub.wish.past') : t('pub.wish.taken');
  return <Alert type={wish.status === 'fulfilled' ? 'success' : 'info'} showIcon title={text} data-testid="wish-closed" />;
}

function LoginToClaim({ wish }: { wish: PublicWish }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!open(wish)) return <Closed wish={wish} />;
  return (
    <Button type="primary" size="large" block onClick={() => navigate(`/p/login?next=${encodeURIComponent(`/p/wishes/${wish.id}`)}`)}>
      {t('pub.wish.loginToClaim')}
    </Button>
  );
}

function Claiming({ wish, me }: { wish: PublicWish; me: PublicAccountMe }) {
  const mine = useMyWishClaims(true);
  if (mine.isPending) return null;
  // The newest claim of mine on this wish (a withdrawn one leaves the wish open again).
  const claim = (mine.data ?? []).find((c) => c.wishId === wish.id);
  const holding = claim && claim.status !== 'withdrawn' && claim.status !== 'released';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {claim && (holding || !open(wish)) && <MyClaim claim={claim} me={me} />}
      {!holding && (open(wish) ? <ClaimForm wishId={wish.id} me={me} /> : !claim && <Closed wish={wish} />)}
    </Space>
  );
}
