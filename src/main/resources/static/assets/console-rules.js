// The program and rules pages answer a refused form with 422 and the form showing its errors: htmx 2
// swaps only 2xx answers by default, so these pages let a 422 swap in too (a 5xx still does not).
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
