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
