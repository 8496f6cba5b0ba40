// Every htmx request carries the session's CSRF token, as every form does.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
// On a wide screen the sidebar stays open; on a phone it starts folded.
document.addEventListener("DOMContentLoaded", function () {
  var sidebar = document.querySelector("details.sidebar");
  if (sidebar && window.matchMedia("(max-width: 900px)").matches) {
    sidebar.removeAttribute("open");
  }
});
// htmx 2 swaps only 2xx answers; a refused form answers 422, 409 (or 404) with the form and its errors,
// shown in place. A 5xx is still not swapped.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 422 || status === 409 || status === 404) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
