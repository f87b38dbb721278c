// The guide's host script, for pages that embed it in an iframe (README,
// "Embed it on a clinic website"; HOSTING.md, "Leave quickly"):
//
//   <script src="https://YOUR-GUIDE-HOST/signpost/v1/signpost-frame.js" defer></script>
//   <iframe data-signpost-frame src="https://YOUR-GUIDE-HOST/signpost/v1/?embed=frame" ...></iframe>
//
// It does two things, each only for a message from a marked frame's own
// window and origin (event.source, event.origin):
//
// - "Leave quickly" (and Escape) in the guide: the guide posts
//   { signpostExit: URL }, the clinic's neutral address (the same for every
//   visitor: nothing about them), and this script answers
//   { signpostExitAck: true } and replaces this page with it
//   (location.replace: Back does not return here). A frame may not do that
//   itself on a key press, never a user activation; so without this
//   script, Escape replaces only the frame.
// - Opt-in height (autoheight=1 in the frame's address): by default the
//   guide posts nothing else; give the frame a height in your CSS and the
//   guide scrolls inside it. With autoheight=1 it posts { signpostHeight }
//   computed from the frame's width alone, never from what is on screen,
//   so the messages reveal nothing about the visitor's answers.
//
// The neutral address must be an https:// page (the guide checks the
// configuration the same way: crates/engine/src/clinic/config.rs, exit_url_ok).
{
  // A block, so the script may be included twice (two frames' snippets).
  const NEUTRAL = /^https:\/\/[A-Za-z0-9.:[\]-]*[A-Za-z0-9][A-Za-z0-9.:[\]-]*([/?#][^\s\\]*)?$/;
  addEventListener('message', (event) => {
    for (const frame of document.querySelectorAll('iframe[data-signpost-frame]')) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
      const exit = event.data?.signpostExit;
      if (typeof exit === 'string') {
        if (!NEUTRAL.test(exit)) return;
        // "On my way": the frame then does not replace itself as well.
        event.source.postMessage({ signpostExitAck: true }, event.origin);
        location.replace(exit);
        return;
      }
      const height = Number(event.data?.signpostHeight);
      if (Number.isFinite(height) && height >= 200 && height <= 4000) frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  });
}
