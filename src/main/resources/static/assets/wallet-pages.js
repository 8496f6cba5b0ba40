// The wallet's pages without htmx: a few lines keep the card page light on a slow phone.
(function () {
  'use strict';
  // A form that changes points is sent once: a second tap waits for the first answer.
  // (The server is idempotent too, by the key in the form; this only spares the wait.)
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    });
  });

  // The confirmation code changes every 30 s: ask for the fragment again, on time with the clock.
  var code = document.getElementById('confirmation-code');
  if (code && code.dataset.src) {
    var refresh = function () {
      fetch(code.dataset.src, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html) {
            var box = document.createElement('div');
            box.innerHTML = html;
            var fresh = box.querySelector('#confirmation-code');
            if (fresh) { code.replaceWith(fresh); code = fresh; }
          }
        })
        .catch(function () { /* offline: the old code stays until the next turn */ })
        .finally(function () { setTimeout(refresh, 30000 - Date.now() % 30000 + 200); });
    };
    setTimeout(refresh, 30000 - Date.now() % 30000 + 200);
  }

  // Sharing the referral link: the phone's own share sheet, else the clipboard.
  var share = document.getElementById('share');
  if (share) {
    var done = document.getElementById('share-done');
    share.addEventListener('click', function () {
      var url = share.dataset.url;
      if (navigator.share) {
        navigator.share({ title: document.title, text: share.dataset.text, url: url }).catch(function () {});
        return;
      }
      var shown = function () { done.textContent = share.dataset.copied; done.hidden = false; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(shown);
      } else {
        var box = document.getElementById('ref-link');
        box.select();
        document.execCommand('copy');
        shown();
      }
    });
  }
})();
