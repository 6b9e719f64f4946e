// The few lines of our own. htmx does the rest; every page works without this.
(function () {
  "use strict";
  // An error summary takes focus so keyboard and screen-reader users hear it first.
  function focusErrorSummary(root) {
    var summary = root.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrorSummary(event.detail.target); });
})();
