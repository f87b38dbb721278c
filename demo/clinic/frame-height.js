// Sizes the guide's iframe to its content. The guide posts only
// { signpostHeight: <number> }; accept it only from the guide's frame.
addEventListener('message', (event) => {
  const frame = document.querySelector('iframe.frame');
  if (!frame || event.source !== frame.contentWindow) return;
  const height = Number(event.data?.signpostHeight);
  if (Number.isFinite(height) && height > 0 && height < 100000) frame.style.height = `${Math.ceil(height)}px`;
});
