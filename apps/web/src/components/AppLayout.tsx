// The signed-in shell: a Sider menu filtered by permission, and a header with who is here.
import { Suspense, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App, Button, Grid, Layout, Menu, Skeleton, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useActor, useLogout, usePublicConfig } from '../api/session.ts';
import { useI18n } from '../i18n/index.tsx';
import { menuRoutes } from '../routes.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const actor = useActor();
  const { t, named } = useI18n();
  const { data: config } = usePublicConfig();
  const logout = useLogout();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState(narrow);

  // Entries of one group gather in a submenu where the group's first entry stands.
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<
    string,
    { key: string; icon: ReactNode; label: string; children: { key: string; icon: ReactNode; label: string }[] }
  >();
  for (const r of menuRoutes(actor.permissions)) {
    const entry = { key: '/' + r.path, icon: r.menu.icon, label: t(r.menu.labelKey) };
    const g = r.menu.group;
    if (!g) items.push(entry);
    else if (groups.has(g.key)) groups.get(g.key)!.children.push(entry);
    else {
      const sub = { key: 'group:' + g.key, icon: g.icon, label: t(g.labelKey), children: [entry] };
      groups.set(g.key, sub);
      items.push(sub);
    }
  }
  // The menu entry whose path is the longest that starts the location (/outputs/volunteering is
  // its own entry, /residents/123 is the register's).
  const keys = menuRoutes(actor.permissions).map((r) => '/' + r.path);
  const selected =
    keys.filter((k) => location.pathname === k || location.pathname.startsWith(k + '/')).sort((a, b) => b.length - a.length)[0] ??
    '/' + (location.pathname.split('/')[1] ?? '');
  const openGroup = [...groups.values()].find((g) => g.children.some((c) => c.key === selected))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 64}
        collapsible
        // On a phone the header's menu button opens the Sider over the page instead.
        trigger={narrow ? null : undefined}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        style={narrow ? { position: 'fixed', height: '100vh', zIndex: 20, left: 0, top: 0 } : undefined}
      >
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#c0392b', whiteSpace: 'nowrap' }}>
          {collapsed && !narrow ? '五' : `${t('appName')}`}
        </div>
        {/* A phone's closed Sider has no menu: collapsed to 0 px, the open group would pop up over the page. */}
        {!(narrow && collapsed) && (
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={openGroup ? [openGroup] : []}
            items={items}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setCollapsed(true);
            }}
          />
        )}
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: narrow ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button
              type="text"
              aria-label={t('menu')}
              aria-expanded={!collapsed}
              icon={<MenuOutlined aria-hidden />}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          <Typography.Text strong ellipsis style={{ minWidth: 0, flex: 1 }}>
            {config?.installationArea.name ?? actor.area.name}
          </Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: narrow ? 4 : 12, whiteSpace: 'nowrap', minWidth: 0 }}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: narrow ? 96 : 320 }}>
              {actor.displayName}
              {!narrow && <Typography.Text type="secondary"> · {named(actor.role)}</Typography.Text>}
            </span>
            <NotificationBell />
            <LangSwitch type="text" />
            <Button
              type="text"
              aria-label={t('logout')}
              icon={<LogoutOutlined aria-hidden />}
              loading={logout.isPending}
              onClick={() => {
                message.destroy();
                logout.mutate();
              }}
            >
              {narrow ? null : t('logout')}
            </Button>
          </div>
        </Header>
        {narrow && !collapsed && (
          <div
            aria-hidden
            onClick={() => setCollapsed(true)}
            style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.25)', zIndex: 19 }}
          />
        )}
        <Content style={{ padding: narrow ? 8 : 24 }}>
          {/* Pages load lazily inside the shell, which stays on screen meanwhile. */}
          <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
