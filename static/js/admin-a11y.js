/* Django's filter_horizontal widget (SelectFilter2.js) builds icon spans with an aria-label
   but no role, which axe reports (aria-prohibited-attr). Give them role="img" once built. */
(function () {
  "use strict";
  function fix() {
    Array.prototype.forEach.call(document.querySelectorAll("span.help-tooltip[aria-label]:not([role])"), function (el) {
      el.setAttribute("role", "img");
    });
  }
  window.addEventListener("load", function () { window.setTimeout(fix, 0); });
})();
