// The till's camera: a button [data-scan-target="INPUT-ID"] opens the overlay (templates/till/scan.html),
// the first QR code or barcode it sees goes into that input, and the input's form is submitted as if
// typed (the wallet's QR code holds the card number). The browser's BarcodeDetector where there is
// one; else zxing-js, loaded only then, so a till whose browser has a detector never downloads it.
(function () {
  "use strict";
  var ZXING = "/vendor/zxing/zxing-library-0.23.0.min.js";
  var FORMATS = ["qr_code", "code_128", "ean_13"];
  var EVERY_MS = 150;
  var session = null; // {stream, timer, button, done}

  function overlay() { return document.getElementById("till-scan"); }

  function say(key) {
    var dialog = overlay();
    var message = document.getElementById("till-scan-message");
    if (dialog && message && dialog.dataset[key]) { message.textContent = dialog.dataset[key]; }
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  // A function (video) → Promise of the text found, or null: the native detector, or zxing's.
  function detector() {
    if ("BarcodeDetector" in window) {
      return BarcodeDetector.getSupportedFormats().then(function (supported) {
        var formats = FORMATS.filter(function (f) { return supported.indexOf(f) >= 0; });
        if (!formats.length) { return zxing(); }
        var native = new BarcodeDetector({formats: formats});
        return function (video) {
          return native.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
        };
      });
    }
    return zxing();
  }

  function zxing() {
    var ready = window.ZXing ? Promise.resolve() : loadScript(ZXING);
    return ready.then(function () {
      var Z = window.ZXing;
      var hints = new Map();
      hints.set(Z.DecodeHintType.POSSIBLE_FORMATS,
        [Z.BarcodeFormat.QR_CODE, Z.BarcodeFormat.CODE_128, Z.BarcodeFormat.EAN_13]);
      var reader = new Z.MultiFormatReader();
      reader.setHints(hints);
      var canvas = document.createElement("canvas");
      return function (video) {
        if (!video.videoWidth) { return Promise.resolve(null); }
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext("2d", {willReadFrequently: true}).drawImage(video, 0, 0);
        try {
          var bitmap = new Z.BinaryBitmap(new Z.HybridBinarizer(new Z.HTMLCanvasElementLuminanceSource(canvas)));
          return Promise.resolve(reader.decodeWithState(bitmap).getText());
        } catch (notFound) {
          return Promise.resolve(null); // nothing readable in this frame: the next one is looked at
        }
      };
    });
  }

  function stop() {
    if (!session) { return; }
    var ended = session;
    session = null;
    clearTimeout(ended.timer);
    if (ended.stream) { ended.stream.getTracks().forEach(function (t) { t.stop(); }); }
    var video = document.getElementById("till-scan-video");
    if (video) { video.srcObject = null; }
    var dialog = overlay();
    if (dialog && dialog.open) { dialog.close(); }
    ended.button.focus();
  }

  function found(button, value) {
    var input = document.getElementById(button.dataset.scanTarget);
    stop();
    if (!input) { return; }
    input.value = String(value).trim();
    input.dispatchEvent(new Event("input", {bubbles: true}));
    if (input.form) { input.form.requestSubmit(); }
  }

  function start(button) {
    var dialog = overlay();
    var video = document.getElementById("till-scan-video");
    if (!dialog || !video) { return; }
    var current = {button: button, stream: null, timer: null};
    session = current;
    say("looking");
    dialog.showModal();
    Promise.all([
      navigator.mediaDevices.getUserMedia({video: {facingMode: {ideal: "environment"}}, audio: false}),
      detector()
    ]).then(function (parts) {
      if (session !== current) { parts[0].getTracks().forEach(function (t) { t.stop(); }); return; }
      current.stream = parts[0];
      var detect = parts[1];
      video.srcObject = current.stream;
      return video.play().then(function () {
        (function look() {
          if (session !== current) { return; }
          detect(video).then(function (value) {
            if (session !== current) { return; }
            if (value) { found(button, value); } else { current.timer = setTimeout(look, EVERY_MS); }
          }, function () { current.timer = setTimeout(look, EVERY_MS); });
        })();
      });
    }).catch(function (error) {
      if (session !== current) { return; }
      var name = error && error.name;
      say(name === "NotAllowedError" || name === "SecurityError" ? "denied"
        : name === "NotFoundError" || name === "OverconstrainedError" ? "noCamera" : "unsupported");
    });
  }

  function setUp() {
    var buttons = document.querySelectorAll("[data-scan-target]");
    if (!buttons.length || !overlay() || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
    // The button shows only where there is a camera to open.
    navigator.mediaDevices.enumerateDevices().then(function (devices) {
      var camera = devices.some(function (d) { return d.kind === "videoinput"; });
      buttons.forEach(function (b) { b.hidden = !camera; });
    }, function () { /* no list of devices: the button stays hidden */ });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-scan-target]");
    if (button) {
      event.preventDefault();
      start(button);
    } else if (event.target.closest && event.target.closest("[data-scan-cancel]")) {
      stop();
    }
  });
  // Esc: the dialog's own "cancel" event; the camera is released with it.
  document.addEventListener("cancel", function (event) {
    if (event.target === overlay()) { event.preventDefault(); stop(); }
  }, true);
  // htmx may swap the find form in again: its new button is set up too.
  document.addEventListener("htmx:afterSettle", setUp);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
