// The clinical safety case (issue 23, docs/safety/hazard-log.md) in a real
// browser: each hazard's control as a visitor meets it.
import { readFile } from 'node:fs/promises';
import { test, expect, open, answerAll, BEREAVED } from './fixtures.mjs';

const panelOf = (page) => page.getByRole('region', { name: 'You do not have to face this alone' });
const best = (page) => page.locator('section[aria-labelledby="sp-best-title"] .sp-suggestion h3');

async function start(page) {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
}

test('H1: three PHQ-4 answers that already reach severe count as severe though one is skipped', async ({ page }) => {
  await start(page);
  await answerAll(page, [
    'Work, study or a career change', 'One to six months', 'Hardly at all',
    null, 'Nearly every day', 'Nearly every day', 'Nearly every day',
    // Both short screens flag: the fuller GAD-7 and PHQ-9 are offered, and declined.
    'No, go on', 'No, go on',
    'Not at all', 'No', 'Help to set and reach goals', null, null, null,
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(best(page).first()).not.toHaveText('Life or wellbeing coaching');
  await expect(page.locator('.sp-cautions')).toContainText('Your answers suggest a lot of distress');
  const mood = page.locator('.sp-mood');
  await expect(mood).toContainText('already reach this level');
  await expect(mood.locator('.sp-mood__band strong')).toHaveText('Severe');
  await expect(mood).toContainText('Low mood (PHQ-2): 6 (worth a closer look)');
  await expect(mood).toContainText('Anxiety (GAD-2): at least 3 (worth a closer look)');
  await expect(mood).not.toContainText('Score:');
});

test('H2: a complete mild PHQ-4 with a lot of impact does not let coaching lead', async ({ page }) => {
  await start(page);
  await answerAll(page, [
    'Work, study or a career change', 'One to six months', 'A lot: some days are hard to get through',
    'More than half the days', 'Several days', 'Several days', 'Several days',
    // The anxiety pair flags (3): the fuller GAD-7 is offered, and declined.
    'No, go on',
    'Not at all', 'No', 'Help to set and reach goals', null, null, null,
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(best(page).first()).not.toHaveText('Life or wellbeing coaching');
  await expect(page.locator('.sp-cautions')).toContainText('more than everyday stress');
});

test.describe('H3: a risk answer taken back', () => {
  test.use({ acceptDownloads: true });

  test('keeps urgent help first, says why, and keeps the numbers in the summary', async ({ page }) => {
    await start(page);
    await answerAll(page, BEREAVED.slice(0, 7));
    await page.getByLabel('Several days', { exact: true }).check();
    await expect(panelOf(page)).toBeVisible();
    await page.getByLabel('Not at all', { exact: true }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await answerAll(page, BEREAVED.slice(8));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
    await expect(panelOf(page)).toBeVisible();
    await expect(best(page).first()).toHaveText('Urgent and crisis help');
    await expect(page.locator('.sp-suggestion--urgent')).toContainText('You changed an answer about your safety');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download summary' }).click();
    const text = await readFile(await (await download).path(), 'utf8');
    expect(text).toContain('You do not have to face this alone');
    expect(text).toMatch(/Emergency: 911/);
    // "Start again" clears the record with the answers.
    await page.getByRole('button', { name: 'Start again and clear my answers' }).click();
    await expect(panelOf(page)).toHaveCount(0);
  });
});

test('H4: each answer to the harm question has its own words, and danger from someone lists abuse lines first', async ({ page }) => {
  await start(page);
  await answerAll(page, BEREAVED.slice(0, 8));
  await page.getByLabel('Yes, I am afraid someone may hurt me').check();
  const panel = panelOf(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Helplines for abuse and violence');
  await expect(panel).not.toContainText('these thoughts');
  await expect(panel.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
  // The abuse and violence lines come straight after the emergency number.
  await expect(panel.locator('.sp-contacts__abuse')).toBeVisible();
  await expect(panel.locator('a.sp-contact').nth(1)).toHaveAttribute('href', 'tel:18007997233');
  await expect(panel.locator('a.sp-contact').nth(1)).toContainText('National Domestic Violence Hotline');
  await page.getByLabel('Yes, I am afraid I may hurt someone').check();
  await expect(panel).toContainText('move away from the person');
});

test('H5: "I\'d rather not say" is offered on both safety questions and shows the numbers gently', async ({ page }) => {
  await start(page);
  await answerAll(page, BEREAVED.slice(0, 7));
  const panel = panelOf(page);
  await page.getByLabel("I'd rather not say").check();
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('You did not have to answer');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('group', { name: /afraid that someone may hurt you/ }).getByLabel("I'd rather not say")).toBeVisible();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await answerAll(page, BEREAVED.slice(9));
  await expect(best(page).first()).toHaveText('Urgent and crisis help');
  await expect(page.locator('.sp-suggestion--urgent')).toContainText('You chose not to answer a question about your safety');
});
