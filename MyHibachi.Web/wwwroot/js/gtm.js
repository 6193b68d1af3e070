// Google Tag Manager, loaded only when Analytics:GtmContainerId is set (the id is on this script tag).
// The site pushes its own events to the same dataLayer: ai_escalated and ai_resumed from the chat widget.
(() => {
  const id = document.currentScript && document.currentScript.getAttribute("data-gtm");
  if (!id) { return; }
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ "gtm.start": Date.now(), event: "gtm.js" });
  const script = document.createElement("script");
  script.async = true;
  script.src = "https://www.googletagmanager.com/gtm.js?id=" + encodeURIComponent(id);
  document.head.appendChild(script);
})();
