import type { Page } from 'playwright-core';

/** Signs in to the admin as a person would, on its Vietnamese sign-in page. */
export async function signInToAdmin(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
}
