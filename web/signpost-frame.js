// For host pages that embed the guide in an iframe and opt in to its
// height messages (README, "Embed it on a clinic website"):
//
//   <script src="https://YOUR-GUIDE-HOST/signpost/v1/signpost-frame.js" defer></script>
//   <iframe data-signpost-frame src="https://YOUR-GUIDE-HOST/signpost/v1/?embed=frame&autoheight=1" ...></iframe>
//
// By default the guide posts nothing: give the frame a height in your CSS
// and the guide scrolls inside it. With autoheight=1 it posts
// { signpostHeight } computed from the frame's width alone, never from
// what is on screen, so the messages reveal nothing about the visitor's
// answers. A message counts only from the frame's own window and origin.
addEventListener('message', (event) => {
  for (const frame of document.querySelectorAll('iframe[data-signpost-frame]')) {
    if (event.source !== frame.contentWindow) continue;
    if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
    const height = Number(event.data?.signpostHeight);
    if (Number.isFinite(height) && height >= 200 && height <= 4000) frame.style.height = `${Math.ceil(height)}px`;
    return;
  }
});
