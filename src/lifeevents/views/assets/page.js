(function () {
  "use strict";
  // The map viewer of lifeevents.views.html. It reads the page's JSON and never builds
  // markup from it (textContent only). Zoom and pan set the SVG's viewBox to the part
  // of the drawing in view; `scale` is CSS pixels per drawing unit.
  var steps = JSON.parse(document.getElementById("lifeevents-steps").textContent);
  var fields = JSON.parse(document.getElementById("lifeevents-fields").textContent);
  var map = document.getElementById("lifeevents-map");
  var svg = map.querySelector("svg");
  var card = document.getElementById("lifeevents-details");
  var body = document.getElementById("lifeevents-details-body");
  var panel = document.getElementById("lifeevents-panel");
  var panelToggle = document.getElementById("lifeevents-panel-toggle");
  var badge = panelToggle.querySelector(".badge");
  var stageFilter = document.getElementById("lifeevents-stage");
  var laneFilter = document.getElementById("lifeevents-lane");
  var search = document.getElementById("lifeevents-search");
  var searchCount = document.getElementById("lifeevents-search-count");
  var lang = document.documentElement.lang;
  var own = Object.prototype.hasOwnProperty;

  // --- The step and edge elements: a blueprint step is <g id="step-N">, a step drawn
  // as a Graphviz table cell is <g id="a_step-N">; an edge is <g id="edge-N-M">.
  var STEP = /^(?:a_)?(step-[0-9]+)$/;
  var EDGE = /^edge-([0-9]+)-([0-9]+)$/;
  var elements = {};
  Object.keys(steps).forEach(function (id) {
    var element = document.getElementById(id) || document.getElementById("a_" + id);
    if (element && map.contains(element)) elements[id] = element;
  });
  var ids = Object.keys(elements);
  var edges = [];
  svg.querySelectorAll("[id^='edge-']").forEach(function (element) {
    var ends = EDGE.exec(element.id);
    if (ends) edges.push({element: element, from: "step-" + ends[1], to: "step-" + ends[2]});
  });

  function stepOf(node) {
    for (; node && node !== map; node = node.parentNode) {
      var found = node.id && STEP.exec(node.id);
      if (found && own.call(elements, found[1])) return found[1];
    }
    return null;
  }

  // --- The view.
  var drawing = svg.viewBox.baseVal;
  var whole = drawing && drawing.width > 0 && drawing.height > 0
    ? {x: drawing.x, y: drawing.y, width: drawing.width, height: drawing.height}
    : null;
  if (!whole) {
    var box = svg.getBBox();
    whole = {x: box.x, y: box.y, width: box.width || 1, height: box.height || 1};
  }
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  var view = {x: whole.x, y: whole.y, scale: 1};
  var fitted = true;
  var shown = {width: 0, height: 0};

  function size() {
    return {width: Math.max(map.clientWidth, 1), height: Math.max(map.clientHeight, 1)};
  }
  function fitScale(box) {
    var area = size();
    return Math.min(area.width / box.width, area.height / box.height);
  }
  function limits() {
    var least = fitScale(whole);
    return {min: least / 2, max: Math.max(8, least * 4)};
  }
  var printing = false;
  function apply() {
    var area = size();
    shown = area;
    // Printed, the whole drawing fills its page whatever the screen showed.
    var box = printing ? whole : {x: view.x, y: view.y, width: area.width / view.scale,
      height: area.height / view.scale};
    svg.setAttribute("viewBox", [box.x, box.y, box.width, box.height].join(" "));
    map.setAttribute("data-scale", view.scale.toFixed(5));
  }
  // Centre `box` (drawing units) at `scale`.
  function centre(box, scale) {
    var area = size();
    view.scale = scale;
    view.x = box.x + box.width / 2 - area.width / 2 / scale;
    view.y = box.y + box.height / 2 - area.height / 2 / scale;
    apply();
  }
  function fit() {
    // A margin of 2 % keeps the outermost strokes off the window's edge.
    centre(whole, fitScale(whole) * 0.98);
    fitted = true;
  }
  function zoomAt(factor, x, y) {
    var bounds = limits();
    var scale = Math.min(bounds.max, Math.max(bounds.min, view.scale * factor));
    view.x += x / view.scale - x / scale;
    view.y += y / view.scale - y / scale;
    view.scale = scale;
    fitted = false;
    apply();
  }
  function zoomCentre(factor) {
    var area = size();
    zoomAt(factor, area.width / 2, area.height / 2);
  }
  function panBy(dx, dy) {
    view.x -= dx / view.scale;
    view.y -= dy / view.scale;
    fitted = false;
    apply();
  }
  // The box of some map elements in drawing units.
  function boxOf(list) {
    var frame = map.getBoundingClientRect();
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    list.forEach(function (element) {
      var rect = element.getBoundingClientRect();
      left = Math.min(left, rect.left);
      top = Math.min(top, rect.top);
      right = Math.max(right, rect.right);
      bottom = Math.max(bottom, rect.bottom);
    });
    if (left === Infinity) return null;
    return {
      x: view.x + (left - frame.left) / view.scale,
      y: view.y + (top - frame.top) / view.scale,
      width: Math.max(right - left, 1) / view.scale,
      height: Math.max(bottom - top, 1) / view.scale,
    };
  }
  // Centre elements; zoom out until they fit, or in up to `least` while they fit.
  function reveal(list, least) {
    var box = boxOf(list);
    if (!box) return;
    var bounds = limits();
    var fits = fitScale(box) * 0.85;
    var scale = Math.min(Math.max(view.scale, least || 0), fits, bounds.max);
    centre(box, Math.max(scale, bounds.min));
    fitted = false;
  }
  function inView(element) {
    var frame = map.getBoundingClientRect();
    var rect = element.getBoundingClientRect();
    return rect.left >= frame.left && rect.top >= frame.top &&
      rect.right <= frame.right && rect.bottom <= frame.bottom;
  }

  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      var area = size();
      if (area.width === shown.width && area.height === shown.height) return;
      if (fitted) {
        fit();
        return;
      }
      // Keep the middle of the view where it was.
      view.x += (shown.width - area.width) / 2 / view.scale;
      view.y += (shown.height - area.height) / 2 / view.scale;
      apply();
    }).observe(map);
  }
  fit();

  function printed(on) {
    return function () {
      printing = on;
      apply();
    };
  }
  window.addEventListener("beforeprint", printed(true));
  window.addEventListener("afterprint", printed(false));

  // --- Mouse, pen and touch: the wheel zooms about the pointer, one pointer drags,
  // two pinch. A press that moves less than a few pixels stays a click.
  var pointers = new Map();
  var start = null;
  var moved = false;
  function local(event) {
    var frame = map.getBoundingClientRect();
    return {x: event.clientX - frame.left, y: event.clientY - frame.top};
  }
  map.addEventListener("wheel", function (event) {
    event.preventDefault();
    var unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size().height : 1;
    var at = local(event);
    zoomAt(Math.exp(-event.deltaY * unit * 0.002), at.x, at.y);
  }, {passive: false});
  map.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    if (pointers.size === 0) {
      moved = false;
      start = {x: event.clientX, y: event.clientY};
    }
    pointers.set(event.pointerId, {x: event.clientX, y: event.clientY});
  });
  map.addEventListener("pointermove", function (event) {
    var last = pointers.get(event.pointerId);
    if (!last) return;
    var now = {x: event.clientX, y: event.clientY};
    if (pointers.size === 1) {
      if (!moved && Math.hypot(now.x - start.x, now.y - start.y) < 5) return;
      if (!moved) {
        moved = true;
        map.setPointerCapture(event.pointerId);
        map.classList.add("dragging");
      }
      panBy(now.x - last.x, now.y - last.y);
    } else if (pointers.size === 2) {
      var other = null;
      pointers.forEach(function (point, id) {
        if (id !== event.pointerId) other = point;
      });
      var before = Math.hypot(last.x - other.x, last.y - other.y);
      var after = Math.hypot(now.x - other.x, now.y - other.y);
      var frame = map.getBoundingClientRect();
      moved = true;
      panBy((now.x - last.x) / 2, (now.y - last.y) / 2);
      if (before > 0 && after > 0) {
        zoomAt(after / before, (now.x + other.x) / 2 - frame.left,
          (now.y + other.y) / 2 - frame.top);
      }
    }
    pointers.set(event.pointerId, now);
  });
  function release(event) {
    pointers.delete(event.pointerId);
    if (pointers.size === 0) map.classList.remove("dragging");
  }
  map.addEventListener("pointerup", release);
  map.addEventListener("pointercancel", release);

  // --- Details of a step, and the findings about it.
  var current = null;
  var findingItems = [];

  function format(value, kind) {
    if (value === null || value === undefined || value === "") return "";
    if (Array.isArray(value)) return value.join(", ");
    if (kind === "eur") {
      return new Intl.NumberFormat(lang, {style: "currency", currency: "EUR"}).format(value);
    }
    if (kind === "number") return new Intl.NumberFormat(lang).format(value);
    return String(value);
  }

  function show(id) {
    var step = steps[id];
    var element = elements[id];
    if (current) elements[current].classList.remove("selected");
    current = id;
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
    // The card goes to the side of the map away from the step.
    var frame = map.getBoundingClientRect();
    var rect = element.getBoundingClientRect();
    card.classList.toggle("right", rect.left + rect.width / 2 < frame.left + frame.width / 2);
    card.hidden = false;
    var related = 0;
    findingItems.forEach(function (item) {
      var on = item.steps.indexOf(id) >= 0;
      item.element.classList.toggle("related", on);
      if (on) related += 1;
    });
    badge.textContent = String(related);
    badge.hidden = related === 0;
  }

  function unmark() {
    document.querySelectorAll(".linked, .active").forEach(function (element) {
      element.classList.remove("linked", "active");
    });
  }

  function clear() {
    if (current) elements[current].classList.remove("selected");
    current = null;
    card.hidden = true;
    unmark();
    findingItems.forEach(function (item) { item.element.classList.remove("related"); });
    badge.hidden = true;
  }

  ids.forEach(function (id) {
    var element = elements[id];
    // SVG groups are not focusable by default; tabindex puts them in the Tab order.
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", steps[id].name);
    element.setAttribute("aria-controls", "lifeevents-details");
  });

  map.addEventListener("mouseover", function (event) {
    var id = stepOf(event.target);
    if (id && id !== current && pointers.size === 0) show(id);
  });
  map.addEventListener("focusin", function (event) {
    var id = stepOf(event.target);
    if (!id) return;
    if (!inView(elements[id])) reveal([elements[id]]);
    if (id !== current) show(id);
  });
  map.addEventListener("click", function (event) {
    if (moved) return; // the end of a drag, not a click
    var id = stepOf(event.target);
    if (id) {
      unmark();
      show(id);
    } else {
      clear();
    }
  });
  map.addEventListener("keydown", function (event) {
    var id = stepOf(event.target);
    if (id && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      unmark();
      show(id);
    }
  });

  // --- The findings, linked both ways: one marks its map elements while pointed at;
  // chosen (click, Enter), it selects its steps and brings them into view.
  function setPanel(open) {
    panel.hidden = !open;
    panelToggle.setAttribute("aria-expanded", String(open));
  }
  panelToggle.addEventListener("click", function () {
    setPanel(panel.hidden);
    if (!panel.hidden) {
      var related = panel.querySelector(".related");
      if (related) related.scrollIntoView({block: "nearest"});
    }
  });
  document.getElementById("lifeevents-panel-close").addEventListener("click", function () {
    setPanel(false);
    panelToggle.focus();
  });

  document.querySelectorAll("[data-elements]").forEach(function (item) {
    var names = item.getAttribute("data-elements").split(" ");
    var stepIds = names.filter(function (name) { return own.call(elements, name); });
    var targets = names.map(function (name) {
      return own.call(elements, name) ? elements[name] : document.getElementById(name);
    }).filter(function (target) { return target && map.contains(target); });
    findingItems.push({element: item, steps: stepIds});
    function mark(on) {
      return function () {
        if (item.classList.contains("active")) return;
        targets.forEach(function (target) { target.classList.toggle("linked", on); });
      };
    }
    function choose() {
      if (stepIds.length) show(stepIds[0]);
      unmark();
      item.classList.add("active");
      targets.forEach(function (target) { target.classList.add("linked"); });
      if (targets.length) reveal(targets);
    }
    item.addEventListener("mouseenter", mark(true));
    item.addEventListener("mouseleave", mark(false));
    item.addEventListener("focus", mark(true));
    item.addEventListener("blur", mark(false));
    item.addEventListener("click", choose);
    item.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose();
      }
    });
  });

  // --- Filters: the steps outside the chosen stage and lane, and edges that touch
  // one, are dimmed; the view fits the steps that stay.
  function filter() {
    var stage = stageFilter.value;
    var lane = laneFilter.value;
    var outside = {};
    var kept = [];
    ids.forEach(function (id) {
      var out = (stage !== "" && steps[id].column !== stage) ||
        (lane !== "" && steps[id].lane !== lane);
      outside[id] = out;
      elements[id].classList.toggle("dimmed", out);
      if (!out) kept.push(elements[id]);
    });
    edges.forEach(function (edge) {
      edge.element.classList.toggle("dimmed", !!(outside[edge.from] || outside[edge.to]));
    });
    // Up to twice the fitted scale: a lone step stays a step on a map, not the screen.
    if (stage === "" && lane === "") fit();
    else if (kept.length) reveal(kept, fitScale(whole) * 2);
  }
  stageFilter.addEventListener("change", filter);
  laneFilter.addEventListener("change", filter);

  // --- Search by step name, ignoring case and accents: every match is marked, Enter
  // (Shift+Enter back) brings the next one to the middle and shows its details.
  var matches = [];
  var at = -1;
  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function count() {
    if (!search.value.trim()) searchCount.textContent = "";
    else if (!matches.length) searchCount.textContent = searchCount.getAttribute("data-none");
    else {
      searchCount.textContent = searchCount.getAttribute("data-of")
        .replace("{current}", String(at + 1)).replace("{total}", String(matches.length));
    }
  }
  function goTo(index) {
    if (at >= 0) elements[matches[at]].classList.remove("current");
    at = index;
    var element = elements[matches[at]];
    element.classList.add("current");
    reveal([element], fitScale(whole) * 2);
    unmark();
    show(matches[at]);
    count();
  }
  search.addEventListener("input", function () {
    var query = plain(search.value.trim());
    if (at >= 0) elements[matches[at]].classList.remove("current");
    matches = query ? ids.filter(function (id) {
      return plain(steps[id].name).indexOf(query) >= 0;
    }) : [];
    at = -1;
    ids.forEach(function (id) {
      elements[id].classList.toggle("match", matches.indexOf(id) >= 0);
    });
    if (matches.length) goTo(0);
    else count();
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      goTo((at + (event.shiftKey ? matches.length - 1 : 1)) % matches.length);
    } else if (event.key === "Escape") {
      search.value = "";
      search.dispatchEvent(new Event("input"));
    }
  });

  // --- Buttons and keys. Keys act unless a field or the panel has the focus.
  document.getElementById("lifeevents-zoom-in").addEventListener("click", function () {
    zoomCentre(1.5);
  });
  document.getElementById("lifeevents-zoom-out").addEventListener("click", function () {
    zoomCentre(1 / 1.5);
  });
  document.getElementById("lifeevents-fit").addEventListener("click", fit);
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target.closest && target.closest("input, select, textarea, .panel")) return;
    var area = size();
    var step = {ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
    if (event.key === "+" || event.key === "=") zoomCentre(1.25);
    else if (event.key === "-" || event.key === "_") zoomCentre(1 / 1.25);
    else if (event.key === "0") fit();
    else if (event.key === "Escape") clear();
    else if (own.call(step, event.key)) {
      panBy(step[event.key][0] * area.width / 8, step[event.key][1] * area.height / 8);
    } else return;
    event.preventDefault();
  });
})();
