// Added by tests/browsers/run.mjs as the first script of every page it
// serves to WebKit, whose WebDriver has no log (see webkit.mjs). Keeps
// uncaught exceptions, unhandled rejections and console.error calls in
// sessionStorage, where the harness reads (and clears) them. Never part
// of the guide.
(() => {
  const KEY = '__signpost_test_errors';
  const keep = (kind, message) => {
    const line = `${kind}: ${message} (${location.href})`;
    try {
      const kept = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      kept.push(line);
      sessionStorage.setItem(KEY, JSON.stringify(kept));
    } catch {
      (window.__signpostTestErrors ||= []).push(line);
    }
  };
  addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) keep('uncaught', `${e.message} at ${e.filename}:${e.lineno}:${e.colno}`);
  });
  addEventListener('unhandledrejection', (e) => keep('unhandled rejection', e.reason?.stack || e.reason?.message || String(e.reason)));
  const error = console.error;
  console.error = function (...args) {
    keep('console.error', args.map((a) => (a instanceof Error ? a.stack || a.message : String(a))).join(' '));
    return error.apply(this, args);
  };
})();
