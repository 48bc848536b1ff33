/* "Is this page useful?": one tap sends the answer without leaving the page, then offers an
   optional box for words. Without JavaScript the same forms work as ordinary pages. */
(function () {
  "use strict";

  function post(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  function wordsForm(form, token) {
    var box = document.createElement("form");
    box.className = "useful-words";
    box.method = "post";
    box.action = form.action.replace(/useful\/$/, "useful/words/");
    var id = "useful-words-" + Math.random().toString(36).slice(2);
    box.innerHTML =
      '<label for="' + id + '">Anything to add? (optional)</label>' +
      '<p class="hint" id="' + id + '-hint">What were you looking for, or what was missing? ' +
      "Do not include personal details. We do not reply.</p>" +
      '<textarea id="' + id + '" name="words" rows="3" maxlength="500" aria-describedby="' + id + '-hint"></textarea>' +
      '<input type="hidden" name="token"><button type="submit" class="button button-secondary">Send</button>';
    box.querySelector('input[name="token"]').value = token;
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = form.querySelector("[data-useful-status]");
      post(box.action, new FormData(box)).then(function (result) {
        status.textContent = result.body.detail || "";
        if (result.ok) { box.remove(); }
      }).catch(function () { box.submit(); });
    });
    return box;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-useful]"), function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (form.dataset.plain || !button || !window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var data = new FormData(form);
      data.append(button.name, button.value);
      var status = form.querySelector("[data-useful-status]");
      post(form.action, data).then(function (result) {
        status.textContent = result.body.detail || "";
        if (result.ok) {
          form.querySelector("fieldset").hidden = true;
          form.after(wordsForm(form, result.body.token));
        }
      }).catch(function () { form.dataset.plain = "1"; form.requestSubmit(button); });
    });
  });
})();
