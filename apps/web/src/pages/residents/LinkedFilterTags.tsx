// The filters a 工作台 figure opened the list with that have no control of their own (worker,
// due this week, unassigned, no assessment in a year), as tags that can be closed.
import { Tag } from 'antd';
import { useActor } from '../../api/session.ts';
import type { ListState } from '../../api/useListState.ts';
import { useI18n } from '../../i18n/index.tsx';

type Linked = { worker?: string; due?: string; unassigned?: string; withoutAssessment?: string };

export function LinkedFilterTags<F extends Linked>({ list }: { list: ListState<F> }) {
  const { t } = useI18n();
  const me = useActor().id;
  const f = list.filters;
  const tags: { key: keyof Linked; label: string }[] = [];
  if (f.worker) tags.push({ key: 'worker', label: f.worker === me ? t('filter.mine') : t('filter.worker') });
  if (f.due === 'due_soon') tags.push({ key: 'due', label: t('filter.dueSoon') });
  if (f.unassigned === 'true') tags.push({ key: 'unassigned', label: t('filter.unassigned') });
  if (f.withoutAssessment === 'true') tags.push({ key: 'withoutAssessment', label: t('filter.withoutAssessment') });
  return (
    <>
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          color="blue"
          closable
          style={{ alignSelf: 'center' }}
          data-testid={`linked-${tag.key}`}
          onClose={() => list.setFilter(tag.key as keyof F, undefined as F[keyof F])}
        >
          {tag.label}
        </Tag>
      ))}
    </>
  );
}
