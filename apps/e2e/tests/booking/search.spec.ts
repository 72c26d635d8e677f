// The booking app's home: search by profession with suggestions, filter by mode, one click from
// a slot to the practitioner's page with that slot chosen; the search survives a reload; axe at
// phone and desktop widths; the whole search with the keyboard only. Naturopaths are rare in the
// other suites' data, and each test's own practitioner opens now, so it is among the soonest.
import { expect, test, type Page } from '@playwright/test';
import { anon, scenario, type Scenario } from '@carebook/testing';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';

const unique = () => Math.random().toString(36).slice(2, 8);

async function naturopath(): Promise<{ s: Scenario; name: string; slug: string }> {
  const name = `Nina Natur${unique()}`;
  const s = await scenario()
    .practitioner({ displayName: name, profession: 'naturopath', modes: ['video', 'at_home'] })
    .weeklyHours('daily', '00:00-23:45')
    .type({ mode: 'at_home', minutes: 60, price: 9000, notice: 0 })
    .type({ mode: 'video', minutes: 30, price: 6000, notice: 0 })
    .build();
  const { data, error } = await anon()
    .from('practitioners')
    .select('slug')
    .eq('id', s.practitioner.id)
    .single();
  if (error) throw new Error(error.message);
  return { s, name, slug: data.slug };
}

const card = (page: Page, name: string) => page.getByTestId('practitioner-card').filter({ hasText: name });

async function pickProfession(page: Page) {
  const what = page.getByLabel('Profession, spécialité ou nom');
  await what.fill('naturo');
  await page
    .getByRole('option', { name: /Naturopathe/ })
    .first()
    .click();
  await page.getByTestId('search-submit').click();
  await expect(page).toHaveURL(/[?&]profession=naturopath/);
}

test.describe('search page', () => {
  test('search by profession, filter video, one click from a slot to the practitioner’s page', async ({
    page,
  }) => {
    const { s, name, slug } = await naturopath();
    await page.goto('/');
    await pickProfession(page);
    const cards = page.getByTestId('practitioner-card');
    await expect(cards.first()).toContainText('Naturopathe');
    for (const text of await cards.allInnerTexts()) expect(text).toContain('Naturopathe');
    // Many naturopaths may share the first slot on a long-lived test database: narrow to this one.
    await page.goto(`/?profession=naturopath&q=${encodeURIComponent(name)}`);
    await expect(card(page, name)).toBeVisible();
    await expect(card(page, name)).toContainText('Vérifié');
    await expect(card(page, name)).toContainText('heure de Paris');

    await page.getByTestId('mode-filter').getByRole('button', { name: 'Vidéo' }).click();
    await expect(page).toHaveURL(/[?&]mode=video/);
    const slots = card(page, name).getByTestId('slot-button');
    await expect(slots).toHaveCount(3);
    // Video only: the slots are the video type's.
    const href = await slots.first().getAttribute('href');
    const url = new URL(href!, 'http://x');
    expect(url.pathname).toBe(`/p/${slug}`);
    expect(url.searchParams.get('type')).toBe(s.types[1]!.id);

    await slots.first().click();
    await expect(page).toHaveURL(new RegExp(`/p/${slug}\\?type=${s.types[1]!.id}&slot=`));
    const slot = new URL(page.url()).searchParams.get('slot')!;
    expect(new Date(slot).toISOString()).toBe(slot);
  });

  test('a reload keeps the search, and English says it too', async ({ page }) => {
    const { name } = await naturopath();
    await page.goto(`/?profession=naturopath&q=${encodeURIComponent(name)}&mode=video&sort=soonest`);
    await expect(card(page, name)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Profession, spécialité ou nom')).toHaveValue(name);
    await expect(page.getByTestId('mode-filter').getByRole('button', { name: 'Vidéo' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(card(page, name)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(/\d+ praticiens?$/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(/practitioners?$/);
    await expect(card(page, name)).toContainText('Paris time');
  });

  test('a typed search survives the click on Search; an empty one says so and offers a way back', async ({
    page,
  }) => {
    const text = `zzqx ${unique()} nobody`;
    await page.goto('/');
    await page.getByLabel('Profession, spécialité ou nom').fill(text);
    await page.getByTestId('search-submit').click();
    await expect(page).toHaveURL(`/?q=${encodeURIComponent(text).replace(/%20/g, '+')}`);
    await expect(page.getByText('Aucun praticien ne correspond à votre recherche')).toBeVisible();
    await page.getByRole('button', { name: 'Effacer la recherche' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('a place from the suggestions (places function, Google fake) sorts by distance', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Où ?').fill('Lyo');
    await page.getByRole('option', { name: /^Lyon/ }).first().click();
    await expect(page.getByLabel('Où ?')).toHaveValue(/^Lyon/);
    await page.getByTestId('search-submit').click();
    await expect(page).toHaveURL(/[?&]place=Lyon.*&lat=45\.\d+&lng=4\.\d+/);
    await expect(page.getByTestId('sort').getByRole('button', { name: 'Distance' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.reload();
    await expect(page.getByLabel('Où ?')).toHaveValue(/^Lyon/);
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    test(`no serious or critical axe finding at ${width} px`, async ({ page }) => {
      const { name } = await naturopath();
      await page.setViewportSize({ width, height });
      // By name: on a long-lived test database many naturopaths share the first slot.
      await page.goto(`/?q=${encodeURIComponent(name)}`);
      await expect(card(page, name)).toBeVisible();
      await expectAccessible(page, `the search page at ${width} px`);
      if (width === 1280) await screenshots(page, 'search');
    });
  }

  test('searches and opens a slot with the keyboard only', async ({ page }) => {
    const { name, slug } = await naturopath();
    await page.goto('/');
    const what = page.getByLabel('Profession, spécialité ou nom');
    for (let i = 0; i < 15 && !(await what.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(what).toBeFocused();
    await page.keyboard.type('naturo');
    await expect(page.getByRole('option', { name: /Naturopathe/ }).first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(what).toHaveValue('Naturopathe');
    // Enter in the field searches.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]profession=naturopath/);
    await expect(page.getByTestId('practitioner-card').first()).toBeVisible();
    // Then by name, typed over the profession: on a long-lived test database this run's
    // naturopath need not be on the first page of every naturopath.
    await expect(what).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(name).replace(/%20/g, '\\+')}`));
    await expect(card(page, name)).toBeVisible();

    const first = card(page, name).getByTestId('slot-button').first();
    for (let i = 0; i < 200 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/p/${slug}\\?type=`));
  });
});
