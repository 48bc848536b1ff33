/* Answers and help as the person types (progressive enhancement: without JavaScript the form
 * still goes to the search page, or through the ask form's "Continue" step, which show the same).
 * Hook: <input data-answers-suggest="ID"> plus the region with id=ID (answers/_suggestions.html).
 * data-answers-with="OTHER_ID" on the input adds another field's text (the ask form's details).
 *
 * Order of what shows, as on the search page: help first (a warning sign or a crisis shows
 * whatever the answer's confidence), then "not covered", then the answers. The words and the
 * numbers come from the API's `help` object and the region's data attributes, not from here. */
(function () {
  "use strict";
  var DELAY_MS = 300;
  var MIN_CHARS = 3;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function link(href, text, className) {
    var node = element("a", className, text);
    node.href = href;
    return node;
  }

  function digits(number) { return String(number || "").replace(/[^0-9+]/g, ""); }

  function helpBlock(data, region, query) {
    var help = data.help;
    var triage = data.triage || {};
    if (!help || (triage.level === "self_care" && !help.crisis)) { return null; }
    var box = element("div", "answer-suggestions-triage");
    box.setAttribute("data-level", help.level);
    box.setAttribute("data-colour", help.colour);
    box.appendChild(element("p", "answer-suggestions-headline", help.headline));
    if (help.act_now) { box.appendChild(element("p", "", "Do not wait for an answer here.")); }
    if (help.now && help.now.length) {
      var list = element("ul", "help-lines");
      help.now.forEach(function (line) {
        var item = element("li", "help-line help-" + line.kind);
        item.appendChild(element("span", "help-line-text", line.text));
        if (line.number && line.kind !== "crisis_text") {
          item.appendChild(link("tel:" + digits(line.number), "Call " + line.number, "button help-action"));
        }
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var more = element("p");
    if (help.page) { more.appendChild(link(help.page, "Get help now: every number and what to do")); }
    var searchUrl = region.getAttribute("data-search-url");
    if (searchUrl && !help.act_now) {
      if (help.page) { more.appendChild(document.createTextNode(" · ")); }
      more.appendChild(link(searchUrl + "?q=" + encodeURIComponent(query), "See why and how soon"));
    }
    box.appendChild(more);
    return box;
  }

  function notCoveredBlock(data, region, query) {
    var box = element("div", "answer-suggestions-not-covered");
    box.appendChild(element("p", "answer-suggestions-heading", "Our guides do not cover this subject yet."));
    var askUrl = region.getAttribute("data-ask-url");
    if (askUrl) {
      var offer = element("p", "", "Verified experts can answer it for free: ");
      offer.appendChild(link(askUrl + "?title=" + encodeURIComponent(query.slice(0, 150)), "ask the experts"));
      box.appendChild(offer);
    }
    var advice = region.getAttribute("data-emergency-advice");
    box.appendChild(element("p", "muted", "Get medical advice if you feel worse or are worried. " + (advice || "")));
    return box;
  }

  function answersBlock(data, region) {
    var answers = (data && data.answers) || [];
    if (!data.confident || data.scope === "not_covered" || !answers.length) { return null; }
    var box = element("div");
    box.appendChild(element("p", "answer-suggestions-heading",
      region.getAttribute("data-answers-heading") || "Answers that may help"));
    var list = element("ul");
    answers.slice(0, 3).forEach(function (answer) {
      var item = element("li");
      item.appendChild(link(answer.url, answer.title));
      item.appendChild(element("span", "muted", " " + answer.snippet));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function render(region, data, query) {
    region.textContent = "";
    if (!data) { return; }
    var blocks = [helpBlock(data, region, query)];
    // With a warning sign, what to do now is all that matters here; the search page says the rest.
    var actNow = data.help && data.help.act_now;
    if (data.scope === "not_covered" && !actNow) { blocks.push(notCoveredBlock(data, region, query)); }
    blocks.push(answersBlock(data, region));
    blocks.forEach(function (block) { if (block) { region.appendChild(block); } });
  }

  function attach(input) {
    var region = document.getElementById(input.getAttribute("data-answers-suggest"));
    if (!region || !window.fetch) { return; }
    var endpoint = region.getAttribute("data-answers-endpoint") || "/api/v1/answers";
    var also = input.getAttribute("data-answers-with");
    var other = also ? document.getElementById(also) : null;
    var timer = null;
    var controller = null;

    function ask() {
      var q = (input.value + (other ? " " + other.value : "")).trim().slice(0, 500);
      if (q.length < MIN_CHARS) { region.textContent = ""; return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?limit=3&q=" + encodeURIComponent(q), {
        headers: { "Accept": "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { render(region, data, q); })
        .catch(function () { /* offline or aborted: the form still works */ });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    }

    input.addEventListener("input", later);
    if (other) { other.addEventListener("input", later); }
  }

  function init() {
    var inputs = document.querySelectorAll("[data-answers-suggest]");
    for (var i = 0; i < inputs.length; i++) { attach(inputs[i]); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
