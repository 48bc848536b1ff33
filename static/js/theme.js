/* Dark mode: follows the system setting until the reader chooses; the choice is kept
   in this browser only. Runs in <head> so the page never flashes the wrong theme. */
(function () {
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem("askwell-theme"); } catch (e) { /* storage blocked */ }
  if (stored === "dark" || stored === "light") { root.setAttribute("data-theme", stored); }

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) { return chosen === "dark"; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-theme-toggle]");
    if (!button) { return; }
    button.hidden = false;
    function sync() { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    sync();
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem("askwell-theme", next); } catch (e) { /* storage blocked */ }
      sync();
    });
  });
})();
