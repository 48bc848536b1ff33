/* Fills in what Swagger UI (django-ninja's copy) leaves out for assistive technology, as it
   renders: a name for its icon-only "copy" buttons (axe button-name), a label for the request
   body box (axe label), and a keyboard stop on the example and response boxes that scroll
   sideways, so they can be scrolled without a mouse (axe scrollable-region-focusable).
   Swagger UI is a React app that adds and replaces these elements whenever a section is opened
   or a request is sent, so the fixes are applied again on every change of the page, and only
   where missing (setting an attribute that is already there would trigger the observer again).
   Loaded before swagger-ui-bundle.js by templates/ninja/swagger.html; a file, not an inline
   script, because the site's Content-Security-Policy refuses inline scripts. */
(function () {
  "use strict";
  var FIXES = [
    [".copy-to-clipboard > button:not([aria-label])", "aria-label", "Copy to clipboard"],
    ["textarea.body-param__text:not([aria-label])", "aria-label", "Request body (JSON)"],
    ["pre.microlight:not([tabindex])", "tabindex", "0"]
  ];

  function fix(root) {
    FIXES.forEach(function (fixItem) {
      Array.prototype.forEach.call(root.querySelectorAll(fixItem[0]), function (element) {
        element.setAttribute(fixItem[1], fixItem[2]);
      });
    });
  }

  function start() {
    var root = document.getElementById("swagger-ui");
    if (!root) {
      return;
    }
    fix(root);
    new MutationObserver(function () { fix(root); }).observe(root, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
