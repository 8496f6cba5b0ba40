// htmx 2 swaps only 2xx answers; a refused form answers 422 with the form and its errors, to be shown in place.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status === 422 || event.detail.xhr.status === 404) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
