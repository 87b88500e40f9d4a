// Kiosk: live screens. A page that names a stream (data-live-stream) follows it with EventSource: the server pushes
// each change the moment it happens. While the stream is open, <html data-live="open"> tells site.js's pollers to
// stay quiet; when it cannot be opened or drops, or the server says its events are not flowing (a "health" event with
// live: false, e.g. while the message broker is away), the attribute goes and they poll as before, on their own.
(function () {
    "use strict";

    const $ = (selector, root) => (root || document).querySelector(selector);
    const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
    const marker = $("[data-live-stream]");
    if (!marker || !window.EventSource) { return; }

    const root = document.documentElement;
    const screen = marker.dataset.liveScreen;
    const tell = detail => document.dispatchEvent(new CustomEvent("kiosk:live", { detail: Object.assign({ screen }, detail) }));

    // A short two-note chime, made on the spot (no file to load). Browsers may refuse sound before a first touch.
    const chime = () => {
        try {
            const audio = new (window.AudioContext || window.webkitAudioContext)();
            [880, 1320].forEach((frequency, i) => {
                const tone = audio.createOscillator(), gain = audio.createGain();
                tone.frequency.value = frequency;
                gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.18);
                gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.3);
                tone.connect(gain).connect(audio.destination);
                tone.start(audio.currentTime + i * 0.18);
                tone.stop(audio.currentTime + i * 0.18 + 0.3);
            });
            window.setTimeout(() => audio.close(), 1000);
        } catch (e) {
            // No sound on this device: the highlight is enough.
        }
    };

    const handlers = {
        // The customer's confirmation screen: site.js reads the order again (number, status in the customer's language).
        order: {
            snapshot: data => { if (!data.stale && data.status) { tell({ status: data.status }); } },
            order: data => tell({ status: data.status }),
        },

        // The board keeps its two lists here and hands them to site.js to draw; a new ready number is announced.
        board: (() => {
            let preparing = [], ready = [];
            const show = announce => {
                tell({ preparing: preparing.slice(), ready: ready.slice() });
                if (announce === undefined) { return; }
                const shown = $$("[data-testid=board-ready] li").find(li => li.textContent.trim() === String(announce));
                if (shown) {
                    shown.classList.remove("announce");
                    void shown.offsetWidth; // restart the animation
                    shown.classList.add("announce");
                }
                chime();
            };
            return {
                snapshot: data => {
                    if (data.stale) { return; }
                    preparing = data.preparing;
                    ready = data.ready;
                    show();
                },
                order: data => {
                    const number = data.orderNumber;
                    preparing = preparing.filter(n => n !== number);
                    const wasReady = ready.includes(number);
                    ready = ready.filter(n => n !== number);
                    if (data.status === "PAID") { preparing.push(number); }
                    if (data.status === "COMPLETED") { ready = [number].concat(ready).slice(0, 10); }
                    show(data.status === "COMPLETED" && !wasReady ? number : undefined);
                },
            };
        })(),

        // Kitchen and cashier: site.js fetches the list again; the kitchen marks each newly paid ticket and chimes.
        kitchen: (() => {
            const fresh = new Set();
            const soundOn = () => window.localStorage.getItem("kiosk.kitchen.sound") !== "off";
            const toggle = $("[data-kitchen-sound]");
            if (toggle) {
                const label = () => {
                    toggle.setAttribute("aria-pressed", soundOn() ? "true" : "false");
                    toggle.textContent = soundOn() ? toggle.dataset.on : toggle.dataset.off;
                };
                toggle.hidden = false;
                toggle.addEventListener("click", () => {
                    window.localStorage.setItem("kiosk.kitchen.sound", soundOn() ? "off" : "on");
                    label();
                });
                label();
            }
            document.addEventListener("kiosk:refreshed", () => {
                fresh.forEach(number => {
                    const ticket = $(`[data-testid=ticket-${number}]`);
                    if (ticket) { ticket.classList.add("ticket-new"); }
                });
            });
            return {
                snapshot: () => tell({}),
                order: data => {
                    if (data.status === "PAID") {
                        fresh.add(data.orderNumber);
                        window.setTimeout(() => fresh.delete(data.orderNumber), 60000);
                        if (soundOn()) { chime(); }
                    } else {
                        fresh.delete(data.orderNumber);
                    }
                    tell({});
                },
            };
        })(),

        cashier: {
            snapshot: () => tell({}),
            order: () => tell({}),
        },

        // The kiosk menu: an item sold out is disabled at once, and enabled again when it is back.
        menu: (() => {
            const setAvailable = (id, available) => {
                const card = $(`[data-testid=item-${id}]`);
                if (!card || card.dataset.available === String(available)) { return; }
                card.disabled = !available;
                card.dataset.available = String(available);
                const label = $(".sold-out", card);
                if (!available && !label) {
                    const soldOut = document.createElement("span");
                    soldOut.className = "sold-out";
                    soldOut.dataset.testid = `sold-out-${id}`;
                    soldOut.textContent = marker.dataset.soldOutText;
                    card.appendChild(soldOut);
                } else if (available && label) {
                    label.remove();
                }
            };
            return {
                snapshot: data => {
                    if (data.stale) { return; }
                    $$("[data-available]").forEach(card => {
                        const id = Number(card.dataset.testid.replace("item-", ""));
                        setAvailable(id, !data.soldOut.includes(id));
                    });
                },
                // A choice's switch (choiceId set) enables or disables that choice in an open meal chooser.
                availability: data => {
                    if (data.choiceId == null) { setAvailable(data.menuItemId, data.available); return; }
                    const input = $(`[data-testid="choice-${data.choiceId}"] input`);
                    if (!input) { return; }
                    input.disabled = !data.available;
                    if (!data.available && input.checked) {
                        // A sold-out choice cannot stay chosen: the customer picks again before adding.
                        input.checked = false;
                        input.dispatchEvent(new Event("change", { bubbles: true }));
                    }
                },
            };
        })(),
    }[screen];
    if (!handlers) { return; }

    let source = null;
    // False while the server says events are not reaching it: the stream stays open, the page polls meanwhile.
    let flowing = true;
    const streaming = () => { if (flowing) { root.dataset.live = "open"; } else { delete root.dataset.live; } };
    const open = () => {
        source = new EventSource(marker.dataset.liveStream);
        // Every (re)opening starts flowing: a server whose events are held up says so at once with health {live: false}.
        source.addEventListener("open", () => { flowing = true; streaming(); });
        source.addEventListener("error", () => {
            // Dropped: poll until the stream is back. The browser reconnects by itself (with Last-Event-ID) unless the
            // server refused the stream outright; then try again in a while.
            delete root.dataset.live;
            if (source.readyState === EventSource.CLOSED) { window.setTimeout(open, 5000); }
        });
        source.addEventListener("health", event => {
            try {
                flowing = JSON.parse(event.data).live !== false;
            } catch (e) {
                flowing = true;
            }
            // The events held up meanwhile follow once they flow again; until then the page's own polling shows the state.
            streaming();
        });
        Object.keys(handlers).forEach(type => source.addEventListener(type, event => {
            streaming();
            try {
                handlers[type](JSON.parse(event.data));
            } catch (e) {
                // An event this page cannot read: the next snapshot or poll puts things right.
            }
        }));
    };
    window.addEventListener("pagehide", () => { if (source) { source.close(); } });
    open();
})();
