// Warns a signed-in person before the session ends and offers more time (WCAG 2.2.1).
// The server renders the seconds left on <body>; every request moves the expiry
// (SESSION_SAVE_EVERY_REQUEST), so an htmx request or another tab starts the count anew.
// The dialog and its words come from templates/includes/session_timeout.html.
(function () {
  "use strict";
  var body = document.body;
  var template = document.getElementById("session-timeout");
  var age = parseInt(body.dataset.sessionExpiresIn, 10);
  var warnBefore = parseInt(body.dataset.sessionWarnBefore, 10);
  if (!template || isNaN(age) || isNaN(warnBefore) || typeof HTMLDialogElement !== "function") { return; }

  var STORE = "mina-sidor-session-deadline"; // shared by the tabs of this browser
  var deadline = 0;
  var timer = null;
  var dialog = null;
  var state = "active"; // "active", "warning" or "expired"

  function stored() {
    try { return parseInt(window.localStorage.getItem(STORE), 10) || 0; } catch (e) { return 0; }
  }

  function restart(seconds) {
    deadline = Date.now() + seconds * 1000;
    try { window.localStorage.setItem(STORE, String(deadline)); } catch (e) { /* private mode: this tab only */ }
    if (state === "warning" && dialog) { dialog.close(); }
    state = "active";
    tick();
  }

  function tick() {
    window.clearTimeout(timer);
    deadline = Math.max(deadline, stored());
    var left = deadline - Date.now();
    if (left <= 0) {
      if (state !== "expired") { show("expired"); }
      return;
    }
    if (left <= warnBefore * 1000) {
      if (state === "active") { show("warning"); }
      timer = window.setTimeout(tick, left);
    } else {
      if (state === "warning" && dialog) { dialog.close(); state = "active"; }
      timer = window.setTimeout(tick, left - warnBefore * 1000);
    }
  }

  function build() {
    dialog = template.content.firstElementChild.cloneNode(true);
    document.body.appendChild(dialog);
    dialog.querySelector("[data-session-extend]").addEventListener("submit", extend);
  }

  function show(next) {
    if (!dialog) { build(); }
    state = next;
    var warning = dialog.querySelector("[data-session-warning]");
    var expired = dialog.querySelector("[data-session-expired]");
    warning.hidden = next !== "warning";
    expired.hidden = next !== "expired";
    var prefix = next === "warning" ? "session-warning" : "session-expired";
    dialog.setAttribute("aria-labelledby", prefix + "-title");
    dialog.setAttribute("aria-describedby", prefix + "-text");
    if (next === "warning") {
      var text = dialog.querySelector("#session-warning-text");
      var at = new Date(deadline).toLocaleTimeString(document.documentElement.lang || undefined, {
        hour: "2-digit", minute: "2-digit"
      });
      text.textContent = text.dataset.text.replace("{time}", at);
    }
    if (dialog.open) { dialog.close(); }
    dialog.showModal();
    // showModal focuses the first button; the expired state starts at its heading instead.
    if (next === "expired") { dialog.querySelector("#session-expired-title").focus(); }
  }

  function extend(event) {
    event.preventDefault();
    var form = event.currentTarget;
    window.fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      redirect: "manual" // a redirect to the login page means the session has already ended
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (data) { restart(data.expires_in); });
      }
      if (response.type === "opaqueredirect") { expire(); }
      // Any other answer is a passing fault: the warning stays, to be tried again.
    }).catch(function () { /* offline: the warning stays, to be tried again */ });
  }

  function expire() {
    window.clearTimeout(timer);
    deadline = 0;
    try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    show("expired");
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    // A page polling by itself (X-Poll) does not move the session's end on the server either.
    var headers = (event.detail.requestConfig && event.detail.requestConfig.headers) || {};
    if (event.detail.successful && !headers["X-Poll"] && state !== "expired") { restart(age); }
  });
  window.addEventListener("storage", function (event) {
    if (event.key === STORE && state !== "expired") { tick(); }
  });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && state !== "expired") { tick(); }
  });
  restart(age);
})();
