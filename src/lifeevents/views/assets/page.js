(function () {
  "use strict";
  var steps = JSON.parse(document.getElementById("lifeevents-steps").textContent);
  var fields = JSON.parse(document.getElementById("lifeevents-fields").textContent);
  var map = document.getElementById("lifeevents-map");
  var body = document.getElementById("lifeevents-details-body");
  var lang = document.documentElement.lang;
  var STEP = /^step-[0-9]+$/;
  var current = null;

  function stepElement(node) {
    for (; node && node !== map; node = node.parentNode) {
      if (node.id && STEP.test(node.id) && Object.prototype.hasOwnProperty.call(steps, node.id)) {
        return node;
      }
    }
    return null;
  }

  function format(value, kind) {
    if (value === null || value === undefined || value === "") return "";
    if (Array.isArray(value)) return value.join(", ");
    if (kind === "eur") {
      return new Intl.NumberFormat(lang, {style: "currency", currency: "EUR"}).format(value);
    }
    if (kind === "number") return new Intl.NumberFormat(lang).format(value);
    return String(value);
  }

  function show(element) {
    var step = steps[element.id];
    if (current) current.classList.remove("selected");
    current = element;
    element.classList.add("selected");
    var heading = document.createElement("h3");
    heading.textContent = step.name;
    var list = document.createElement("dl");
    fields.forEach(function (field) {
      var text = format(step[field[0]], field[2]);
      if (!text) return;
      var term = document.createElement("dt");
      term.textContent = field[1];
      var detail = document.createElement("dd");
      detail.textContent = field[3] ? text + "\u00a0" + field[3] : text;
      list.append(term, detail);
    });
    body.replaceChildren(heading, list);
  }

  Object.keys(steps).forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) return;
    // SVG groups are not focusable by default; tabindex puts them in the Tab order.
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", steps[id].name);
    element.setAttribute("aria-controls", "lifeevents-details");
  });

  function onStep(event) {
    var element = stepElement(event.target);
    if (element && element !== current) show(element);
  }
  map.addEventListener("mouseover", onStep);
  map.addEventListener("focusin", onStep);
  map.addEventListener("click", onStep);

  // A finding marks the map elements it is about while it is pointed at or focused.
  document.querySelectorAll("[data-elements]").forEach(function (item) {
    var targets = item.getAttribute("data-elements").split(" ").map(function (id) {
      return document.getElementById(id);
    }).filter(Boolean);
    function mark(on) {
      return function () {
        targets.forEach(function (target) { target.classList.toggle("linked", on); });
      };
    }
    item.addEventListener("mouseenter", mark(true));
    item.addEventListener("mouseleave", mark(false));
    item.addEventListener("focus", mark(true));
    item.addEventListener("blur", mark(false));
  });
})();
