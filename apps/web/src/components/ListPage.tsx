// The one list page: title, search, filter slots, server paging and sort, column settings
// (remembered per list in localStorage), Excel export and an empty state with a call to action.
// On a phone the filters fold away behind one button (with the count of those set), so the rows
// come first.
import { useState, type ReactNode } from 'react';
import { Badge, Button, Card, Empty, Flex, Grid, Input, Table, Typography, type TableColumnType, type TableProps } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Query } from '../api/client.ts';
import type { Page } from '../api/query.ts';
import type { ListState } from '../api/useListState.ts';
import { useI18n } from '../i18n/index.tsx';
import { ColumnSettings, useColumnSettings } from './ColumnSettings.tsx';
import { ExportButton } from './ExportButton.tsx';

/** A column: `key` names it in the settings and, when `sortable`, is the server's sort field. */
export type ListColumn<T> = TableColumnType<T> & { key: string; title: string; sortable?: boolean; hideable?: boolean };

export interface ListPageProps<T, F extends Query> {
  /** Names the list in localStorage (column settings). */
  id: string;
  title: ReactNode;
  rowKey: TableProps<T>['rowKey'];
  columns: ListColumn<T>[];
  /** The list's data: a server page, or every row at once (no `list`: no paging). */
  data: UseQueryResult<Page<T>>;
  /** Paging, sort and filters (useListState); without it the list is shown whole. */
  list?: ListState<F>;
  /** The search box, writing filter `field` (default `q`). */
  search?: { placeholder: string; field?: keyof F & string; width?: number; enterButton?: boolean };
  /** Filter controls, after the search box. */
  filters?: ReactNode;
  /** Excel export of the same query (the ExportButton's props). */
  exportTo?: { path: string; filename: string; direct?: boolean; query?: Query; unmasked?: (reason: string) => Promise<void> };
  /** Buttons on the right: create, import… */
  actions?: ReactNode;
  /** The call to action of an empty list (e.g. the create button). */
  emptyAction?: ReactNode;
  /** More antd Table props (expandable rows, row styles). */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'pagination' | 'onChange' | 'loading'>;
  /** Row selection: the selected keys, and the actions on them shown above the table while any are selected (or always, `always`). */
  selection?: { keys: string[]; onChange: (keys: string[]) => void; actions: ReactNode; always?: boolean };
  /** Modals and drawers the page opens. */
  children?: ReactNode;
}

export function ListPage<T extends object, F extends Query>(props: ListPageProps<T, F>) {
  const { id, title, rowKey, columns, data, list, search, filters, exportTo, actions, emptyAction, table, selection, children } = props;
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const settings = useColumnSettings(id, columns);
  // Filters narrowed by the user: an empty answer then says so and offers to clear them.
  const filtered = !!list && !list.isDefault;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const folded = narrow && !!filters && !filtersOpen;
  // The search box shows on its own; the button counts the other filters set.
  const setCount = (list?.changed ?? []).filter((k) => k !== (search?.field ?? 'q')).length;

  const shown = columns
    .filter((c) => settings.visible(c.key))
    .map(({ sortable, hideable: _h, ...c }) =>
      sortable && list ? { ...c, sorter: true, sortOrder: list.sortOrder(c.key) } : (c as TableColumnType<T>),
    );

  const empty = (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('list.emptyFiltered') : t('list.empty')}>
      {filtered ? <Button onClick={() => list?.reset()}>{t('list.clearFilters')}</Button> : emptyAction}
    </Empty>
  );

  return (
    <Card
      title={title}
      // Column settings sit in the header, out of the way of the filters.
      extra={<ColumnSettings columns={columns} settings={settings} />}
      styles={narrow ? { body: { padding: 12 } } : undefined}
    >
      {(search || filters || exportTo || actions) && (
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          {search && list && (
            <Input.Search
              // Remounted on reset so the box empties with the filters.
              key={list.generation}
              aria-label={t('search')}
              placeholder={search.placeholder}
              allowClear
              enterButton={search.enterButton}
              defaultValue={String(list.filters[search.field ?? 'q'] ?? '')}
              onSearch={(v) => list.setFilter((search.field ?? 'q') as keyof F, (v.trim() || undefined) as F[keyof F])}
              style={{ width: narrow ? '100%' : (search.width ?? 220), maxWidth: '100%' }}
            />
          )}
          {narrow && filters && (
            <Badge count={setCount} size="small">
              <Button icon={<FilterOutlined />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
                {t('list.filters')}
              </Button>
            </Badge>
          )}
          {!folded && filters}
          <Flex gap={8} wrap style={{ marginLeft: 'auto' }}>
            {exportTo && (
              <ExportButton
                path={exportTo.path}
                query={exportTo.query ?? list?.query ?? {}}
                filename={exportTo.filename}
                direct={exportTo.direct}
                unmasked={exportTo.unmasked}
              />
            )}
            {actions}
          </Flex>
        </Flex>
      )}
      {selection && (selection.always || selection.keys.length > 0) && (
        <Flex
          wrap
          gap={8}
          align="center"
          style={{ marginBottom: 12 }}
          role="toolbar"
          aria-label={t('list.selected', { n: selection.keys.length })}
        >
          {selection.keys.length > 0 && (
            <>
              <Typography.Text>{t('list.selected', { n: selection.keys.length })}</Typography.Text>
              <Button size="small" type="link" onClick={() => selection.onChange([])}>
                {t('list.clearSelection')}
              </Button>
            </>
          )}
          {selection.actions}
        </Flex>
      )}
      <Table<T>
        rowKey={rowKey}
        rowSelection={
          selection && {
            selectedRowKeys: selection.keys,
            // Kept across pages, so rows picked on page 1 and 2 are assigned together.
            preserveSelectedRowKeys: true,
            onChange: (keys) => selection.onChange(keys.map(String)),
          }
        }
        size="middle"
        columns={shown}
        dataSource={data.data?.items}
        loading={data.isFetching}
        pagination={list ? list.pagination(data.data?.total) : false}
        onChange={list?.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: data.isPending ? ' ' : empty }}
        footer={list ? undefined : () => t('total', { n: data.data?.total ?? 0 })}
        {...table}
      />
      {data.isError && <Typography.Text type="danger">{data.error.message}</Typography.Text>}
      {children}
    </Card>
  );
}
