// Progressive enhancement only: every form works without this file.
(function () {
  "use strict";

  // Instant quote: recalculate as guests, add-ons or ZIP change.
  const quote = document.querySelector("[data-live-quote]");
  if (quote) {
    const target = document.querySelector("[data-quote-result]");
    let timer;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new FormData(quote);
        body.set("handler", "Preview");
        try {
          const response = await fetch(quote.getAttribute("action") || window.location.pathname + "?handler=Preview", {
            method: "POST", body, headers: { "X-Requested-With": "fetch" }
          });
          if (response.ok && target) {
            target.innerHTML = await response.text();
          }
        } catch (e) { /* the submit button still works */ }
      }, 350);
    };
    quote.addEventListener("input", refresh);
    quote.addEventListener("change", refresh);
  }

  // Chat widget: send without leaving the page.
  const chat = document.querySelector("[data-chat-form]");
  if (chat) {
    chat.addEventListener("submit", async (event) => {
      event.preventDefault();
      const status = chat.querySelector("[data-chat-status]");
      const body = new FormData(chat);
      try {
        const response = await fetch(chat.getAttribute("action"), { method: "POST", body, headers: { "X-Requested-With": "fetch" } });
        const text = await response.text();
        status.textContent = text;
        if (response.ok) { chat.reset(); }
      } catch (e) {
        status.textContent = "We could not send your message; please try again.";
      }
    });
  }

  // Confirm destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
})();
