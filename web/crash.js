// When the guide's WebAssembly crashes, the visitor must still see how to
// get urgent help. The release build compiles a Rust panic to a trap (a
// WebAssembly.RuntimeError, with no panic machinery in the download), and a
// JavaScript exception thrown through the guide's code leaves its state just
// as untrustworthy; either reaches the page as an uncaught error. This is
// inlined by scripts/post-build.mjs into the boot script and into
// signpost-guide.js. An uncaught error counts when its stack names one of
// `marks` (the guide's file names), so a host page's errors are left alone.
// Returns `crash(error)`, for crashes caught where they are known to be the
// guide's.
const watchForCrash = (marks, show) => {
  let crashed = false;
  const crash = (error) => {
    if (crashed) return;
    crashed = true;
    console.error('Signpost crashed; showing the way to urgent help instead.', error);
    show();
  };
  const ours = (error) => marks.some((m) => String(error?.stack ?? '').includes(m));
  addEventListener('error', (e) => ours(e.error) && crash(e.error));
  addEventListener('unhandledrejection', (e) => ours(e.reason) && crash(e.reason));
  return crash;
};
/// The urgent-help line in the visitor's language on a failure screen
/// (written in English and Spanish), after its heading; `t` is the
/// language's entry of web/fallback-text.json.
const urgentIn = (box, lang, t) => {
  if (!box || !t || lang === 'en' || lang === 'es') return;
  const p = Object.assign(document.createElement('p'), { lang: t.lang ?? lang, dir: t.dir ?? 'ltr' });
  p.append(Object.assign(document.createElement('strong'), { textContent: t.urgent }));
  box.querySelector('h1')?.after(p);
};
