// Routes: every page is a lazy chunk; the shell decides where a session may go.
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { Actor, Permission } from '@wushe/core';
import { setErrorHook } from './api/client.ts';
import { clearSession, ME_KEY, rememberReturnTo, setSessionNotice, useMe } from './api/session.ts';
import { useI18n } from './i18n/index.tsx';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = page(() => import('./components/AppLayout.tsx'), 'AppLayout');
const LoginPage = page(() => import('./pages/auth/LoginPage.tsx'), 'LoginPage');
const ChangePasswordPage = page(() => import('./pages/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const HomePage = page(() => import('./pages/home/HomePage.tsx'), 'HomePage');
const AreasPage = page(() => import('./pages/areas/AreasPage.tsx'), 'AreasPage');
const OrgsPage = page(() => import('./pages/orgs/OrgsPage.tsx'), 'OrgsPage');
const UsersPage = page(() => import('./pages/users/UsersPage.tsx'), 'UsersPage');
const RolesPage = page(() => import('./pages/roles/RolesPage.tsx'), 'RolesPage');
const AuditPage = page(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage');
const AccountPage = page(() => import('./pages/account/AccountPage.tsx'), 'AccountPage');
const ResidentsPage = page(() => import('./pages/residents/ResidentsPage.tsx'), 'ResidentsPage');
const ResidentFormPage = page(() => import('./pages/residents/ResidentFormPage.tsx'), 'ResidentFormPage');
const ProfilePage = page(() => import('./pages/residents/ProfilePage.tsx'), 'ProfilePage');
const AssessPage = page(() => import('./pages/assess/AssessPage.tsx'), 'AssessPage');
const FollowUpsPage = page(() => import('./pages/followups/FollowUpsPage.tsx'), 'FollowUpsPage');
const CoveragePage = page(() => import('./pages/coverage/CoveragePage.tsx'), 'CoveragePage');
const SettingsPage = page(() => import('./pages/settings/SettingsPage.tsx'), 'SettingsPage');

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Turns session problems from any API call into navigation. */
function SessionEvents() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setErrorHook((err, path) => {
      if (err.status === 401 && !path.startsWith('/auth/login')) {
        setSessionNotice(err.problem.detail ?? null);
        rememberReturnTo(window.location.pathname, qc.getQueryData<Actor | null>(ME_KEY)?.username ?? null);
        clearSession(qc);
        navigate('/login', { replace: true });
      } else if (err.status === 403 && err.code === 'auth.mustChangePassword') {
        void qc.invalidateQueries({ queryKey: ['auth', 'me'] });
        navigate('/change-password', { replace: true });
      } else if (err.status === 403 && err.code === 'auth.totpSetupRequired') {
        navigate('/account', { replace: true });
      }
    });
    return () => setErrorHook(null);
  }, [navigate, qc]);
  return null;
}

/** Signed-in only; a forced password change or TOTP setup comes before anything else. */
function RequireAuth({ children, forced }: { children: ReactNode; forced?: boolean }) {
  const { data: actor, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (!actor) {
    rememberReturnTo(location.pathname, null);
    return <Navigate to="/login" replace />;
  }
  if (actor.mustChangePassword && !forced) return <Navigate to="/change-password" replace />;
  if (!actor.mustChangePassword && forced) return <Navigate to="/" replace />;
  if (!forced && actor.totpRequired && !actor.totpEnabled && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return <>{children}</>;
}

function RequirePerm({ perm, children }: { perm: Permission; children: ReactNode }) {
  const { data: actor } = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!actor?.permissions.includes(perm)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbidden')}
        extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>}
      />
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="404" title="404" subTitle={t('notFound')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />
  );
}

export function App() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <SessionEvents />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/change-password"
          element={
            <RequireAuth forced>
              <ChangePasswordPage />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="areas"
            element={
              <RequirePerm perm="area.read">
                <AreasPage />
              </RequirePerm>
            }
          />
          <Route
            path="orgs"
            element={
              <RequirePerm perm="org.read">
                <OrgsPage />
              </RequirePerm>
            }
          />
          <Route
            path="users"
            element={
              <RequirePerm perm="user.read">
                <UsersPage />
              </RequirePerm>
            }
          />
          <Route
            path="roles"
            element={
              <RequirePerm perm="role.read">
                <RolesPage />
              </RequirePerm>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePerm perm="audit.read">
                <AuditPage />
              </RequirePerm>
            }
          />
          <Route
            path="residents"
            element={
              <RequirePerm perm="resident.read">
                <ResidentsPage />
              </RequirePerm>
            }
          />
          <Route
            path="residents/new"
            element={
              <RequirePerm perm="resident.write">
                <ResidentFormPage />
              </RequirePerm>
            }
          />
          <Route
            path="residents/:id"
            element={
              <RequirePerm perm="resident.read">
                <ProfilePage />
              </RequirePerm>
            }
          />
          <Route
            path="residents/:id/edit"
            element={
              <RequirePerm perm="resident.write">
                <ResidentFormPage />
              </RequirePerm>
            }
          />
          <Route
            path="residents/:id/assess"
            element={
              <RequirePerm perm="assessment.write">
                <AssessPage />
              </RequirePerm>
            }
          />
          <Route
            path="follow-ups"
            element={
              <RequirePerm perm="resident.read">
                <FollowUpsPage />
              </RequirePerm>
            }
          />
          <Route
            path="coverage"
            element={
              <RequirePerm perm="coverage.read">
                <CoveragePage />
              </RequirePerm>
            }
          />
          <Route
            path="settings"
            element={
              <RequirePerm perm="settings.write">
                <SettingsPage />
              </RequirePerm>
            }
          />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
