// Checks every screen of the booking flow gets: axe-core with no serious or critical finding, and
// screenshots at phone and desktop widths saved as test artefacts (looked at by a person).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

// axe-core is a devDependency: its browser build is injected into the page under test.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe on the page as it is now; fails with the serious and critical findings listed. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    () => (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run() as Promise<AxeResult>,
  );
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** Full-page screenshots at 390x844 and 1280x800 (or the widths given: a tablet is 1024 high), named after the screen. */
export async function screenshots(
  page: Page,
  name: string,
  widths: readonly number[] = [390, 1280],
): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  const before = page.viewportSize();
  for (const width of widths) {
    const height = width < 600 ? 844 : width < 1000 ? 1024 : 800;
    await page.setViewportSize({ width, height });
    // Let layout settle after the resize (Quasar's screen plugin reacts to it).
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SCREENS}${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
