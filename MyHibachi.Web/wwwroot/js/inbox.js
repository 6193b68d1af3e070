// The inbox, live: a small client for SignalR's JSON hub protocol over a WebSocket (no library, no CDN).
// When the Api says a conversation changed, the list and the open thread are fetched again from the
// site and swapped in place; what staff are typing is never touched.
(function () {
    'use strict';
    const root = document.querySelector('[data-inbox]');
    if (!root) {
        return;
    }

    const separator = '\u001e';
    let socket = null;
    let ping = null;
    let attempt = 0;
    let busy = false;
    let again = null;

    function later() {
        root.dataset.live = 'reconnecting';
        const wait = Math.min(30000, 1000 * Math.pow(2, attempt++));
        setTimeout(connect, wait);
    }

    async function connect() {
        try {
            const negotiate = await fetch('/hubs/inbox/negotiate?negotiateVersion=1', { method: 'POST', credentials: 'same-origin' });
            if (!negotiate.ok) {
                throw new Error('negotiate answered ' + negotiate.status);
            }

            const info = await negotiate.json();
            const token = info.connectionToken || info.connectionId;
            const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
            socket = new WebSocket(scheme + location.host + '/hubs/inbox?id=' + encodeURIComponent(token));
            socket.onopen = function () {
                socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + separator);
            };
            socket.onmessage = function (event) {
                String(event.data).split(separator).filter(Boolean).forEach(receive);
            };
            socket.onclose = function () {
                clearInterval(ping);
                later();
            };
        } catch (error) {
            later();
        }
    }

    function receive(raw) {
        const message = JSON.parse(raw);
        if (message.type === undefined) {
            // The handshake's answer: connected.
            if (!message.error) {
                attempt = 0;
                root.dataset.live = 'connected';
                ping = setInterval(function () {
                    if (socket && socket.readyState === WebSocket.OPEN) {
                        socket.send(JSON.stringify({ type: 6 }) + separator);
                    }
                }, 15000);
            }
            return;
        }

        if (message.type === 1 && message.target === 'conversationChanged') {
            refresh(message.arguments[0] || {});
        } else if (message.type === 7 && socket) {
            socket.close();
        }
    }

    async function refresh(change) {
        if (busy) {
            again = change;
            return;
        }

        busy = true;
        try {
            const response = await fetch(location.href, { credentials: 'same-origin', headers: { 'X-Inbox-Refresh': '1' } });
            if (!response.ok || response.redirected) {
                return;
            }

            const page = new DOMParser().parseFromString(await response.text(), 'text/html');
            swap(page, 'inbox-list');
            const item = document.querySelector('[data-conversation="' + change.conversationId + '"]');
            if (item) {
                item.classList.add('is-new');
            }

            if (root.dataset.selected && root.dataset.selected === change.conversationId) {
                const log = document.getElementById('inbox-log');
                const atBottom = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 40;
                swap(page, 'inbox-log');
                swapSelector(page, '.thread-head');
                swapSelector(page, '.inbox-contact');
                if (atBottom) {
                    scrollLog();
                }
            }
        } catch (error) {
            // The next change (or a reload) catches up.
        } finally {
            busy = false;
            if (again) {
                const next = again;
                again = null;
                refresh(next);
            }
        }
    }

    function swap(page, id) {
        const fresh = page.getElementById(id);
        const current = document.getElementById(id);
        if (fresh && current) {
            current.innerHTML = fresh.innerHTML;
        }
    }

    function swapSelector(page, selector) {
        const fresh = page.querySelector(selector);
        const current = document.querySelector(selector);
        if (fresh && current) {
            current.innerHTML = fresh.innerHTML;
        }
    }

    function scrollLog() {
        const log = document.getElementById('inbox-log');
        if (log) {
            log.scrollTop = log.scrollHeight;
        }
    }

    // A canned reply chosen from the list goes into the reply box, where it can still be edited.
    document.querySelectorAll('[data-canned-for]').forEach(function (select) {
        select.addEventListener('change', function () {
            const box = document.getElementById(select.dataset.cannedFor);
            if (box && select.value) {
                box.value = box.value ? box.value + '\n' + select.value : select.value;
                box.focus();
            }
            select.value = '';
        });
    });

    // "Edit it first": the assistant's suggested reply goes into the reply box.
    document.addEventListener('click', function (event) {
        const button = event.target.closest('[data-draft-for]');
        const box = button && document.getElementById(button.dataset.draftFor);
        if (box) {
            box.value = button.dataset.draft;
            box.focus();
        }
    });

    scrollLog();
    connect();
})();
