import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Wushe@2026';

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in and waits for the signed-in page (the 退出登录 button). */
export async function signIn(page: Page, username: string) {
  await login(page, username);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** Answers the open Popconfirm with its OK button. */
export async function confirmPopover(page: Page, ok = '确定') {
  const pop = page.locator('.ant-popover:visible');
  await pop.getByRole('button', { name: ok }).click();
  await expect(pop).toBeHidden();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

/** Picks an option in the antd Select whose input is labelled `label`. */
export async function chooseOption(scope: Page | Locator, page: Page, label: string, option: string, search?: string) {
  const input = scope.getByLabel(label, { exact: true });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // A click that lands while the list is still sliding in can leave it open with nothing chosen
  // (seen in CI): click again until the choice shows or the list closes on it.
  const chosen = scope
    .locator('.ant-select', { has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-select-content-value, .ant-select-selection-item', { hasText: option });
  await expect(async () => {
    if (!(await dropdown.count())) {
      await input.click();
      if (search) await input.fill(search);
    }
    await dropdown.getByText(option, { exact: true }).first().click({ timeout: 5000 });
    await expect(async () => expect((await chosen.count()) > 0 || (await dropdown.count()) === 0).toBe(true)).toPass({ timeout: 1500 });
  }).toPass({ timeout: 30_000 });
}

/** Picks an area in an AreaPicker by searching its name (clicking again, as chooseOption, when a click lands on a sliding list). */
export async function chooseArea(scope: Page | Locator, page: Page, label: string, name: string) {
  const input = scope.getByLabel(label, { exact: true });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const chosen = scope
    .locator('.ant-select', { has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-select-content-value, .ant-select-selection-item', { hasText: name });
  await expect(async () => {
    if (!(await dropdown.count())) {
      await input.click();
      await input.fill(name);
    }
    // Search hits read as full paths: 福建省 / 厦门市 / 湖里区 / 金山街道.
    await dropdown
      .getByText(new RegExp(`(^|/ )${name}$`))
      .first()
      .click({ timeout: 5000 });
    await expect(async () => expect((await chosen.count()) > 0 || (await dropdown.count()) === 0).toBe(true)).toPass({ timeout: 1500 });
  }).toPass({ timeout: 30_000 });
}

/** The login page's error message (the demo hint is an alert too). */
export const errorAlert = (page: Page) => page.locator('.ant-alert-error');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECKS[sum % 11];
}

/** A valid 湖里区 (350206) ID number, random birth date (1935–1985) and sequence: unique per run. */
export function randomIdNumber(): string {
  const birth = new Date(Date.UTC(1935, 0, 1) + Math.floor(Math.random() * 50 * 365) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `350206${ymd}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const right = id[17];
  return id.slice(0, 17) + ID_CHECKS[(ID_CHECKS.indexOf(right) + 1) % 11];
}

/** As the UI masks it: first 3 and last 4 kept. */
export const maskedId = (id: string) => id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);

// Given-name characters with one reading each, and their pinyin initials.
const GIVEN = [...'晓东振宇慕瀚岚琪锦帆鹏韬森楠凯博文聪睿'];
const GIVEN_INITIALS = 'xdzymhlqjfptsnkbwcr';

/** A 欧阳 name unlikely to exist already, and its pinyin initials (e.g. 欧阳晓东 → oyxd). */
export function randomName(): { name: string; initials: string } {
  const a = Math.floor(Math.random() * GIVEN.length);
  const b = Math.floor(Math.random() * GIVEN.length);
  const c = Math.floor(Math.random() * GIVEN.length);
  return { name: `欧阳${GIVEN[a]}${GIVEN[b]}${GIVEN[c]}`, initials: `oy${GIVEN_INITIALS[a]}${GIVEN_INITIALS[b]}${GIVEN_INITIALS[c]}` };
}

/** Calls the API as the signed-in page (cookies shared), with its CSRF token on writes. */
export async function apiClient(page: Page) {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.ok()).toBeTruthy();
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await page.request.get(`/api/v1${path}`);
      expect(res.ok(), `GET ${path}: ${res.status()}`).toBeTruthy();
      return (await res.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const res = await page.request.post(`/api/v1${path}`, { data, headers });
      expect(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
      return (await res.json()) as T;
    },
    put: async <T>(path: string, data: unknown): Promise<T> => {
      const res = await page.request.put(`/api/v1${path}`, { data, headers });
      expect(res.ok(), `PUT ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
      return (await res.json()) as T;
    },
  };
}

/** Registers a resident through the API (after login) and returns its id, name and ID number. */
export async function createResident(page: Page, areaCode = '350206004001', extra: Record<string, unknown> = {}) {
  const api = await apiClient(page);
  const { name } = randomName();
  const idNumber = randomIdNumber();
  const created = await api.post<{ id: string }>('/residents', {
    name,
    idNumber,
    areaCode,
    careLevel: 3,
    consent: { purpose: '建立服务档案', date: new Date().toISOString().slice(0, 10), givenBy: name },
    ...extra,
  });
  return { id: created.id, name, idNumber };
}
