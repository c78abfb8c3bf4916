// Dossier's corpus graph, made explorable: pan and zoom (mouse, touch and
// keyboard), labels for the busiest nodes in view that overlap no other
// label, a box that centres and highlights an entity and its neighbours,
// and filters by type and by mentions. Without this script the page keeps
// its static picture, labelled at build time.
(function () {
  "use strict";
  var frame = document.querySelector(".graph-frame");
  var svg = frame && frame.querySelector("svg.corpus");
  var controls = document.getElementById("graph-controls");
  if (!svg || !controls) return;
  var MAX_LABELS = 150;
  var LABEL_PX = 12;   // on-screen size of a label
  var GAP_PX = 3;      // room kept around each label
  var full = svg.viewBox.baseVal;
  var canvas = { x: full.x, y: full.y, w: full.width, h: full.height };
  var view = { x: canvas.x, y: canvas.y, w: canvas.w, h: canvas.h };
  var nodes = [];
  var byName = {};
  var byPoint = {};
  var focused = null;
  var most = parseInt(frame.getAttribute("data-most"), 10) || 1;
  var minCount = 1;
  var kindsOn = {};
  var pending = false;
  var labelRound = 0;

  function key(x, y) { return x + "," + y; }

  // Nodes from the SVG: position, size, count, type, label and links.
  function readNodes() {
    var links = svg.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var circle = a.querySelector("circle");
      var text = a.querySelector("text");
      var kind = /kind-(\w+)/.exec(circle.getAttribute("class")) || [null, "other"];
      var node = {
        a: a, text: text, name: text.textContent, kind: kind[1],
        x: parseFloat(circle.getAttribute("cx")), y: parseFloat(circle.getAttribute("cy")),
        r: parseFloat(circle.getAttribute("r")), count: parseInt(a.getAttribute("data-c"), 10) || 0,
        edges: [], neighbours: [], shown: true, width: 0
      };
      nodes.push(node);
      byName[node.name.toLowerCase()] = node;
      byPoint[key(circle.getAttribute("cx"), circle.getAttribute("cy"))] = node;
    }
    nodes.sort(function (p, q) { return q.count - p.count; });
    var lines = svg.querySelectorAll("line");
    for (var j = 0; j < lines.length; j++) {
      var line = lines[j];
      var from = byPoint[key(line.getAttribute("x1"), line.getAttribute("y1"))];
      var to = byPoint[key(line.getAttribute("x2"), line.getAttribute("y2"))];
      if (!from || !to) continue;
      var edge = { line: line, from: from, to: to };
      from.edges.push(edge); to.edges.push(edge);
      from.neighbours.push(to); to.neighbours.push(from);
    }
  }

  // Every label goes above its node; its on-screen width is measured once
  // (at 10 units, while all labels show) and holds at any zoom.
  function prepareLabels() {
    svg.style.setProperty("--label-size", "10px");
    nodes.forEach(function (n) {
      n.text.setAttribute("x", n.x);
      n.text.setAttribute("y", n.y - n.r);
      n.text.setAttribute("dy", "-0.35em");
      n.text.removeAttribute("text-anchor");
      n.text.removeAttribute("class");
    });
    nodes.forEach(function (n) { n.width = n.text.getComputedTextLength() * LABEL_PX / 10; });
    svg.classList.add("live");
  }

  function scale() { return svg.getBoundingClientRect().width / view.w; }

  // The busiest shown nodes in view get a label where it overlaps none
  // already given; the focused entity and its neighbours come first.
  function relabel() {
    pending = false;
    var s = scale();
    svg.style.setProperty("--label-size", (LABEL_PX / s) + "px");
    var order = focused ? [focused].concat(focused.neighbours, nodes) : nodes;
    var taken = [];
    labelRound += 1;
    order.forEach(function (n) {
      if (n.round === labelRound) return;
      n.round = labelRound;
      var on = n.shown && taken.length < MAX_LABELS && fits(n, s, taken);
      n.text.classList.toggle("on", on);
    });
  }

  function fits(n, s, taken) {
    var cx = (n.x - view.x) * s;
    var top = (n.y - n.r - view.y) * s - 0.35 * LABEL_PX;
    var box = [cx - n.width / 2, top - LABEL_PX * 0.95, cx + n.width / 2, top + LABEL_PX * 0.3];
    var width = view.w * s, height = view.h * s;
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) return false;
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (box[0] < t[2] + GAP_PX && t[0] < box[2] + GAP_PX && box[1] < t[3] + GAP_PX && t[1] < box[3] + GAP_PX) return false;
    }
    taken.push(box);
    return true;
  }

  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    if (!pending) { pending = true; requestAnimationFrame(relabel); }
  }

  // Zooms by `factor` keeping the canvas point (px, py) where it is.
  function zoom(factor, px, py) {
    var w = Math.min(canvas.w, Math.max(canvas.w / 40, view.w / factor));
    var f = view.w / w;
    if (px === undefined) { px = view.x + view.w / 2; py = view.y + view.h / 2; }
    view.x = px - (px - view.x) / f;
    view.y = py - (py - view.y) / f;
    view.w = w;
    view.h = w * canvas.h / canvas.w;
    show();
  }

  function pan(dx, dy) { view.x += dx; view.y += dy; show(); }

  function reset() { view = { x: canvas.x, y: canvas.y, w: canvas.w, h: canvas.h }; show(); }

  function centreOn(n, width) {
    view.w = width; view.h = width * canvas.h / canvas.w;
    view.x = n.x - view.w / 2; view.y = n.y - view.h / 2;
    show();
  }

  // The canvas point under a pointer event.
  function canvasPoint(event) {
    var box = svg.getBoundingClientRect();
    return {
      x: view.x + (event.clientX - box.left) / box.width * view.w,
      y: view.y + (event.clientY - box.top) / box.height * view.h
    };
  }

  function wirePointer() {
    var pointers = {};
    var dragged = false;
    var pinch = 0;
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = canvasPoint(event);
      zoom(Math.pow(1.0015, -event.deltaY), p.x, p.y);
    }, { passive: false });
    svg.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      dragged = false;
      pinch = 0;
    });
    svg.addEventListener("pointermove", function (event) {
      var last = pointers[event.pointerId];
      if (!last) return;
      var ids = Object.keys(pointers);
      var s = scale();
      if (ids.length === 1) {
        var dx = event.clientX - last.x, dy = event.clientY - last.y;
        if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
        if (!dragged) svg.setPointerCapture(event.pointerId);
        dragged = true;
        pan(-dx / s, -dy / s);
      } else if (ids.length === 2) {
        pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.hypot(a.x - b.x, a.y - b.y);
        var middle = canvasPoint({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
        if (pinch) zoom(distance / pinch, middle.x, middle.y);
        pinch = distance;
        dragged = true;
        return;
      }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    });
    function up(event) { delete pointers[event.pointerId]; pinch = 0; }
    svg.addEventListener("pointerup", up);
    svg.addEventListener("pointercancel", up);
    // A drag that ends on a node does not follow its link.
    svg.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);
  }

  function wireKeys() {
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "group");
    frame.setAttribute("aria-label", "Graph: arrow keys pan, + and − zoom, 0 resets");
    frame.addEventListener("keydown", function (event) {
      var step = view.w / 10;
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[event.key]) pan(moves[event.key][0], moves[event.key][1]);
      else if (event.key === "+" || event.key === "=") zoom(1.5);
      else if (event.key === "-" || event.key === "_") zoom(1 / 1.5);
      else if (event.key === "0") reset();
      else return;
      event.preventDefault();
    });
    controls.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "in") zoom(1.5); else if (how === "out") zoom(1 / 1.5); else reset();
      });
    });
  }

  // Highlights `n` and its neighbours, dims the rest, and centres on it.
  function highlight(n) {
    nodes.forEach(function (m) { m.a.classList.remove("hl"); m.edges.forEach(function (e) { e.line.classList.remove("hl"); }); });
    focused = n;
    svg.classList.toggle("focus", !!n);
    var status = document.getElementById("graph-found");
    if (!n) { status.textContent = ""; show(); return; }
    n.a.classList.add("hl");
    n.neighbours.forEach(function (m) { m.a.classList.add("hl"); });
    n.edges.forEach(function (e) { e.line.classList.add("hl"); });
    status.textContent = n.name + ": " + n.neighbours.length + " linked entities highlighted";
    centreOn(n, canvas.w / 3);
  }

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    if (byName[q]) return byName[q];
    for (var i = 0; i < nodes.length; i++) if (nodes[i].name.toLowerCase().indexOf(q) === 0) return nodes[i];
    for (var j = 0; j < nodes.length; j++) if (nodes[j].name.toLowerCase().indexOf(q) >= 0) return nodes[j];
    return null;
  }

  function wireSearch() {
    var input = document.getElementById("graph-find");
    var names = document.getElementById("graph-names");
    nodes.forEach(function (n) {
      var option = document.createElement("option");
      option.value = n.name;
      names.appendChild(option);
    });
    function go() {
      var n = find(input.value);
      highlight(n);
      if (!n && input.value.trim()) document.getElementById("graph-found").textContent = "No entity in the graph matches “" + input.value.trim() + "”";
    }
    controls.addEventListener("submit", function (event) { event.preventDefault(); go(); });
    input.addEventListener("change", go);
  }

  // The slider runs over mentions on a log scale, 1 to the most.
  function sliderCount(value) { return Math.max(1, Math.round(Math.exp(Math.log(most) * value / 100))); }

  function filter() {
    nodes.forEach(function (n) {
      n.shown = kindsOn[n.kind] !== false && n.count >= minCount;
      n.a.classList.toggle("off", !n.shown);
    });
    nodes.forEach(function (n) {
      n.edges.forEach(function (e) { e.line.classList.toggle("off", !e.from.shown || !e.to.shown); });
    });
    show();
  }

  function wireFilters() {
    controls.querySelectorAll("input[name=kind]").forEach(function (box) {
      box.addEventListener("change", function () { kindsOn[box.value] = box.checked; filter(); });
    });
    var slider = document.getElementById("graph-min");
    var value = document.getElementById("graph-min-value");
    slider.addEventListener("input", function () {
      minCount = sliderCount(parseInt(slider.value, 10));
      value.textContent = minCount;
      filter();
    });
  }

  readNodes();
  controls.hidden = false;
  frame.classList.add("live");
  prepareLabels();
  wirePointer();
  wireKeys();
  wireSearch();
  wireFilters();
  window.addEventListener("resize", show);
  show();
})();
