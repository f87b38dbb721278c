// When the guide's WebAssembly crashes, the visitor must still see how to
// get urgent help. The release build compiles a Rust panic to a trap (a
// WebAssembly.RuntimeError, with no panic machinery in the download), and a
// JavaScript exception thrown through the guide's code leaves its state just
// as untrustworthy; either reaches the page as an uncaught error. This is
// inlined by scripts/post-build.mjs into the boot script and into
// signpost-guide.js: `files` are the guide's own file names, so a host
// page's errors are left alone.
const watchForCrash = (files, show) => {
  let crashed = false;
  const ours = (error) => {
    const stack = String(error?.stack ?? '');
    return files.some((f) => stack.includes(f));
  };
  const check = (error) => {
    if (crashed || !ours(error)) return;
    crashed = true;
    console.error('Signpost crashed; showing the way to urgent help instead.', error);
    show();
  };
  addEventListener('error', (e) => check(e.error));
  addEventListener('unhandledrejection', (e) => check(e.reason));
  return check;
};
