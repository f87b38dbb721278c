// The guide end to end, against the release build.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { test, expect, open, live, answerAll, BEREAVED, RISK } from './fixtures.mjs';

const fallbackText = JSON.parse(readFileSync(new URL('../../web/fallback-text.json', import.meta.url), 'utf8'));

test('the welcome screen is prerendered, then the WebAssembly guide takes it over', async ({ page, request }) => {
  const served = await (await request.get('/')).text();
  expect(served).toContain('<div id="signpost" data-checker="signpost-check-');
  expect(served).toContain('data-start="welcome"><div lang="en" dir="ltr" class="signpost">');
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await open(page);
  expect((await wasm).headers()['content-type']).toBe('application/wasm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('without WebAssembly', () => {
  test.use({ allowPageErrors: true });
  test('the page still says what the guide is and how to get urgent help', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signpost: a private guide to mental-health support');
    await expect(page.getByText('If you are in danger now or might hurt yourself, call your local emergency number.')).toBeVisible();
  });
  test.describe('in a German browser', () => {
    test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    test('the way to urgent help is in German too', async ({ page }) => {
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto('/');
      await expect(page.locator('.sp-fallback p[lang="de"]')).toHaveText(fallbackText.de.urgent);
    });
  });
});

test('the whole flow by keyboard only', async ({ page }) => {
  await open(page);
  const tabTo = async (name) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => {
        const el = document.activeElement;
        return (el?.getAttribute('aria-label') || el?.labels?.[0]?.textContent || el?.textContent || '').trim();
      });
      if (text === name) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  };
  await tabTo('Start the questions');
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Question 1 of 12');
  await expect(h1).toBeFocused();

  await tabTo('Grief or a loss');
  await page.keyboard.press('Space');
  await tabTo('Next');
  await page.keyboard.press('Enter');
  await expect(h1).toHaveText('Question 2 of 13');
  await expect(h1).toBeFocused();

  // Radio groups: Tab into the group, arrows choose. On the two safety
  // questions (8 and 9) Space picks the first answer where it is: an arrow
  // would pass a risk answer on the way, and a risk answer chosen at any
  // time in the visit keeps urgent help first (issue 23, hazard H3).
  for (let i = 2; i <= 13; i++) {
    await page.keyboard.press('Tab');
    if (i === 8 || i === 9) {
      await page.keyboard.press('Space');
    } else {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
    }
    await tabTo(i < 13 ? 'Next' : 'See my results');
    await page.keyboard.press('Enter');
  }
  await expect(h1).toHaveText('Your results');
  await expect(h1).toBeFocused();
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Counselling');
});

test('a risk answer shows the crisis panel at once, and it stays on top of the results', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED.slice(0, 7));
  await expect(page.getByRole('group', { name: /better off dead/ })).toBeVisible();
  const panel = page.getByRole('region', { name: 'You do not have to face this alone' });
  await expect(panel).toHaveCount(0);
  await page.getByLabel('Several days').check();
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Numbers for United States');
  await expect(panel.locator('a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
  // The visitor may continue.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await answerAll(page, BEREAVED.slice(8));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(panel).toBeVisible();
  const panelTop = (await panel.boundingBox()).y;
  const headingTop = (await page.getByRole('heading', { level: 1 }).boundingBox()).y;
  expect(panelTop).toBeLessThan(headingTop);
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Urgent and crisis help');
});

test('going back and changing an answer changes the results', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED);
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Counselling');
  await page.getByRole('button', { name: 'Change: What would you most like from support?' }).click();
  await page.getByLabel('To meet people who have been through the same').check();
  await page.getByRole('button', { name: 'Back to my results' }).click();
  await expect(page.locator('.sp-suggestion h3').first()).toHaveText('Peer support and support groups');
  // And with Back through the questions.
  await page.getByRole('button', { name: 'Change: What would you most like from support?' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('group', { name: /afraid that someone may hurt you/ })).toBeVisible();
});

test('danger from another person is a risk answer too: the panel appears at once and light support waits', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED.slice(0, 8));
  const group = page.getByRole('group', { name: /afraid that someone may hurt you/ });
  await expect(group).toBeVisible();
  // The lead-in for the two safety questions sits on the first of them.
  await expect(page.getByText('We ask everyone the next two questions.')).toHaveCount(0);
  const panel = page.getByRole('region', { name: 'You do not have to face this alone' });
  await expect(panel).toHaveCount(0);
  await page.getByLabel('Yes, I am afraid someone may hurt me').check();
  await expect(panel).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await answerAll(page, BEREAVED.slice(9));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(panel).toBeVisible();
  const best = page.locator('section[aria-labelledby="sp-best-title"] .sp-suggestion h3');
  await expect(best.first()).toHaveText('Urgent and crisis help');
  await expect(best).not.toContainText(['Peer support and support groups']);
  await expect(page.locator('.sp-cautions')).toContainText('Because of your answer about your safety');
});

