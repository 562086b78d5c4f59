// Paging, sorting and filters for a server-side antd Table, as one query object.
import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import type { Query } from './client.ts';

interface SortInfo {
  order?: 'ascend' | 'descend' | null;
  columnKey?: React.Key;
  field?: React.Key | readonly React.Key[];
}

/** The list state a ListPage reads. */
export type ListState<F extends Query> = ReturnType<typeof useListState<F>>;

export function useListState<F extends Query>(initialFilters: F, defaultSort?: string) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>(defaultSort);
  const [filters, setFilters] = useState<F>(initialFilters);
  // Bumped by reset(), so uncontrolled inputs (the search box) remount empty.
  const [generation, setGeneration] = useState(0);
  const [initial] = useState(initialFilters);

  const query: Query = { ...filters, page, pageSize, sort };

  const setFilter = <K extends keyof F>(key: K, value: F[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  // Only the sort key and order are read, so any row type will do.
  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SortInfo | SortInfo[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey ?? (Array.isArray(s?.field) ? undefined : (s?.field as React.Key | undefined));
    const next = s?.order && field ? (s.order === 'descend' ? `-${String(field)}` : String(field)) : defaultSort;
    if (next !== sort) {
      setSort(next);
      setPage(1);
    } else {
      setPage(p.current ?? 1);
    }
    setPageSize(p.pageSize ?? 20);
  };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t('total', { n }),
  });

  /** The antd sortOrder of a column, so the header arrow follows the query. */
  const sortOrder = (key: string): 'ascend' | 'descend' | null => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);

  /** Sort chosen outside the table (a Select on a phone). */
  const changeSort = (next: string | undefined) => {
    setSort(next);
    setPage(1);
  };

  /** The filters as the page first showed them (an empty list then is really empty). */
  const isDefault = JSON.stringify(filters) === JSON.stringify(initial);
  /** Which filters differ from the first ones (the folded filter button counts them on a phone). */
  const changed = [...new Set([...Object.keys(filters), ...Object.keys(initial)])].filter(
    (k) => JSON.stringify(filters[k]) !== JSON.stringify(initial[k]),
  );
  const reset = () => {
    setFilters(initial);
    setPage(1);
    setGeneration((g) => g + 1);
  };

  return { query, filters, setFilter, setSort: changeSort, onTableChange, pagination, sortOrder, isDefault, changed, reset, generation };
}
