// WCAG 2.1 AA on every public page (axe-core: 0 violations), on a phone, in the standard and the
// large-text mode (适老化), and colour contrast on the staff pages people use most. A public
// page added later goes into publicPages().
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiClient, signIn } from './helpers.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LINLIN = '13800000001'; // the demo public account 林晓

async function violations(page: Page, only?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  if (only) builder.withRules(only);
  const { violations: found } = await builder.analyze();
  // Each failing element with axe's own words (colours and ratio for contrast), at most five per rule.
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary}`)
        .join(' | ')}`,
  );
}

/** The public pages, each as a phone opens it; `ready` is a text the loaded page shows. */
async function publicPages(page: Page): Promise<{ path: string; ready: string | RegExp }[]> {
  const programmes = (await (await page.request.get('/api/v1/public/programmes')).json()) as { id: string; stage: string }[];
  const notice = programmes.find((p) => p.stage === 'publicity') ?? programmes[0]!;
  // A live check-in page needs a current token: a station worker's QR screen hands it out.
  await signIn(page, 'jiangtou.sw');
  const api = await apiClient(page);
  const acts = await api.get<{ items: { id: string }[] }>('/activities?pageSize=1');
  const code = await api.get<{ url: string }>(`/checkin/activity/${acts.items[0]!.id}/code`);
  const volunteerCode = await api.get<{ url: string }>(`/activities/${acts.items[0]!.id}/checkins/code`);
  // A training's public page and a certificate it issued (the demo's district trainings).
  await page.context().clearCookies();
  await signIn(page, 'huli');
  const district = await apiClient(page);
  const trainings = await district.get<{ items: { id: string; title: string }[] }>('/trainings?pageSize=50');
  let certificate: string | null = null;
  for (const tr of trainings.items) {
    const regs = await district.get<{ certificateCode: string | null }[] | { items: { certificateCode: string | null }[] }>(
      `/trainings/${tr.id}/registrations`,
    );
    certificate = (Array.isArray(regs) ? regs : regs.items).find((r) => r.certificateCode)?.certificateCode ?? null;
    if (certificate) break;
  }
  expect(certificate, 'a demo certificate').toBeTruthy();
  const jobs = (await (await page.request.get('/api/v1/public/jobs')).json()) as { items: { id: string }[] };
  const fairs = (await (await page.request.get('/api/v1/public/job-fairs')).json()) as { items: { id: string }[] } | { id: string }[];
  const fair = (Array.isArray(fairs) ? fairs : fairs.items)[0]!;
  // The wish board opens on the newest wish; its page has the claim button (or its state).
  const wishes = (await (await page.request.get('/api/v1/public/wishes?pageSize=1')).json()) as { items: { id: string; title: string }[] };
  const wish = wishes.items[0]!;
  await page.context().clearCookies();
  return [
    { path: '/p/signup', ready: '注册公众账号' },
    { path: '/p/login', ready: /登录/ },
    { path: `/p/programmes/${notice.id}`, ready: /公示|人才|评/ },
    { path: code.url, ready: /签到/ },
    { path: '/p/policies', ready: /奖补/ },
    { path: `/p/trainings/${trainings.items[0]!.id}`, ready: trainings.items[0]!.title },
    { path: `/p/certificates/${certificate}`, ready: /证书/ },
    { path: '/p/jobs', ready: /岗位|招聘/ },
    { path: `/p/jobs/${jobs.items[0]!.id}`, ready: /岗位|招聘|薪/ },
    { path: `/p/job-fairs/${fair.id}`, ready: /招聘会/ },
    { path: '/p/wishes', ready: wish.title },
    { path: `/p/wishes/${wish.id}`, ready: wish.title },
    { path: '/p/volunteer/posts', ready: '志愿服务岗位' },
    { path: volunteerCode.url, ready: '志愿者签到' },
  ];
}

test.describe('public pages on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });

  test('have no WCAG 2.1 AA violations, in standard and large text', async ({ page }) => {
    // every public page read by axe twice each: past the default minute on a loaded CI machine
    test.setTimeout(240_000);
    const pages = await publicPages(page);
    // The my page of the demo account, logged in by SMS code (the test hook reads it).
    await page.goto('/p/login');
    await page.getByLabel('手机号码').fill(LINLIN);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const code = (await (await page.request.get(`/api/v1/public/account/test/last-code?mobile=${LINLIN}`)).json()) as { code: string };
    await page.getByLabel('短信验证码').fill(code.code);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL(/\/p\/my$/);
    pages.push({ path: '/p/my', ready: '林晓' });
    pages.push({ path: '/p/volunteer', ready: '志愿者编号' }); // 林晓 is a confirmed demo volunteer

    for (const large of [false, true]) {
      for (const { path, ready } of pages) {
        await page.goto(path);
        await expect(page.getByText(ready).first()).toBeVisible();
        const toggle = page.getByTestId('large-text');
        if ((await toggle.getAttribute('aria-pressed')) !== String(large)) await toggle.click();
        await expect(toggle).toHaveAttribute('aria-pressed', String(large));
        expect(await violations(page), `${path}${large ? ' (large text)' : ''}`).toEqual([]);
        if (large) {
          // Large text is large: body text at 20 px and nothing scrolls sideways.
          const size = await page
            .locator('[data-large-text="1"]')
            .first()
            .evaluate((el) => getComputedStyle(el).fontSize);
          expect(size).toBe('20px');
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
      }
    }
    await page.screenshot({ path: 'test-results/public-my-large.png', fullPage: true });
  });

  test('remembers large text across pages and reloads', async ({ page }) => {
    await page.goto('/p/signup');
    await page.getByTestId('large-text').click();
    await expect(page.getByTestId('large-text')).toHaveText('标准字号');
    await page.goto('/p/login');
    await expect(page.getByTestId('large-text')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('large-text').click();
    await page.reload();
    await expect(page.getByTestId('large-text')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('large-text')).toHaveText('大字模式');
  });
});

test('the staff pages people use most have no colour-contrast failures', async ({ page }) => {
  // nine pages read by axe, about 5 s each on a loaded machine: past the default minute
  test.setTimeout(150_000);
  await signIn(page, 'jiangtou.head');
  // A call-out the demo sent (its needs, calls and the reasons as tags).
  const sent = await (await apiClient(page)).get<{ items: { id: string }[] }>('/mobilisations?status=sent&pageSize=1');
  const callOut = `/mobilisations/${sent.items[0]!.id}`;
  for (const path of ['/', '/residents', '/follow-ups', '/cases', '/activities', '/workers', '/programmes', '/mobilisations', callOut]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    expect(await violations(page, ['color-contrast']), path).toEqual([]);
  }
});
