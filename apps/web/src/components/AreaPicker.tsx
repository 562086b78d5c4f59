// Area picker: a lazy tree from the caller's own root area(s) down, plus server-side search
// by name or pinyin initials. The server only ever answers within the caller's scope.
import { useEffect, useMemo, useRef, useState } from 'react';
import { TreeSelect } from 'antd';
import type { Area } from '@wushe/core';
import { fetchAreaChildren, searchAreas, useArea, useRootAreas } from '../api/areas.ts';
import { useI18n } from '../i18n/index.tsx';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  level: Area['level'];
  selectable?: boolean;
}

const toNode = (a: Area, pId: string | null): Node => ({
  id: a.code,
  pId,
  value: a.code,
  title: a.name,
  isLeaf: !a.hasChildren,
  level: a.level,
});

export interface AreaPickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  /** Only these levels can be chosen (e.g. a resident lives in a community or grid). */
  selectableLevels?: Area['level'][];
}

export function AreaPicker({
  value,
  onChange,
  id,
  placeholder,
  allowClear = true,
  disabled,
  style,
  selectableLevels,
  ...rest
}: AreaPickerProps) {
  const { t } = useI18n();
  const roots = useRootAreas();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<Area[] | null>(null);
  const [searching, setSearching] = useState(false);
  // Everything seen so far, so a chosen value always has a readable label.
  const known = useRef(new Map<string, Area>());
  const remember = (list: Area[]) => list.forEach((a) => known.current.set(a.code, a));

  useEffect(() => {
    if (!roots.data) return;
    remember(roots.data.items);
    setNodes(roots.data.items.map((a) => toNode(a, null)));
  }, [roots.data]);

  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      searchAreas(q)
        .then((res) => {
          if (!live) return;
          remember(res.items);
          setHits(res.items);
        })
        .catch(() => live && setHits([]))
        .finally(() => live && setSearching(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  // A value set from outside (editing a record) may not be in the loaded tree yet.
  const missing = value && !known.current.has(value) ? value : undefined;
  const one = useArea(missing);
  if (one.data) remember([one.data]);

  const loadData = async (node: { value?: string | number; id?: string }) => {
    const code = String(node.value ?? node.id);
    if (nodes.some((n) => n.pId === code)) return;
    const res = await fetchAreaChildren(code);
    remember(res.items);
    setNodes((prev) => {
      const have = new Set(prev.map((n) => n.id));
      return [...prev, ...res.items.filter((a) => !have.has(a.code)).map((a) => toNode(a, code))];
    });
  };

  const treeData = useMemo<Node[]>(() => {
    const list = hits
      ? hits.map((a) => ({ id: a.code, pId: null, value: a.code, title: a.path || a.name, isLeaf: true, level: a.level }))
      : nodes;
    return selectableLevels ? list.map((n) => ({ ...n, selectable: selectableLevels.includes(n.level) })) : list;
  }, [hits, nodes, selectableLevels]);

  const label = (code: string) => {
    const a = known.current.get(code);
    return a ? a.path || a.name : code;
  };

  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', minWidth: 200, ...style }}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('areaSearch')}
      treeDataSimpleMode
      treeData={treeData}
      loadData={hits ? undefined : loadData}
      labelInValue
      value={value ? { value, label: label(value) } : undefined}
      onChange={(v) => {
        onChange?.(v?.value);
        setSearch('');
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false, autoClearSearchValue: true }}
      notFoundContent={searching || roots.isPending ? t('loading') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 260 } } }}
    />
  );
}
