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

/**
 * Runs axe on the page as it is now (or only inside `within`, e.g. an open modal dialog, whose dimmed
 * backdrop would otherwise fail the page behind it on contrast); fails with the serious and critical
 * findings listed.
 */
export async function expectAccessible(page: Page, what: string, within?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // A dialog fading in has low contrast on its way: wait for finite transitions to end (at most
  // 3 s: a page that keeps starting transitions is checked as it is then).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const result = await page.evaluate(
    (selector) =>
      (window as unknown as { axe: { run: (context?: unknown) => Promise<AxeResult> } }).axe.run(
        selector ? { include: [selector] } : undefined,
      ) as Promise<AxeResult>,
    within,
  );
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

const HEIGHTS: Record<number, number> = { 360: 780, 390: 844, 768: 1024, 1280: 800 };

/** Full-page screenshots, by default at 390x844 and 1280x800, named after the screen and width. */
export async function screenshots(
  page: Page,
  name: string,
  widths: readonly number[] = [390, 1280],
): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  const before = page.viewportSize();
  for (const [width, height] of widths.map((w) => [w, HEIGHTS[w] ?? 800] as const)) {
    await page.setViewportSize({ width, height });
    // Let layout settle after the resize (Quasar's screen plugin reacts to it).
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SCREENS}${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
