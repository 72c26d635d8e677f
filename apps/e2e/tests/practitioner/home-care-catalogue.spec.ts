// The home-care catalogue on the staff desk's home-care tab: staff add a care type for nurses
// (each field says what it needs; a French name already used is refused in words), then rename
// it, change its length and withdraw it. Axe and screenshots of the editor.
import { expect, test } from '@playwright/test';
import { staff, uniqueLetters } from '@carebook/testing';
import { signInAs } from '../../support/payment-journeys.ts';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';

test('staff add, rename, re-time and withdraw a home-care type', async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await staff({ fullName: 'Inès Laurent' });
  await signInAs(page, desk, '/staff/home-care');
  const section = page.getByTestId('staff-care-types');
  await expect(section.getByRole('heading', { name: 'Catalogue des soins à domicile' })).toBeVisible();
  const nurses = page.getByTestId('care-types-nurse');
  await expect(nurses.getByTestId('care-type').first()).toBeVisible();

  // Empty form: each field says what it needs; a length out of bounds is named.
  await nurses.getByRole('button', { name: /^Ajouter un soin/ }).click();
  const form = nurses.getByTestId('care-type-form');
  await form.getByLabel('Durée (min)').fill('500');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Entre 2 et 100 caractères.')).toHaveCount(2);
  await expect(form.getByText('Un nombre entier de minutes entre 5 et 240.')).toBeVisible();
  await expectAccessible(page, 'care-type editor with problems');

  const name = `Soin ${uniqueLetters(6)}`;
  await form.getByLabel('Nom en français').fill(name);
  await form.getByLabel('Nom en anglais').fill(`${name} EN`);
  await form.getByLabel('Durée (min)').fill('25');
  await expectAccessible(page, 'care-type editor filled');
  await screenshots(page, 'staff-care-types-add');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('care-types-notice')).toHaveText(/Catalogue enregistré./);
  const row = nurses.getByTestId('care-type').filter({ hasText: name });
  await expect(row).toContainText('25 min par visite');
  await expect(row).toContainText(`${name} EN`);

  // The same French name again in the same profession: refused in words.
  await nurses.getByRole('button', { name: /^Ajouter un soin/ }).click();
  await form.getByLabel('Nom en français').fill(name);
  await form.getByLabel('Nom en anglais').fill('Twice');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Cette profession a déjà un soin de ce nom en français : choisissez un autre nom.',
  );
  await form.getByRole('button', { name: 'Annuler' }).click();
  await expect(form).toHaveCount(0);

  // Rename, longer visits, withdrawn from the request form.
  await row.getByRole('button', { name: `Modifier « ${name} »` }).click();
  await form.getByLabel('Nom en français').fill(`${name} renommé`);
  await form.getByLabel('Durée (min)').fill('40');
  await form.getByRole('switch', { name: 'Proposé aux patients' }).click();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  const renamed = nurses.getByTestId('care-type').filter({ hasText: `${name} renommé` });
  await expect(renamed).toContainText('40 min par visite');
  await expect(renamed).toContainText('Retiré');
  await expectAccessible(page, 'care-type catalogue after edits');
  await screenshots(page, 'staff-care-types');
});
