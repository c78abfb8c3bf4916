// Dossier's index tools: find on this index, sort by name or mentions, a type
// filter and a letter bar. An index in pages names a script holding every
// entry (`data-index`, loaded on first use with a <script> element, so it
// works from file://); a one-page index is read from its own list. Without
// this script the tools stay hidden and the plain list is the index.
(function () {
  "use strict";
  var form = document.querySelector("form.index-tools");
  var results = document.getElementById("index-results");
  var list = document.querySelector(".index-list");
  if (!form || !results || !list) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var find = document.getElementById("index-find");
  var sort = document.getElementById("index-sort");
  var kind = document.getElementById("index-kind");
  var status = document.getElementById("index-status");
  var letters = form.querySelector(".letters");
  var LIMIT = 1000;
  var entries = null; // [name, href, kind, count, letter, folded]
  var letter = "";
  var waiting = false;

  // "Ľudmila" → "ludmila": case and accents folded for finding and letters.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function letterOf(folded) {
    var first = folded.charAt(0).toUpperCase();
    return first >= "A" && first <= "Z" ? first : "#";
  }

  function prepare(rows) {
    entries = rows.map(function (r) {
      var folded = fold(r[0]);
      return [r[0], r[1], r[2], r[3], letterOf(folded), folded];
    });
  }

  // Called by the index's data script.
  window.dossierIndex = {
    load: function (rows) {
      prepare(rows.map(function (r) { return [r[0], root + r[1], r[2], r[3]]; }));
      if (waiting) { waiting = false; update(); }
    }
  };

  function fromPage() {
    var items = list.querySelectorAll(".entity-index > li");
    prepare(Array.prototype.map.call(items, function (li) {
      var a = li.querySelector("a");
      var small = li.querySelector("small");
      return [a.textContent, a.getAttribute("href"), "", small ? parseInt(small.textContent, 10) || 0 : 0];
    }));
  }

  function load() {
    var src = form.getAttribute("data-index");
    if (!src) { fromPage(); return true; }
    if (!waiting) {
      waiting = true;
      status.textContent = "Loading the whole index…";
      var script = document.createElement("script");
      script.src = src;
      script.onerror = function () { status.textContent = "The index data (" + src + ") could not be loaded."; };
      document.head.appendChild(script);
    }
    return false;
  }

  function active() {
    return find.value.trim() !== "" || letter !== "" || (kind && kind.value !== "") || sort.value !== "name";
  }

  function matching() {
    var words = fold(find.value).split(/\s+/).filter(Boolean);
    var wanted = kind ? kind.value : "";
    var found = entries.filter(function (e) {
      if (wanted && e[2] !== wanted) return false;
      if (letter && e[4] !== letter) return false;
      return words.every(function (w) { return e[5].indexOf(w) >= 0; });
    });
    var byName = function (a, b) { return a[5] < b[5] ? -1 : a[5] > b[5] ? 1 : 0; };
    found.sort(sort.value === "count" ? function (a, b) { return b[3] - a[3] || byName(a, b); } : byName);
    return found;
  }

  function render(found) {
    results.textContent = "";
    found.slice(0, LIMIT).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e[1];
      a.textContent = e[0];
      var small = document.createElement("small");
      small.textContent = e[3];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(small);
      results.appendChild(li);
    });
    status.textContent = found.length === 0 ? "Nothing on this index matches." :
      found.length > LIMIT ? "Showing the first " + LIMIT + " of " + found.length + " matches; narrow the search to see the rest." :
      found.length + (found.length === 1 ? " match" : " matches");
  }

  function update() {
    var on = active();
    list.hidden = on;
    results.hidden = !on;
    if (!on) { status.textContent = ""; return; }
    if (!entries && !load()) return;
    render(matching());
  }

  function makeLetters() {
    "#ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("").forEach(function (l) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = l;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        letter = letter === l ? "" : l;
        letters.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b.textContent === letter)); });
        update();
      });
      letters.appendChild(button);
    });
  }

  makeLetters();
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  find.addEventListener("input", update);
  sort.addEventListener("change", update);
  if (kind) kind.addEventListener("change", update);
})();
