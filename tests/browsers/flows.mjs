// The flows every engine runs, in order. Each gets a fresh browser from
// ctx.browser() (so nothing a flow leaves behind, a service worker say,
// reaches the next), and the runner fails it if the page reported an
// error (an uncaught exception, an unhandled rejection, console.error)
// anywhere in it. A flow returns { skipped: why } when the engine lacks
// what it tests; the runner prints that by name.
import { startServer } from '../../scripts/static-server.mjs';
import { pageState, target, serviceWorker, makeErrors } from './page.mjs';
import { PORTS, DEADLINE_MS, origin } from './config.mjs';

import { LANG_ATTR, RTL, ui } from '../e2e/text.mjs';

const ENGLISH_TITLE = 'Find the kind of support that suits you';
// The browser's preferred language for each of the guide's languages.
const LOCALE = { es: 'es-MX', fr: 'fr-FR', pt: 'pt-BR', de: 'de-DE', ar: 'ar-EG' };
/// The calm path by each answer's id, the same in every language
/// (tests/e2e/languages.spec.mjs walks the same).
const CALM_IDS = ['concerns-grief', 'duration-months', 'impact-some', 'phq4_1-several_days', 'phq4_2-several_days',
  'phq4_3-several_days', 'phq4_4-several_days', 'safety-not_at_all', 'harm-no', 'wants-talk', 'time-weeks', 'format-in_person', 'access-public'];

/// A bereaved visitor coping day to day (tests/e2e/fixtures.mjs, CALM),
/// and the same with a risk answer to the safety question (the 8th).
export const CALM = [
  'Grief or a loss', 'One to six months', 'A little: I mostly manage',
  'Several days', 'Several days', 'Several days', 'Several days',
  'Not at all', 'No', 'Someone to listen and help me talk things through',
  'About an hour a week for a few weeks or months', 'In person', 'A free or public service',
];
const SAFETY = 7;
export const RISK = CALM.map((a, i) => (i === SAFETY ? 'Several days' : a));

const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const show = (st) => (st.error ? `an error (${st.error})` : JSON.stringify(st));

/// Waits until `check(state)` holds; fails saying what the page showed.
async function until(s, what, check, label) {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const st = await s.run(pageState, label).catch((e) => ({ error: e.message.split('\n')[0] }));
    if (!st.error && check(st)) return st;
    if (Date.now() > end) throw new Error(`${what}: not within ${DEADLINE_MS / 1000} s; the page shows ${show(st)}`);
    await delay(100);
  }
}

/// Clicks what a visitor would (a button by name, an answer by label),
/// once it is there.
async function click(s, kind, name) {
  const end = Date.now() + DEADLINE_MS;
  while (!(await s.click(target, kind, name).catch(() => false))) {
    if (Date.now() > end) throw new Error(`no ${kind} "${name}" to click within ${DEADLINE_MS / 1000} s`);
    await delay(100);
  }
}

const live = (s, title = ENGLISH_TITLE) => until(s, `the guide starts ("${title}")`, (st) => st.live && st.h1 === title);
const question = (st) => /^Question \d+ of \d+$/.test(st.h1);

async function start(s) {
  await click(s, 'button', 'Start the questions');
  await until(s, 'the first question', (st) => st.h1.startsWith('Question 1 of '));
}

/// Answers each question by its label and moves on; `ticked(i, state)`
/// runs after answer i is ticked, before Next.
async function answerAll(s, labels, ticked = async () => {}) {
  for (const [i, label] of labels.entries()) {
    const before = (await until(s, `question ${i + 1}`, question)).h1;
    await click(s, 'label', label);
    await ticked(i, await until(s, `"${label}" ticked on ${before}`, (st) => st.checked === true, label));
    const last = i === labels.length - 1;
    await click(s, 'button', last ? 'See my results' : 'Next');
    if (last) await until(s, 'the results after the last answer', (st) => st.h1 === 'Your results');
    else await until(s, `the question after ${before}`, (st) => question(st) && st.h1 !== before);
  }
}

const US_NUMBERS = (st) => st.crisis && st.crisis.first === 'tel:911' && st.crisis.country.includes('United States');

async function calmToResults(s) {
  await start(s);
  await answerAll(s, CALM, async (i, st) => {
    if (st.crisis) throw new Error(`the crisis panel showed after the calm answer "${CALM[i]}"`);
  });
  await until(s, 'results: counselling first, no crisis panel', (st) => st.suggestion === 'Counselling' && !st.crisis);
}

/// The languages the build has besides English: dist/index.html's
/// data-languages ("es=content-es-HASH.bin ...").
export function languagesOf(indexHtml) {
  const list = /data-languages="([^"]*)"/.exec(indexHtml)?.[1] ?? '';
  return list.split(' ').filter(Boolean).map((p) => p.split('=')[0]);
}

