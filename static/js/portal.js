// The few lines of our own. htmx does the rest; every page works without this.
(function () {
  "use strict";
  // An error summary takes focus so keyboard and screen-reader users hear it first.
  function focusErrorSummary(root) {
    var summary = root.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    focusErrorSummary(event.detail.target);
    // A new wizard step: move focus to its question, so it is read out as a new page would be.
    var heading = event.detail.target.querySelector("[data-step-heading]");
    if (heading && !event.detail.target.querySelector("[data-autofocus]")) { heading.focus(); }
  });
})();
