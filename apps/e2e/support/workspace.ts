// The practitioner workspace's header menu, as a person uses it: open the menu, pick a page.
import type { Page } from '@playwright/test';

export async function openWorkspacePage(page: Page, name: string, menu = 'Mon espace'): Promise<void> {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name }).click();
}
