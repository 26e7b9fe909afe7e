// The only script of the lifeevents workshop page (lifeevents serve): a choice applies at
// once, the map fits the width or shows at its own size, and the page reloads as soon as
// the server reports that a file in the folder changed. It builds no markup.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var version = document.body.getAttribute("data-version") || "";

  var form = document.getElementById("choice");
  if (form) {
    form.addEventListener("change", function (event) {
      // Another journey starts from its own persona, places and scenarios: only the
      // journey and the view are sent (disabled fields are left out of a form).
      if (event.target.name === "journey") {
        Array.prototype.forEach.call(form.elements, function (element) {
          if (element.name && element.name !== "journey" && element.name !== "view") {
            element.disabled = true;
          }
        });
      }
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    });
  }

  document.querySelectorAll("input.fit").forEach(function (box) {
    box.addEventListener("change", function () {
      var tools = box.closest(".map-tools");
      var figure = tools && tools.nextElementSibling;
      if (figure) figure.classList.toggle("fitted", box.checked);
    });
  });

  var live = document.getElementById("live");
  function say(online) {
    if (!live) return;
    live.textContent = live.getAttribute(online ? "data-online" : "data-offline");
    live.classList.toggle("offline", !online);
  }
  if (window.EventSource && version) {
    var source = new EventSource("/events?since=" + encodeURIComponent(version));
    source.addEventListener("message", function (event) {
      if (event.data && event.data !== version) {
        source.close();
        window.location.reload();
      }
    });
    source.addEventListener("open", function () { say(true); });
    source.addEventListener("error", function () { say(false); });
  }
})();
