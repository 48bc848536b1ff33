// Small enhancements only; every form works without this file.
(function () {
  "use strict";
  // Comment lists may each include this script (article pages are cached whole); run once.
  if (window.askwellCommunity) { return; }
  window.askwellCommunity = true;
  // Double-click protection: a form is sent once.
  document.querySelectorAll("form[data-once], form[data-comment-form]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  // "Remember me in this browser": kept in localStorage on this device only, never sent anywhere else.
  var KEY = "askwell-commenter";
  document.querySelectorAll("form[data-comment-form]").forEach(function (form) {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    var field = function (name) { return form.querySelector("[name=" + name + "]"); };
    if (saved) {
      ["name", "email"].forEach(function (name) {
        if (field(name) && !field(name).value && saved[name]) { field(name).value = saved[name]; }
      });
      if (field("remember")) { field("remember").checked = true; }
    }
    form.addEventListener("submit", function () {
      // A member's form has no name, email or "remember" (the account supplies them): keep what is saved.
      if (!field("remember")) { return; }
      try {
        if (field("remember").checked) {
          window.localStorage.setItem(KEY, JSON.stringify({ name: field("name").value, email: field("email").value }));
        } else { window.localStorage.removeItem(KEY); }
      } catch (e) { /* storage may be disabled */ }
    });
    // Reply links fill the hidden parent field and move focus to the form.
    var section = form.closest(".comments");
    if (!section) { return; }
    section.querySelectorAll("[data-reply-to]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        // Without this script the link opens a reply page; with it, the form on this page is used.
        event.preventDefault();
        field("parent").value = link.getAttribute("data-reply-to");
        var note = form.querySelector("[data-replying]");
        if (note) { note.hidden = false; note.textContent = "Replying to " + link.getAttribute("data-reply-name"); }
        window.setTimeout(function () { field("comment").focus(); }, 0);
      });
    });
  });
  // The ask form: answered questions like the title, as it is typed (the "Continue" step shows
  // them too, without this script). The addresses come from the page's data attributes.
  document.querySelectorAll("[data-similar-endpoint]").forEach(function (region) {
    var input = document.getElementById(region.getAttribute("data-similar-for"));
    if (!input || !window.fetch) { return; }
    var timer = null;
    var asked = "";
    function show(questions) {
      region.textContent = "";
      if (!questions || !questions.length) { return; }
      var heading = document.createElement("p");
      heading.className = "answer-suggestions-heading";
      heading.textContent = "Questions already answered";
      var list = document.createElement("ul");
      list.className = "similar-questions";
      questions.forEach(function (question) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = question.url;
        link.textContent = question.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      region.appendChild(heading);
      region.appendChild(list);
    }
    function ask() {
      var q = input.value.trim().slice(0, 200);
      if (q === asked) { return; }
      asked = q;
      fetch(region.getAttribute("data-similar-endpoint") + "?q=" + encodeURIComponent(q),
            { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (q === asked) { show(data && data.questions); } })
        .catch(function () { /* offline: the form still works */ });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 300);
    });
  });
})();
