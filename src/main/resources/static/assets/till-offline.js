// The till when the network drops: a purchase without points, coupons or items is kept in this browser
// (IndexedDB, so it survives a reload) with the externalId the server put into the check form, and
// sent to POST /till/offline/purchases when the network is back. The server records each externalId
// once, so sending one twice (an answer lost on the way, two tabs) never records twice.
// Texts come from the page (templates/till/offline.html), in the cashier's language.
(function () {
  "use strict";
  var DB = "kopilka-till", STORE = "purchases", RETRY_MS = 15000;
  var syncing = false;

  // --- the queue: one IndexedDB store, keyed by externalId ---
  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, {keyPath: "externalId"});
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function inStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() { return inStore("readonly", function (s) { return s.getAll(); }); }
  function put(entry) { return inStore("readwrite", function (s) { s.put(entry); }); }
  function remove(externalId) { return inStore("readwrite", function (s) { s.delete(externalId); }); }

  // --- texts and the status element ---
  function text(name) {
    var texts = document.getElementById("till-offline-texts");
    return (texts && texts.dataset[name]) || name;
  }

  function money(entry) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined,
        {style: "currency", currency: entry.currency || "KZT", currencyDisplay: "narrowSymbol"})
        .format(Number(entry.amount));
    } catch (e) {
      return entry.amount + " " + (entry.currency || "");
    }
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function line(entry) {
    var time = new Date(entry.createdAt).toLocaleTimeString(document.documentElement.lang || undefined,
      {hour: "2-digit", minute: "2-digit"});
    return money(entry) + " · " + text("card") + " " + entry.card + " · " + time;
  }

  var note = null; // the last thing that happened, said above the lists

  function show(sentence, kind) {
    note = sentence ? {sentence: sentence, kind: kind || ""} : null;
    return render();
  }

  function render() {
    var status = document.getElementById("till-offline-status");
    if (!status) { return Promise.resolve(); }
    return all().then(function (entries) {
      entries.sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; });
      var waiting = entries.filter(function (e) { return e.state !== "failed"; });
      var failed = entries.filter(function (e) { return e.state === "failed"; });
      status.replaceChildren();
      var offline = !navigator.onLine;
      // Never hidden, only emptied: a live region must stay in the page for its changes to be read out.
      if (!note && !offline && entries.length === 0) {
        status.className = "";
        return;
      }
      status.className = "till-offline" + (offline ? " is-offline" : "");
      if (offline) { status.append(element("p", "notice warn", text("offline"))); }
      if (note) { status.append(element("p", "notice " + note.kind, note.sentence)); }
      if (waiting.length) {
        status.append(element("p", "till-offline-count", text("waiting") + " " + waiting.length));
        var list = element("ul", "till-offline-list");
        waiting.forEach(function (e) { list.append(element("li", null, line(e))); });
        status.append(list);
      }
      if (failed.length) {
        status.append(element("p", "till-offline-count", text("failed") + " " + failed.length));
        var refused = element("ul", "till-offline-list");
        failed.forEach(function (e) {
          var item = element("li", null, line(e) + " — " + text("refused"));
          var drop = element("button", "btn", text("remove"));
          drop.type = "button";
          drop.addEventListener("click", function () {
            remove(e.externalId).then(function () { return show(null); });
          });
          item.append(" ", drop);
          refused.append(item);
        });
        status.append(refused);
      }
    });
  }

  // --- keeping a check the server could not take ---
  function newExternalId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // "4 500,50" as cashiers type it → "4500.50"; null when it is not a sum above 0.
  function amountOf(value) {
    var plain = String(value || "").replace(/[\s\u00a0]/g, "").replace(",", ".");
    return /^\d+(\.\d{1,2})?$/.test(plain) && Number(plain) > 0 ? plain : null;
  }

  function spendsSomething(form) {
    return Array.prototype.some.call(form.querySelectorAll('input[name="redeem"], input[name="coupon"]'),
      function (box) { return box.checked; });
  }

  // Items picked from the store's list (data-till-item): the queue keeps a total alone, and the server
  // prices items from its own list, so a check with items waits for the network rather than lose them.
  function picksItems(form) {
    return Array.prototype.some.call(form.querySelectorAll("input[data-till-item]"),
      function (input) { return Number(input.value) > 0; });
  }

  function keep(form) {
    if (spendsSomething(form)) {
      return show(text("needsNetwork"), "bad");
    }
    if (picksItems(form)) {
      return show(text("itemsNeedNetwork"), "bad");
    }
    var amountInput = form.querySelector('input[name="amount"]');
    var idInput = form.querySelector('input[name="externalId"]');
    var amount = amountOf(amountInput && amountInput.value);
    if (!amount || !form.dataset.memberCard || !idInput || !idInput.value) {
      if (amountInput) { amountInput.focus(); }
      return show(text("enterAmount"), "bad");
    }
    var entry = {externalId: idInput.value, card: form.dataset.memberCard, amount: amount,
      currency: form.dataset.currency, storeCode: form.dataset.store || null,
      createdAt: new Date().toISOString(), state: "waiting"};
    return put(entry).then(function () {
      // The next check is another purchase: a new id, an empty total, as after a recorded one.
      idInput.value = newExternalId();
      amountInput.value = "";
      amountInput.focus();
      return show(text("queued"), "ok");
    });
  }

  function isCheck(form) {
    return form && form.id === "till-check";
  }

  // Offline, the check form never reaches htmx: caught on the way down (capture), before its listener.
  document.addEventListener("submit", function (event) {
    if (isCheck(event.target) && !navigator.onLine) {
      event.preventDefault();
      event.stopPropagation();
      keep(event.target);
    }
  }, true);

  // Online by the browser's account, but the request never got an answer: kept the same way.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt;
    var config = event.detail.requestConfig || {};
    var submitted = config.triggeringEvent ? config.triggeringEvent.type === "submit" : true;
    if (isCheck(form) && submitted) {
      keep(form);
    } else if (navigator.onLine) {
      // A look-up or a quote that got no answer: the cashier learns why nothing happened.
      show(text("offline"), "warn");
    }
  });

  // --- sending them when the network is back ---
  function csrfHeaders() {
    var headers = {"Content-Type": "application/json", "Accept": "application/json"};
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { headers[header.content] = token.content; }
    return headers;
  }

  // What to do with a queued purchase after its answer: "done", "failed" (never will succeed) or "later".
  function verdict(response) {
    var problem = (response.headers.get("Content-Type") || "").indexOf("problem+json") >= 0;
    // Signed out, or a page's token out of date (the session changed): the queue waits for a sign-in.
    if (response.type === "opaqueredirect" || response.status === 401 || (response.status === 403 && !problem)) {
      return Promise.resolve("signIn");
    }
    if (response.status === 200 || response.status === 201) { return Promise.resolve("done"); }
    if (response.status === 409) {
      // The same externalId recorded already by the till's own form (its answer was lost): it is done.
      return response.json().then(function (p) { return p.code === "idempotency_conflict" ? "done" : "failed"; },
        function () { return "failed"; });
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      return Promise.resolve("failed");
    }
    return Promise.resolve("later");
  }

  function send(entry) {
    return fetch("/till/offline/purchases", {
      method: "POST", credentials: "same-origin", redirect: "manual", headers: csrfHeaders(),
      body: JSON.stringify({externalId: entry.externalId, card: entry.card, amount: entry.amount,
        createdAt: entry.createdAt, storeCode: entry.storeCode})
    }).then(verdict, function () { return "unreachable"; });
  }

  function sync() {
    if (syncing || !navigator.onLine) { return Promise.resolve(); }
    if (note && note.sentence === text("offline")) { note = null; } // said when a request got no answer
    syncing = true;
    var sent = 0;
    return all().then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state !== "failed"; })
        .sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; });
      if (!waiting.length) { return null; }
      show(text("sending"));
      // One after another, oldest first: the ledger sees them in the order they happened.
      return waiting.reduce(function (previous, entry) {
        return previous.then(function (stop) {
          if (stop) { return stop; }
          return send(entry).then(function (outcome) {
            if (outcome === "done") { sent++; return remove(entry.externalId); }
            if (outcome === "failed") { entry.state = "failed"; return put(entry); }
            return outcome; // "later", "unreachable" or "signIn": the rest waits too
          });
        });
      }, Promise.resolve(undefined));
    }).then(function (stop) {
      if (stop === "signIn") { return show(text("signIn"), "bad"); }
      if (stop === "later") { return show(null); }
      // The browser thinks it is online, but the server is out of reach: said as plainly as offline.
      if (stop === "unreachable") { return show(navigator.onLine ? text("offline") : null, "warn"); }
      return sent ? show(text("sent"), "ok") : render();
    }).catch(function () {
      return render();
    }).finally(function () {
      syncing = false;
    });
  }

  window.addEventListener("online", function () { render(); sync(); });
  window.addEventListener("offline", function () { show(null); });
  // An answered htmx request proves the network is back, whatever the browser thinks.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.xhr && event.detail.xhr.status > 0) { sync(); }
  });
  setInterval(sync, RETRY_MS);

  // Signing out forgets the pages the worker kept; the queue stays, to be sent at the next sign-in.
  document.addEventListener("submit", function (event) {
    var action = event.target.getAttribute("action") || "";
    if (/\/logout$/.test(action) && navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("forget-pages");
    }
  });

  function start() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/till/sw.js", {scope: "/till"}).catch(function () {
        // Without a worker (an old browser, plain http on a network address) the queue still works;
        // only a reload while offline cannot show the page.
      });
    }
    if (!window.indexedDB) { return; }
    render().then(sync);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