export function flows({ languages }) {
  const guide = origin(PORTS.guide);
  const clinic = origin(PORTS.clinic);
  return [
    {
      name: 'error watch: sees an uncaught error and a console error, in the page and in a cross-origin frame',
      selfTest: true,
      async run(ctx) {
        const s = await ctx.browser();
        const expectErrors = async (where, tag) => {
          await s.run(makeErrors, tag);
          const end = Date.now() + DEADLINE_MS;
          let seen = [];
          while (!(seen.some((e) => e.includes(`${tag} console error`)) && seen.some((e) => e.includes(`${tag} uncaught error`)))) {
            if (Date.now() > end) throw new Error(`${where}: the error watch saw ${JSON.stringify(seen)}, not both errors`);
            await delay(100);
            seen = seen.concat(await s.errors());
          }
        };
        await s.goto(`${guide}/`);
        await live(s);
        await expectErrors('the page', 'self-test page');
        await s.goto(`${clinic}/frame.html`);
        await s.enterFrame('iframe.frame');
        await live(s);
        await expectErrors('the iframe', 'self-test frame');
        await s.leaveFrame();
        await s.errors();
      },
    },
    {
      name: 'calm path: welcome, every question, results',
      async run(ctx) {
        const s = await ctx.browser();
        await s.goto(`${guide}/`);
        await live(s);
        await calmToResults(s);
      },
    },
    {
      name: 'risk path: crisis numbers during the questions and on top of the results',
      async run(ctx) {
        const s = await ctx.browser();
        await s.goto(`${guide}/`);
        await live(s);
        await start(s);
        await answerAll(s, RISK, async (i) => {
          if (i === SAFETY) await until(s, 'the crisis panel with the US numbers (911 first) as soon as the risk answer is ticked', US_NUMBERS);
          else if (i > SAFETY) await until(s, 'the crisis panel still there on later questions', US_NUMBERS);
        });
        await until(s, 'results: the crisis panel above the title, urgent help first', (st) => US_NUMBERS(st) && st.crisisAboveTitle && st.suggestion === 'Urgent and crisis help');
      },
    },
    ...languages.map((lang) => ({
      name: `language ${lang}: a browser preferring ${LOCALE[lang] ?? lang} walks the whole guide in it${RTL.has(lang) ? ', right to left' : ''}`,
      async run(ctx) {
        const s = await ctx.browser({ language: LOCALE[lang] ?? lang });
        await s.goto(`${guide}/`);
        const dir = RTL.has(lang) ? 'rtl' : 'ltr';
        const t = ui(lang);
        const tag = LANG_ATTR[lang] ?? lang;
        await until(s, `the guide starts in ${lang}: <html lang="${tag}">, direction ${dir}, "${t.welcome_title}"`,
          (st) => st.live && st.html.lang === tag && st.html.dir === dir && st.h1 === t.welcome_title);
        // The whole guide in it: every question to the results.
        await click(s, 'button', t.start);
        for (const [i, id] of CALM_IDS.entries()) {
          const before = (await until(s, `question ${i + 1} in ${lang}`, (st) => st.h1 && st.h1 !== t.welcome_title)).h1;
          await click(s, 'id', `sp-${id}`);
          await until(s, `${id} ticked`, (st) => st.checked === true, `sp-${id}`);
          const last = i === CALM_IDS.length - 1;
          await click(s, 'button', last ? t.see_results : t.next);
          if (last) await until(s, `the results in ${lang} ("${t.results_title}")`, (st) => st.h1 === t.results_title && !st.crisis);
          else await until(s, `the question after ${before}`, (st) => st.h1 && st.h1 !== before);
        }
        await click(s, 'lang', 'en');
        await until(s, 'switched to English', (st) => st.html.lang === 'en' && st.html.dir === 'ltr' && st.h1 === 'Your results');
      },
    })),
    {
      name: 'custom element <signpost-guide> on the clinic\'s page (another origin): calm path to the results',
      async run(ctx) {
        const s = await ctx.browser();
        await s.goto(`${clinic}/index.html`);
        await live(s);
        await calmToResults(s);
      },
    },
    {
      name: 'iframe on the clinic\'s page (another origin): risk path, crisis panel on the results',
      async run(ctx) {
        const s = await ctx.browser();
        await s.goto(`${clinic}/frame.html`);
        await s.enterFrame('iframe.frame');
        await live(s);
        await start(s);
        await answerAll(s, RISK);
        // The demo clinic pins the United Kingdom (demo/guide/signpost.config.json).
        await until(s, 'results in the frame: the crisis panel first, urgent help first', (st) => st.crisis && st.crisisAboveTitle && st.suggestion === 'Urgent and crisis help');
        await s.leaveFrame();
      },
    },
    {
      name: 'offline after a first visit: the server stops, a reload still gives the whole guide',
      async run(ctx) {
        const site = origin(PORTS.offline);
        const { server } = await startServer(ctx.dist, PORTS.offline);
        const stop = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
        try {
          const s = await ctx.browser();
          await s.goto(`${site}/`);
          await live(s);
          const end = Date.now() + DEADLINE_MS;
          let worker;
          while ((worker = await s.run(serviceWorker)) !== 'controlling' && Date.now() < end) await delay(100);
          if (worker !== 'controlling') {
            // No worker: the guide must still work online without one.
            await calmToResults(s);
            return { skipped: worker === 'none' ? `no service worker (navigator.serviceWorker is missing) in ${s.version} under WebDriver; checked the guide works online without one`
              : `the service worker never took control within ${DEADLINE_MS / 1000} s in ${s.version}; checked the guide works online without one` };
          }
          await stop();
          const refused = await fetch(`${site}/`).then(() => false, () => true);
          if (!refused) throw new Error(`the server on ${site} still answers after it was stopped`);
          await s.reload();
          await live(s);
          if ((await s.run(serviceWorker)) !== 'controlling') throw new Error('after the reload the page is not controlled by the service worker');
          await calmToResults(s);
        } finally {
          await stop();
        }
      },
    },
  ];
}
