/* Answers suggested as the person types (progressive enhancement; the page works without it).
 * Hook: <input data-answers-suggest="ID"> plus an element with id=ID (answers/_suggestions.html). */
(function () {
  "use strict";
  var DELAY_MS = 300;
  var MIN_CHARS = 3;

  function render(region, data) {
    region.textContent = "";
    var answers = (data && data.answers) || [];
    if (!data || !data.confident || !answers.length) { return; }
    var heading = document.createElement("p");
    heading.className = "answer-suggestions-heading";
    heading.textContent = region.getAttribute("data-answers-heading") || "Answers that may help";
    region.appendChild(heading);
    var list = document.createElement("ul");
    answers.slice(0, 3).forEach(function (answer) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = answer.url;
      link.textContent = answer.title;
      item.appendChild(link);
      var snippet = document.createElement("span");
      snippet.className = "muted";
      snippet.textContent = " " + answer.snippet;
      item.appendChild(snippet);
      list.appendChild(item);
    });
    region.appendChild(list);
    if (data.triage && data.triage.level && data.triage.level !== "self_care") {
      var warning = document.createElement("p");
      warning.className = "answer-suggestions-triage triage-" + data.triage.level;
      warning.textContent = "What you describe may need a doctor: search to see why and how soon.";
      region.appendChild(warning);
    }
  }

  function attach(input) {
    var region = document.getElementById(input.getAttribute("data-answers-suggest"));
    if (!region || !window.fetch) { return; }
    var timer = null;
    var controller = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var q = input.value.trim().slice(0, 500);
        if (q.length < MIN_CHARS) { region.textContent = ""; return; }
        if (controller) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        fetch("/api/v1/answers?limit=3&q=" + encodeURIComponent(q), {
          headers: { "Accept": "application/json" },
          signal: controller ? controller.signal : undefined
        })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) { render(region, data); })
          .catch(function () { /* offline or aborted: the form still works */ });
      }, DELAY_MS);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("[data-answers-suggest]");
    for (var i = 0; i < inputs.length; i++) { attach(inputs[i]); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
