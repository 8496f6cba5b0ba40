// The check's frequent items (templates/till/member.html): − and + step the quantity of their field
// (aria-controls) between 0 and 99 and say so with an input event, which the quote listens to (htmx,
// "input from:#till-check"). Without this script the number fields still take a count by keyboard.
(function () {
  "use strict";
  var MAX = 99;

  function count(input) {
    var n = parseInt(input.value, 10);
    return isNaN(n) ? 0 : n;
  }

  function mark(input) {
    var item = input.closest(".till-item");
    if (item) { item.classList.toggle("is-picked", count(input) > 0); }
  }

  // One listener for the page: the check form is swapped by htmx, its buttons with it.
  document.addEventListener("click", function (event) {
    var step = event.target.closest("[data-till-step]");
    if (!step) { return; }
    var input = document.getElementById(step.getAttribute("aria-controls"));
    if (!input) { return; }
    input.value = String(Math.min(MAX, Math.max(0, count(input) + Number(step.dataset.tillStep))));
    mark(input);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input[data-till-item]")) { mark(event.target); }
  });
})();
