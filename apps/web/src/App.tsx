// Routes: the signed-in pages come from ROUTES (routes.tsx), each a lazy chunk; the shell
// decides where a session may go.
import { Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { Actor, Permission } from '@wushe/core';
import { setErrorHook } from './api/client.ts';
import { clearSession, ME_KEY, rememberReturnTo, setSessionNotice, useMe } from './api/session.ts';
import { useI18n } from './i18n/index.tsx';
import { mayOpen, page, ROUTES } from './routes.tsx';

const AppLayout = page(() => import('./components/AppLayout.tsx'), 'AppLayout');
const LoginPage = page(() => import('./pages/auth/LoginPage.tsx'), 'LoginPage');
const ChangePasswordPage = page(() => import('./pages/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage');
// The public check-in page a phone opens from a QR code: no session, no shell.
const CheckinPage = page(() => import('./pages/checkin/CheckinPage.tsx'), 'CheckinPage');
// Public accounts (people outside the staff): sign-up, login and the "my" page, light and phone-first.
const PublicSignupPage = page(() => import('./pages/public/PublicSignupPage.tsx'), 'PublicSignupPage');
const PublicLoginPage = page(() => import('./pages/public/PublicLoginPage.tsx'), 'PublicLoginPage');
const PublicMyPage = page(() => import('./pages/public/PublicMyPage.tsx'), 'PublicMyPage');
const PublicProgrammePage = page(() => import('./pages/public/PublicProgrammePage.tsx'), 'PublicProgrammePage');
const PublicPoliciesPage = page(() => import('./pages/public/PublicPoliciesPage.tsx'), 'PublicPoliciesPage');
const PublicTrainingPage = page(() => import('./pages/public/PublicTrainingPage.tsx'), 'PublicTrainingPage');
const PublicCertificatePage = page(() => import('./pages/public/PublicCertificatePage.tsx'), 'PublicCertificatePage');
// Jobs (招聘): the public list, a post with applying, a job fair; browsing needs no login.
const PublicJobsPage = page(() => import('./pages/public/PublicJobsPage.tsx'), 'PublicJobsPage');
const PublicJobPage = page(() => import('./pages/public/PublicJobPage.tsx'), 'PublicJobPage');
const PublicJobFairPage = page(() => import('./pages/public/PublicJobFairPage.tsx'), 'PublicJobFairPage');
// Micro-wishes (微心愿): the board with its totals and a wish with claiming; reading needs no login.
const PublicWishesPage = page(() => import('./pages/public/PublicWishesPage.tsx'), 'PublicWishesPage');
const PublicWishPage = page(() => import('./pages/public/PublicWishPage.tsx'), 'PublicWishPage');
const PublicVolunteerPage = page(() => import('./pages/volunteer-public/PublicVolunteerPage.tsx'), 'PublicVolunteerPage');
const PublicVolunteerPostsPage = page(() => import('./pages/volunteer-public/PublicVolunteerPostsPage.tsx'), 'PublicVolunteerPostsPage');
const PublicVolunteerCheckinPage = page(
  () => import('./pages/volunteer-public/PublicVolunteerCheckinPage.tsx'),
  'PublicVolunteerCheckinPage',
);

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
      // A public account's 401 is its own pages' business (/p/login), never the staff login.
      if (err.status === 401 && !path.startsWith('/auth/login') && !path.startsWith('/public/')) {
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

function RequirePerm({ perm, children }: { perm: Permission | readonly Permission[]; children: ReactNode }) {
  const { data: actor } = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!actor || !mayOpen({ permission: perm }, actor.permissions)) {
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
        <Route path="/c/:kind/:id" element={<CheckinPage />} />
        <Route path="/p/signup" element={<PublicSignupPage />} />
        <Route path="/p/login" element={<PublicLoginPage />} />
        <Route path="/p/my" element={<PublicMyPage />} />
        <Route path="/p/programmes/:id" element={<PublicProgrammePage />} />
        <Route path="/p/policies" element={<PublicPoliciesPage />} />
        <Route path="/p/trainings/:id" element={<PublicTrainingPage />} />
        <Route path="/p/certificates/:code" element={<PublicCertificatePage />} />
        <Route path="/v/:code" element={<PublicCertificatePage />} />
        <Route path="/p/jobs" element={<PublicJobsPage />} />
        <Route path="/p/jobs/:id" element={<PublicJobPage />} />
        <Route path="/p/job-fairs/:id" element={<PublicJobFairPage />} />
        <Route path="/p/wishes" element={<PublicWishesPage />} />
        <Route path="/p/wishes/:id" element={<PublicWishPage />} />
        <Route path="/p/volunteer" element={<PublicVolunteerPage />} />
        <Route path="/p/volunteer/posts" element={<PublicVolunteerPostsPage />} />
        <Route path="/p/volunteer/checkin/:id" element={<PublicVolunteerCheckinPage />} />
        <Route
          path="/change-password"
          element={
            <RequireAuth forced>
              <ChangePasswordPage />
            </RequireAuth>
          }
        />
        {ROUTES.filter((r) => r.bare).map(({ path, page: Page, permission }) => (
          <Route
            key={path}
            path={`/${path}`}
            element={
              <RequireAuth>
                {permission ? (
                  <RequirePerm perm={permission}>
                    <Page />
                  </RequirePerm>
                ) : (
                  <Page />
                )}
              </RequireAuth>
            }
          />
        ))}
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {ROUTES.filter((r) => !r.bare).map(({ path, page: Page, permission }) => (
            <Route
              key={path}
              index={path === ''}
              path={path || undefined}
              element={
                permission ? (
                  <RequirePerm perm={permission}>
                    <Page />
                  </RequirePerm>
                ) : (
                  <Page />
                )
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
