// Column settings of a list: which columns show, remembered per list in localStorage.
import { useState } from 'react';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';

interface Col {
  key: string;
  title: string;
  hideable?: boolean;
}

const storageKey = (id: string) => `wushe.columns.${id}`;

function readHidden(id: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey(id)) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function useColumnSettings(id: string, columns: Col[]) {
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(id));
  const setHidden = (next: string[]) => {
    setHiddenState(next);
    try {
      if (next.length) localStorage.setItem(storageKey(id), JSON.stringify(next));
      else localStorage.removeItem(storageKey(id));
    } catch {
      // private mode: the choice lasts for this page only
    }
  };
  // A column that cannot be hidden (the name, the actions) always shows.
  const canHide = (key: string) => columns.find((c) => c.key === key)?.hideable !== false;
  return {
    hidden,
    visible: (key: string) => !canHide(key) || !hidden.includes(key),
    toggle: (key: string, show: boolean) => setHidden(show ? hidden.filter((k) => k !== key) : [...hidden, key]),
    reset: () => setHidden([]),
  };
}

export function ColumnSettings({ columns, settings }: { columns: Col[]; settings: ReturnType<typeof useColumnSettings> }) {
  const { t } = useI18n();
  const content = (
    <Flex vertical gap={4}>
      {columns
        .filter((c) => c.hideable !== false)
        .map((c) => (
          <Checkbox key={c.key} checked={settings.visible(c.key)} onChange={(e) => settings.toggle(c.key, e.target.checked)}>
            {c.title}
          </Checkbox>
        ))}
      <Button size="small" type="link" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={settings.reset}>
        {t('list.resetColumns')}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={t('list.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined aria-hidden />} aria-label={t('list.columns')} />
    </Popover>
  );
}
