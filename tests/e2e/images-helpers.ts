/** Shared steps for the image desk e2e files. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const jpeg = (name: string, buffer: Buffer): UploadFile => ({
  name,
  mimeType: 'image/jpeg',
  buffer,
});

/** Opens the image library from the navigation and waits for its count line. */
export async function openLibrary(page: Page, nav = 'Images'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: nav, exact: true }).click();
  await page.getByTestId('image-library').waitFor();
}

/** Picks files through the library's file input, as the "Import images" dialog would. */
export async function importFiles(page: Page, files: UploadFile[]): Promise<void> {
  await page.getByTestId('image-file-input').setInputFiles(files);
}

/** The outcome line of one file in the import list, once it is no longer in progress. */
export async function importOutcome(page: Page, name: string): Promise<string> {
  const item = page.locator('.import__item', { hasText: name }).last();
  await expect
    .poll(() => item.getAttribute('data-state'), { timeout: 20_000 })
    .toMatch(/^(done|failed)$/);
  return (await item.locator('.import__state').textContent()) ?? '';
}

export const count = (page: Page) => page.getByTestId('image-count').textContent();

/** The visible grid cells (buttons), in order. */
export const cells = (page: Page) =>
  page.getByTestId('image-grid').locator('.image-cell[data-image-id]');

export const field = (page: Page, name: string) => page.getByLabel(name, { exact: true });

export async function waitImageSaved(page: Page, text = 'Saved'): Promise<void> {
  await expect
    .poll(() => page.getByTestId('image-save-status').textContent(), { timeout: 10_000 })
    .toBe(text);
}
