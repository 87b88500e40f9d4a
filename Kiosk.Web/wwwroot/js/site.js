// Kiosk: small progressive enhancements. Every page works without this file; it adds steppers,
// the idle reset, the confirmation screen's live status and self-refreshing crew/board screens.
(function () {
    "use strict";

    const $ = (selector, root) => (root || document).querySelector(selector);
    const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
    // Set by live.js while the page's live stream is open: pollers then wait for its events instead.
    const live = () => document.documentElement.dataset.live === "open";

    // Quantity steppers: big − / + buttons drive the number input they control (1–20).
    $$("[data-step]").forEach(button => button.addEventListener("click", () => {
        const input = document.getElementById(button.getAttribute("aria-controls"));
        const min = Number(input.min || 1), max = Number(input.max || 20);
        const next = Math.min(max, Math.max(min, (Number(input.value) || min) + Number(button.dataset.step)));
        input.value = String(next);
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }));

    // The quantity chooser is rendered open; as a real modal it traps focus and Escape goes back to the menu.
    $$("dialog[data-open-modal]").forEach(dialog => {
        dialog.close();
        dialog.showModal();
        dialog.addEventListener("cancel", () => { window.location.href = dialog.dataset.cancelHref; });
    });

    // Value-meal chooser: the running price follows the choices, a group never takes more than its max, and
    // "Add to order" waits until every required group has its choice. The service checks all of it again.
    // With option groups it is a stepper: one group per step (Back / Next), focus on each step's heading, and the note,
    // quantity and "Add to order" on the last step. Without this script every group shows at once.
    $$("[data-chooser-price]").forEach(price => {
        const form = price.closest("form");
        const groups = $$("[data-option-group]", form);
        const add = $("[data-testid=add-to-cart]", form);
        const back = $("[data-chooser-back]", form);
        const next = $("[data-chooser-next]", form);
        const last = $("[data-chooser-last]", form);
        const missingNote = $("[data-chooser-missing]", form);
        const chooser = $("[data-chooser]", form);
        const progress = chooser ? $$(".chooser-progress li", chooser) : [];
        const peso = amount => "₱" + amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const satisfied = group => $$("input", group).filter(input => input.checked).length >= Number(group.dataset.min);
        let step = 0;

        const update = () => {
            let total = Number(price.dataset.base);
            groups.forEach(group => {
                const inputs = $$("input", group);
                const chosen = inputs.filter(input => input.checked);
                chosen.forEach(input => { total += Number(input.dataset.delta); });
                if (Number(group.dataset.max) > 1) {
                    // Only choices this script disabled for the max come back; a sold-out one (rendered or live) stays off.
                    const full = chosen.length >= Number(group.dataset.max);
                    inputs.forEach(input => {
                        if (full && !input.checked && !input.disabled) { input.disabled = true; input.dataset.full = ""; }
                        if (!full && input.hasAttribute("data-full")) { input.disabled = false; delete input.dataset.full; }
                    });
                }
            });
            price.textContent = peso(Math.round(total * 100) / 100);
            const missing = groups.filter(group => !satisfied(group)).map(group => group.dataset.name);
            add.disabled = missing.length > 0;
            if (missingNote) {
                const text = missing.length > 0 ? `${chooser.dataset.missingText} ${missing.join(", ")}` : "";
                if (missingNote.textContent !== text) { missingNote.textContent = text; }
            }
            if (next) { next.setAttribute("aria-disabled", String(groups.length > 0 && !satisfied(groups[step]))); }
        };

        const show = (index, moveFocus) => {
            step = index;
            const onLast = step === groups.length - 1;
            groups.forEach((group, i) => { group.hidden = i !== step; });
            progress.forEach((item, i) => {
                item.classList.toggle("done", i < step);
                item.classList.toggle("current", i === step);
            });
            last.hidden = !onLast;
            back.hidden = step === 0;
            next.hidden = onLast;
            add.hidden = !onLast;
            update();
            if (moveFocus) { $("[data-step-heading]", groups[step]).focus(); }
        };
        const forward = () => {
            if (!satisfied(groups[step])) {
                // Not yet: the note says what is missing; focus goes to the group's first choice that can be taken.
                const first = $$("input", groups[step]).find(input => !input.disabled);
                if (first) { first.focus(); }
                return;
            }
            show(step + 1, true);
        };

        $$("input[data-delta]", form).forEach(input => input.addEventListener("change", update));
        // A choice the live stream takes away (live.js disables it) says "Sold out", as one sold out on arrival does.
        const soldOutText = ($("[data-sold-out-text]") || {}).dataset?.soldOutText;
        if (soldOutText && window.MutationObserver) {
            const observer = new MutationObserver(records => records.forEach(({ target: input }) => {
                const choice = input.closest(".choice");
                const label = $(".sold-out", choice);
                const soldOut = input.disabled && !input.hasAttribute("data-full");
                if (soldOut && !label) {
                    const span = document.createElement("span");
                    span.className = "sold-out";
                    span.textContent = soldOutText;
                    choice.appendChild(span);
                } else if (!soldOut && label) {
                    label.remove();
                }
            }));
            $$("input[data-delta]", form).forEach(input => observer.observe(input, { attributes: true, attributeFilter: ["disabled"] }));
        }
        if (groups.length > 0 && chooser) {
            chooser.classList.add("stepping");
            back.addEventListener("click", () => show(Math.max(0, step - 1), true));
            next.addEventListener("click", forward);
            // Enter in a choice, the note or the quantity goes to the next step (on the last one it adds, once all is chosen),
            // never adds the meal from the first step the way a form's Enter would.
            form.addEventListener("keydown", event => {
                if (event.key !== "Enter" || event.target.tagName !== "INPUT") { return; }
                event.preventDefault();
                if (step < groups.length - 1) { forward(); } else if (!add.disabled) { form.requestSubmit(add); }
            });
            show(0, true);
        } else {
            update();
        }
    });
    // "Start over" asks first when the page rendered the question (the cart has items): Escape or "Keep my order"
    // closes it and focus goes back to the button. With no question, or without this script, the link starts over.
    $$("[data-confirm]").forEach(link => link.addEventListener("click", event => {
        const question = document.getElementById(link.dataset.confirm);
        if (question) {
            event.preventDefault();
            question.showModal();
        }
    }));

    // A second tap while the first is on its way would add an item twice or show "already paid" instead of the change:
    // each form posts once per page (listening on the document also covers lists the crew screens swap in).
    // A page restored from the back-forward cache may post again.
    document.addEventListener("submit", event => {
        const form = event.target;
        if (form.method !== "post") { return; }
        if (form.dataset.posted) { event.preventDefault(); return; }
        form.dataset.posted = "true";
    });
    window.addEventListener("pageshow", event => {
        if (event.persisted) { $$("form[data-posted]").forEach(form => delete form.dataset.posted); }
    });

    // Sales invoice and report pages: print again on demand.
    $$("[data-print]").forEach(button => button.addEventListener("click", () => window.print()));

    // Cashier quick-cash buttons fill the amount field.
    $$("[data-fill]").forEach(button => button.addEventListener("click", () => {
        const input = document.getElementById(button.dataset.fill);
        input.value = button.dataset.value;
        input.focus();
    }));

    // Idle: after data-idle-seconds without a touch, ask "Are you still there?", then start over.
    const idle = $("#idle-dialog");
    if (idle && Number(idle.dataset.idleSeconds) > 0) {
        const idleMs = Number(idle.dataset.idleSeconds) * 1000;
        const countdownFrom = Number(idle.dataset.countdownSeconds);
        const shown = $(".countdown", idle);
        let idleTimer = 0, tick = 0;

        const startOver = () => { window.location.href = idle.dataset.resetHref; };
        const arm = () => {
            window.clearTimeout(idleTimer);
            idleTimer = window.setTimeout(ask, idleMs);
        };
        const ask = () => {
            let left = countdownFrom;
            shown.textContent = String(left);
            idle.showModal();
            tick = window.setInterval(() => {
                left -= 1;
                shown.textContent = String(Math.max(left, 0));
                if (left <= 0) { window.clearInterval(tick); startOver(); }
            }, 1000);
        };
        const stillHere = () => {
            window.clearInterval(tick);
            if (idle.open) { idle.close(); }
            arm();
        };

        $("[data-idle-continue]", idle).addEventListener("click", stillHere);
        idle.addEventListener("cancel", event => { event.preventDefault(); stillHere(); });
        ["pointerdown", "keydown", "touchstart", "wheel"].forEach(type =>
            document.addEventListener(type, () => { if (!idle.open) { arm(); } }, { passive: true, capture: true }));
        arm();
    }

    // Confirmation screen: back to the attract screen on its own once the number is shown (the server renders the
    // note hidden until then, and the poller reloads the page when the order first appears) or the order is given up on.
    const returnNote = $("[data-return-seconds]");
    const countDownToStart = () => {
        returnNote.hidden = false;
        const deadline = Date.now() + Number(returnNote.dataset.returnSeconds) * 1000;
        const shown = $(".countdown", returnNote);
        const update = () => {
            const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
            shown.textContent = String(left);
            if (left <= 0) { window.location.href = returnNote.dataset.resetHref; }
        };
        update();
        window.setInterval(update, 1000);
    };
    if (returnNote && !returnNote.hidden && Number(returnNote.dataset.returnSeconds) > 0) { countDownToStart(); }

    // Confirmation screen: follow the order's status without a reload (404 = still on its way).
    const poll = $("[data-order-poll]");
    if (poll) {
        const number = $("[data-testid=order-number]", poll);
        const status = $("[data-testid=order-status]", poll);
        const hint = $("[data-testid=order-hint]", poll);
        const setText = (element, text) => { if (element.textContent.trim() !== text) { element.textContent = text; } };
        let unconfirmed = false;

        // Still not visible after data-visible-seconds (a long broker outage): tell the customer to show the crew the
        // order's reference and total, and go back to the start as usual. Polling goes on; if the order appears, the
        // reload below shows its number.
        if (poll.dataset.hasReceipt === "false" && Number(poll.dataset.visibleSeconds) > 0) {
            window.setTimeout(() => {
                unconfirmed = true;
                poll.classList.add("unconfirmed");
                setText(status, poll.dataset.notConfirmed);
                setText(hint, poll.dataset.showCrew);
                $("[data-testid=order-reference]", poll).hidden = false;
                if (returnNote && Number(returnNote.dataset.returnSeconds) > 0) { countDownToStart(); }
            }, Number(poll.dataset.visibleSeconds) * 1000);
        }

        // Reads the order once; true once it has reached its final status (nothing more to follow).
        const update = async () => {
            try {
                const response = await fetch(poll.dataset.orderPoll, { headers: { Accept: "application/json" }, cache: "no-store" });
                const body = await response.json();
                if (response.ok && body.found) {
                    if (poll.dataset.hasReceipt === "false") { window.location.reload(); return true; }
                    setText(number, String(body.orderNumber));
                    setText(status, body.label);
                    setText(hint, body.hint);
                    status.dataset.status = body.status;
                    return body.status === poll.dataset.finalStatus;
                } else if (response.status === 404 && !status.dataset.status && !unconfirmed) {
                    setText(status, body.message);
                }
            } catch (e) {
                // A dropped poll changes nothing on screen; the next one will try again.
            }
            return false;
        };
        // Polls only while the live stream (live.js) is not open; the stream says when to read the order again.
        const check = async () => {
            if (!live() && await update()) { return; }
            window.setTimeout(check, 1500);
        };
        document.addEventListener("kiosk:live", event => { if (event.detail.status !== status.dataset.status) { update(); } });
        window.setTimeout(check, status.dataset.status ? 1500 : 500);
    }

    // Now-serving board: replace the two number lists every few seconds.
    const board = $("[data-board-poll]");
    if (board) {
        const fill = (list, numbers) => {
            const text = numbers.join(",");
            if (list.dataset.shown === text) { return; }
            list.dataset.shown = text;
            list.replaceChildren(...numbers.map(n => { const li = document.createElement("li"); li.textContent = String(n); return li; }));
        };
        const stale = $("[data-board-stale]", board);
        const refresh = async () => {
            try {
                const response = await fetch(board.dataset.boardPoll, { headers: { Accept: "application/json" }, cache: "no-store" });
                const body = await response.json();
                if (!body.stale) {
                    fill($("[data-testid=board-preparing]", board), body.preparing);
                    fill($("[data-testid=board-ready]", board), body.ready);
                }
                stale.hidden = !body.stale;
            } catch (e) {
                stale.hidden = false;
            }
        };
        $$(".board-numbers", board).forEach(list => {
            list.dataset.shown = $$("li", list).map(li => li.textContent.trim()).join(",");
        });
        document.addEventListener("kiosk:live", event => {
            fill($("[data-testid=board-preparing]", board), event.detail.preparing);
            fill($("[data-testid=board-ready]", board), event.detail.ready);
            stale.hidden = true;
        });
        window.setInterval(() => { if (!live()) { refresh(); } }, 3000);
    }

    // Crew screens refresh their list by themselves: fetch the page again and swap the region when its text changed,
    // never while someone is typing or working inside it (focus there), so nothing jumps under a finger.
    const auto = $("[data-auto-refresh]");
    if (auto && Number(auto.dataset.autoRefresh) > 0) {
        const url = new URL(window.location.href);
        url.searchParams.delete("handler"); // a GET of the page itself, never a resubmitted form
        const busy = () => document.activeElement && document.activeElement !== document.body
            && (document.activeElement.matches("input, textarea, select") || $("[data-auto-refresh]").contains(document.activeElement));
        // A change pushed by the live stream is shown at once, or as soon as nobody is working in the list.
        let due = false;
        const refresh = async () => {
            if (busy()) { return; }
            due = false;
            try {
                const response = await fetch(url.href, { cache: "no-store" });
                if (!response.ok) { due = true; return; }
                const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-auto-refresh]");
                const current = $("[data-auto-refresh]");
                if (fresh && current && fresh.textContent !== current.textContent) { current.replaceWith(document.adoptNode(fresh)); }
                document.dispatchEvent(new CustomEvent("kiosk:refreshed"));
            } catch (e) {
                // Offline for a moment: keep showing the last list.
                due = true;
            }
        };
        document.addEventListener("kiosk:live", () => { due = true; refresh(); });
        window.setInterval(() => { if (!live() || due) { refresh(); } }, Number(auto.dataset.autoRefresh) * 1000);
    }
})();
