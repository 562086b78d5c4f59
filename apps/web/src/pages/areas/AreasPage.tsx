// Areas: the caller's lazy division tree, search by name or pinyin initials, details, and
// new grids (网格) under a community.
import { useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Input, List, Row, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Area } from '@wushe/core';
import { fetchAreaChildren, searchAreas, useRootAreas } from '../../api/areas.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GridForm } from './GridForm.tsx';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

const toNode = (a: Area): TreeNode => ({ key: a.code, title: a.name, isLeaf: !a.hasChildren });

function setChildren(list: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return list.map((n) =>
    n.key === key
      ? { ...n, isLeaf: children.length === 0, children }
      : n.children
        ? { ...n, children: setChildren(n.children, key, children) }
        : n,
  );
}

export function AreasPage() {
  const { t } = useI18n();
  const actor = useActor();
  const roots = useRootAreas();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [areas] = useState(() => new Map<string, Area>());
  const [selected, setSelected] = useState<Area | null>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Area[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [gridOpen, setGridOpen] = useState(false);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);

  useEffect(() => {
    if (!roots.data) return;
    roots.data.items.forEach((a) => areas.set(a.code, a));
    setTree(roots.data.items.map(toNode));
    if (roots.data.items.length === 1) setSelected(roots.data.items[0]!);
  }, [roots.data, areas]);

  const loadChildren = async (code: string) => {
    const res = await fetchAreaChildren(code);
    res.items.forEach((a) => areas.set(a.code, a));
    setTree((prev) => setChildren(prev, code, res.items.map(toNode)));
    setLoadedKeys((prev) => (prev.includes(code) ? prev : [...prev, code]));
  };

  const runSearch = async (text: string) => {
    const s = text.trim();
    setQ(text);
    if (!s) {
      setHits(null);
      return;
    }
    setSearching(true);
    try {
      setHits((await searchAreas(s)).items);
    } finally {
      setSearching(false);
    }
  };

  const canAddGrid = actor.permissions.includes('area.write') && selected?.level === 'community';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10} lg={9}>
        <Card title={t('menu.areas')}>
          <Input.Search
            aria-label={t('search')}
            placeholder={t('areaSearch')}
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              if (!e.target.value) setHits(null);
            }}
            onSearch={runSearch}
            loading={searching}
            style={{ marginBottom: 12 }}
          />
          {hits ? (
            <List
              size="small"
              dataSource={hits}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(a) => (
                <List.Item style={{ cursor: 'pointer' }} onClick={() => setSelected(a)}>
                  <span>
                    {a.name} <Typography.Text type="secondary">{a.path}</Typography.Text>
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <Tree
              treeData={tree}
              loadedKeys={loadedKeys}
              loadData={(node) => loadChildren(String(node.key))}
              selectedKeys={selected ? [selected.code] : []}
              onSelect={(keys) => {
                const a = areas.get(String(keys[0]));
                if (a) setSelected(a);
              }}
              style={{ maxHeight: '65vh', overflow: 'auto' }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14} lg={15}>
        <Card
          title={t('areas.detail')}
          extra={
            canAddGrid ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setGridOpen(true)}>
                {t('areas.addGrid')}
              </Button>
            ) : null
          }
        >
          {selected ? (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('name')}>{selected.name}</Descriptions.Item>
              <Descriptions.Item label={t('code')}>
                <Typography.Text copyable>{selected.code}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('level')}>
                <Tag>{t(`level.${selected.level}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('path')}>{selected.path}</Descriptions.Item>
              <Descriptions.Item label={t('initials')}>{selected.initials}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('areas.pick')} />
          )}
        </Card>
      </Col>
      {selected && gridOpen && (
        <GridForm
          parent={selected}
          onClose={() => setGridOpen(false)}
          onCreated={(grid) => {
            areas.set(grid.code, grid);
            void loadChildren(selected.code);
          }}
        />
      )}
    </Row>
  );
}
