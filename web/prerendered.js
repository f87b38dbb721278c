// The prerendered screen before the WebAssembly starts, shared by the
// standalone page's boot script (web/boot.js) and the custom element
// (web/signpost-guide.js). scripts/post-build.mjs inlines it into both
// without these lines (so it costs neither a request nor the bytes of
// this commentary, which the first visit cannot spare).
//
// guessLanguage: the language the guide will start in, as
// src/embed/settings.rs and Locale::negotiate choose it: the first of the
// one asked for (`?lang=`, the element's `lang`), the clinic's `locale`
// and the browser's whose primary subtag is in `known`, else English.
//
// earlyClick: a click on the prerendered screen in `root` (the page's
// #signpost, the element's box in its shadow root), left on it for the
// guide to act on when it takes over (src/embed/prerendered.rs). Start
// shows the first question, prerendered too (`question()` puts it in
// `root`, or returns false if there is none): no navigation, so the
// guide's downloads carry on and the answers ticked there are kept. Back,
// Skip or Next on it is pressed again as the guide starts (data-press);
// any other button's screen opens then (data-step), and is returned.
const guessLanguage = (asked, config, known) => [asked, config?.locale, ...navigator.languages]
  .map((t) => String(t ?? '').trim().split(/[-_]/)[0].toLowerCase()).find((t) => known.includes(t)) ?? 'en';
const earlyClick = (root, event, question) => {
  const start = root.dataset.start;
  const step = start === 'questions' && event.target.closest?.('[data-sp-step]');
  if (step) {
    root.dataset.press = step.dataset.spStep;
    step.setAttribute('aria-busy', 'true');
    return;
  }
  const button = start && event.target.closest?.('[data-sp-to]');
  if (!button) return;
  const to = button.dataset.spTo;
  if (!to.startsWith('question:')) {
    root.dataset.step = to;
    button.setAttribute('aria-busy', 'true');
    return to;
  }
  if (start === 'welcome' && question() !== false) {
    root.dataset.start = 'questions';
    root.querySelector('#sp-title')?.focus();
  }
};
