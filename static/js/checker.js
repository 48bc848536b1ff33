/* The spasm checker's small enhancements; every page works without them.
   - The body map: regions toggle the matching location checkbox (click, Space or Enter),
     and show what the checkboxes say; a polite live region announces the change.
   - The print button, shown only when it can work. */
(function () {
  "use strict";

  function setUpBodyMap(map) {
    var form = map.closest("form") || document;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="locations"]'));
    var regions = Array.prototype.slice.call(map.querySelectorAll("[data-location]"));
    var status = map.querySelector("[data-bodymap-status]");

    function boxFor(location) {
      for (var i = 0; i < boxes.length; i++) {
        if (boxes[i].value === location) { return boxes[i]; }
      }
      return null;
    }

    function labelFor(box) {
      var label = box.id ? form.querySelector('label[for="' + box.id + '"]') : null;
      return label ? label.textContent.trim() : box.value;
    }

    function sync() {
      regions.forEach(function (region) {
        var box = boxFor(region.getAttribute("data-location"));
        var on = Boolean(box && box.checked);
        region.classList.toggle("is-selected", on);
        if (region.getAttribute("role") === "checkbox") {
          region.setAttribute("aria-checked", on ? "true" : "false");
        }
      });
    }

    function toggle(region) {
      var box = boxFor(region.getAttribute("data-location"));
      if (!box) { return; }
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      if (status) {
        status.textContent = labelFor(box) + (box.checked ? ": selected" : ": not selected");
      }
    }

    regions.forEach(function (region) {
      region.addEventListener("click", function () { toggle(region); });
      region.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Enter" || event.key === "Spacebar") {
          event.preventDefault();
          toggle(region);
        }
      });
    });
    boxes.forEach(function (box) { box.addEventListener("change", sync); });
    map.hidden = false;
    sync();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-bodymap]"), setUpBodyMap);

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
