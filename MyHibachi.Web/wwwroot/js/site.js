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

  // Chat widget: talks to the assistant in place; the conversation follows the visitor across pages.
  const widget = document.querySelector("[data-chat]");
  if (widget) {
    const form = widget.querySelector("[data-chat-form]");
    const log = widget.querySelector("[data-chat-log]");
    const status = widget.querySelector("[data-chat-status]");
    const idField = widget.querySelector("[data-chat-id]");
    const suggestions = widget.querySelector("[data-chat-suggestions]");
    const textarea = form.querySelector("textarea");
    const storageKey = "mh-chat";
    let handledBy = "ai";
    let shown = 0;
    let poll = null;
    window.dataLayer = window.dataLayer || [];
    const saved = (() => { try { return JSON.parse(sessionStorage.getItem(storageKey) || "null"); } catch (e) { return null; } })();
    if (saved && saved.id) { idField.value = saved.id; }

    const bubble = (who, text, name) => {
      const p = document.createElement("p");
      p.className = "chat-bubble chat-" + who;
      if (name) { const b = document.createElement("strong"); b.textContent = name + ": "; p.appendChild(b); }
      p.appendChild(document.createTextNode(text));
      log.appendChild(p);
      log.scrollTop = log.scrollHeight;
    };
    const showSuggestions = (items) => {
      suggestions.replaceChildren();
      (items || []).slice(0, 4).forEach((text) => {
        const b = document.createElement("button");
        b.type = "button"; b.className = "chip"; b.textContent = text; b.setAttribute("data-suggestion", "");
        suggestions.appendChild(b);
      });
    };
    const remember = () => sessionStorage.setItem(storageKey, JSON.stringify({ id: idField.value }));
    const setHandler = (next) => {
      if (next !== handledBy) {
        window.dataLayer.push({ event: next === "human" ? "ai_escalated" : "ai_resumed", conversationId: idField.value });
      }
      handledBy = next;
      clearInterval(poll);
      if (handledBy === "human") { poll = setInterval(refresh, 5000); }
    };
    // Messages of the stored conversation this page has not shown yet (a person's replies, or the history after navigating).
    const refresh = async () => {
      if (!idField.value || !widget.open) { return; }
      try {
        const response = await fetch("/Chat?handler=Conversation&id=" + encodeURIComponent(idField.value), { headers: { "X-Requested-With": "fetch" } });
        if (!response.ok) { if (response.status === 404) { idField.value = ""; sessionStorage.removeItem(storageKey); } return; }
        const conversation = await response.json();
        conversation.messages.slice(shown).forEach((m) => {
          if (m.author !== "system" || m.text) {
            bubble(m.author === "customer" ? "customer" : m.author === "staff" ? "staff" : "assistant", m.text, m.author === "staff" ? (m.authorName || "Team") : null);
          }
        });
        shown = conversation.messages.length;
        setHandler(conversation.handledBy);
      } catch (e) { /* try again on the next tick */ }
    };
    widget.addEventListener("toggle", () => { if (widget.open && shown === 0) { refresh(); } });
    suggestions.addEventListener("click", (event) => {
      const chip = event.target.closest("[data-suggestion]");
      if (chip) { textarea.value = chip.textContent; form.requestSubmit(); }
    });
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const person = event.submitter && event.submitter.hasAttribute("data-chat-person");
      const text = textarea.value.trim();
      if (!person && !text) { return; }
      const body = new FormData(form);
      if (!person) { bubble("customer", text); shown += 1; }
      textarea.value = "";
      status.textContent = person ? "Asking a person to join…" : "…";
      try {
        const url = person ? "/Chat?handler=Person" : "/Chat";
        const response = await fetch(url, { method: "POST", body, headers: { "X-Requested-With": "fetch" } });
        const data = await response.json();
        if (!response.ok) { status.textContent = data.error || "Please try again."; return; }
        status.textContent = "";
        if (person) {
          idField.value = data.id; remember();
          await refresh();
          setHandler("human");
          return;
        }
        idField.value = data.conversationId; remember();
        bubble("assistant", data.reply);
        shown += 1;
        showSuggestions(data.suggestions);
        setHandler(data.handledBy);
      } catch (e) {
        status.textContent = "We could not send your message; please try again.";
      }
    });
  }

  // Tables fold into cards on phones; each cell is labelled with its column's heading.
  document.querySelectorAll("table.data").forEach((table) => {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((row) => {
      [...row.children].forEach((cell, i) => { if (headings[i] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", headings[i]); } });
    });
  });

  // The error summary in the order of the form: each field's message where its field is on the page.
  document.querySelectorAll("[data-problems] ul").forEach((list) => {
    const items = [...list.querySelectorAll("li[data-for]")];
    const position = (li) => document.getElementById(li.getAttribute("data-for"));
    items.sort((a, b) => {
      const x = position(a), y = position(b);
      if (!x || !y) { return x ? -1 : y ? 1 : 0; }
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }).forEach((li) => list.appendChild(li));
  });

  // Confirm destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
})();