test('the guide works in Spanish, and starts in Spanish for a Spanish browser', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'es-MX', baseURL });
  const page = await context.newPage();
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Encuentre el tipo de apoyo que le conviene');
  await page.getByRole('button', { name: 'Empezar las preguntas' }).click();
  await page.getByLabel('Un duelo o una pérdida').check();
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pregunta 2 de 13');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 2 of 13');
  await context.close();
});

test.describe('taking the results away', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });

  test('copy and download give the same summary', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);

    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The summary is copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('My Signpost summary');
    expect(copied).toMatch(/What may suit you best\n1\. Counselling: /);
    expect(copied).toContain('Counselling gives you time and space to talk about a loss');
    expect(copied).toContain('Score: 4 out of 12');
    expect(copied).toContain('- What brings you here?: Grief or a loss');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download summary' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('signpost-summary.txt');
    expect(await readFile(await file.path(), 'utf8')).toBe(copied);
  });
});

test('printed, the results keep the crisis contacts, suggestions, scores and answers, and drop every control', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, RISK);
  const guide = page.locator('#signpost');
  const crisis = page.getByRole('region', { name: 'You do not have to face this alone' });
  const others = page.getByRole('region', { name: 'Other kinds of support' });
  // A suggestion whose reasons are folded away on screen.
  const folded = others.getByRole('listitem').filter({ hasText: 'Guided self-help' }).getByRole('group');
  const controls = guide.locator(':is(button, input, select, .sp-no-print)');
  // On screen: the controls are there, the folded reasons are not.
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Remember my answers on this device' })).toBeVisible();
  await expect(crisis.getByRole('combobox', { name: 'Show numbers for' })).toBeVisible();
  await expect(folded.getByRole('listitem').first()).toBeHidden();
  expect(await controls.count()).toBeGreaterThan(20);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(crisis).toBeVisible();
  for (const name of [/^Emergency 911/, /^988 Suicide & Crisis Lifeline 988/]) {
    await expect(crisis.getByRole('link', { name })).toBeVisible();
  }
  const best = page.getByRole('region', { name: 'What may suit you best' });
  await expect(best.getByRole('heading', { name: 'Counselling' })).toBeVisible();
  await expect(best.getByText('Counselling gives you time and space to talk about a loss')).toBeVisible();
  await expect(folded.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'How you have been feeling' }).getByText('Score: 4 out of 12')).toBeVisible();
  await expect(page.getByRole('region', { name: 'What a first session is like: Counselling' })).toBeVisible();
  const answers = page.getByRole('region', { name: 'Your answers' });
  await expect(answers.getByRole('term').filter({ hasText: 'What brings you here?' })).toBeVisible();
  await expect(answers.getByRole('definition').filter({ hasText: 'Grief or a loss' })).toBeVisible();
  await expect(page.getByText('This is not a diagnosis.')).toBeVisible();
  // No button, field or on-screen-only part is printed.
  for (const control of await controls.all()) await expect(control).toBeHidden();
});

test('start again clears every answer, and nothing is stored on the device', async ({ page, context }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await answerAll(page, BEREAVED);
  await page.getByRole('button', { name: 'Start again and clear my answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await expect(page.getByLabel('Grief or a loss')).not.toBeChecked();
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});

test('urgent help is one tap away from every screen', async ({ page }) => {
  await open(page);
  for (const go of [
    async () => {},
    () => page.getByRole('button', { name: 'Explore the kinds of support' }).click(),
    () => page.getByRole('button', { name: 'Compare them side by side' }).click(),
  ]) {
    await go();
    await expect(page.getByRole('button', { name: 'Need help now?' })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urgent help');
  await expect(page.locator('.sp-main a.sp-contact').first()).toHaveAttribute('href', 'tel:911');
});

test('?step=questions: the first question can be answered before the wasm arrives, and the answer is kept', async ({ page }) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto('/?step=questions');
  await expect(page.locator('#signpost[data-start="questions"]')).toBeAttached();
  await page.getByLabel('Grief or a loss').check();
  release();
  // The guide takes over: Next now works, and the answer is still there
  // (grief adds the "how long" question: 13 in all).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 13');
  await expect(page.getByLabel('Grief or a loss')).toBeChecked();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 2 of 13');
});

test('questions.html carries no configuration of its own: it sends the visitor to index.html\'s first question (issue 27, item 2)', async ({ page, request }) => {
  const served = await (await request.get('/questions.html')).text();
  expect(served).not.toContain('signpost-config');
  await page.goto('/questions.html');
  await expect(page).toHaveURL(/\/\?step=questions$/);
  await expect(page.getByRole('group', { name: 'What brings you here?' })).toBeVisible();
});

test.describe('?step=questions with answers remembered on the device', () => {
  // The wasm request is held by page.route, which a service worker would
  // bypass; this is about localStorage, not the offline cache.
  test.use({ serviceWorkers: 'block' });

  test('keeps them, with the answer ticked before the wasm arrived', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await answerAll(page, BEREAVED);
    await page.getByRole('checkbox', { name: 'Remember my answers on this device' }).check();
    const stored = () => page.evaluate(() => localStorage.getItem('signpost.answers.v1'));
    expect(await stored()).not.toBeNull();

    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto('/?step=questions');
    await page.getByLabel('Stress', { exact: true }).check();
    release();
    // The guide has taken over once the plain fallback below the question
    // is gone; Next then works (and every effect of the first render ran).
    await expect(page.locator('#signpost > .sp-fallback')).toHaveCount(0);
    await expect(page.getByLabel('Stress', { exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Question 2 of /);
    expect(await stored(), 'the remembered answers are still stored').not.toBeNull();

    await page.unroute('**/*_bg.wasm');
    await open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
    await expect(page.getByRole('checkbox', { name: 'Remember my answers on this device' })).toBeChecked();
    const first = page.getByRole('region', { name: 'Your answers' }).getByRole('definition').first();
    await expect(first).toContainText('Stress');
    await expect(first).not.toContainText('Grief');
    await expect(page.getByRole('region', { name: 'Your answers' }))
      .toContainText('Someone to listen and help me talk things through');
  });
});

test.describe('before the WebAssembly arrives', () => {
  // page.route cannot hold a request a service worker answers.
  test.use({ serviceWorkers: 'block' });
  /// Holds the guide's wasm until the returned function is called.
  const hold = async (page) => {
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
    return release;
  };

  test('every entry page carries its screen and the way to urgent help in its HTML', async ({ request }) => {
    for (const [path, screen] of [['/', 'Start the questions'], ['/', 'What brings you here?'], ['/?step=questions', 'What brings you here?']]) {
      const html = await (await request.get(path)).text();
      expect(html, path).toContain(screen);
      expect(html, path).toContain('Need help now?');
      expect(html, path).toContain('If you are in danger now or might hurt yourself, call your local emergency number.');
      expect(html, path).toContain('llame al número de emergencias de su zona');
    }
  });

  test('Start shows the prerendered first question at once, and the guide keeps its answer', async ({ page }) => {
    const release = await hold(page);
    await page.goto('/?lang=en&embed=frame');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await expect(page.getByRole('group', { name: 'What brings you here?' })).toBeVisible();
    await expect(page.locator('#sp-title')).toBeFocused();
    // No navigation: the guide's downloads carry on.
    await expect(page).toHaveURL(/\/\?lang=en&embed=frame$/);
    await page.getByLabel('Stress', { exact: true }).check();
    release();
    await live(page);
    await expect(page.getByLabel('Stress', { exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Question 2 of /);
  });

  test('another button pressed early opens its screen when the guide starts, with focus on its title', async ({ page }) => {
    const release = await hold(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Explore the kinds of support' }).click();
    await expect(page).toHaveURL(/\/$/);
    release();
    await live(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kinds of support');
    await expect(page.locator('#sp-title')).toBeFocused();
    // Back leads to the start, as if the guide had been there all along.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the kind of support that suits you');
  });

  test('Next pressed on the prerendered question is pressed again when the guide starts', async ({ page }) => {
    const release = await hold(page);
    await page.goto('/?step=questions');
    await page.getByLabel('Grief or a loss').check();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await expect(next).toHaveAttribute('aria-busy', 'true');
    release();
    await live(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 2 of 13');
    await expect(page.locator('#sp-title')).toBeFocused();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('Grief or a loss')).toBeChecked();
  });

  test('focus stays on the control the visitor was on when the guide takes over', async ({ page }) => {
    const release = await hold(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Start the questions' }).focus();
    release();
    await live(page);
    await expect(page.getByRole('button', { name: 'Start the questions' })).toBeFocused();
  });
});
