// Dossier's search box: loads index shards (search/t-XX.js for terms,
// search/docs-N.js for results) on demand with <script> elements, so it
// works from file:// and a query loads only the shards its words need.
(function () {
  "use strict";
  var DOCS_PER_CHUNK = 250;
  var STOP = { the: 1, of: 1, and: 1, a: 1, an: 1, "in": 1, on: 1, "for": 1, to: 1, at: 1, by: 1, "with": 1, from: 1, is: 1, its: 1 };
  var FOLD = { "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i" };
  var root = document.documentElement.getAttribute("data-root") || "";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  makeCombobox();
  var kindFilter = typeLists();
  // Document id ranges per type ({person: [0, 812], …}), from search/kinds.js,
  // so a type filter applies before any result chunk loads.
  var ranges = null;
  var ENTITY_KINDS = ["person", "country", "place", "organization", "event", "other"];

  function kindAllows(kind, id) {
    if (!kind) return true;
    var kinds = kind === "entity" ? ENTITY_KINDS : [kind];
    return kinds.some(function (k) { var r = ranges && ranges[k]; return r && id >= r[0] && id < r[1]; });
  }

  // The box is a combobox only once this script drives its list, so its
  // ARIA is set here rather than in every page's HTML.
  function makeCombobox() {
    input.setAttribute("autocomplete", "off");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
  }

  // The type filter is made here rather than in every page's HTML.
  function typeLists() {
    var select = document.createElement("select");
    select.id = "search-kind";
    select.setAttribute("aria-label", "Type of result");
    [["", "All"], ["briefing", "Briefings"], ["entity", "Entities"], ["person", "People"],
     ["country", "Countries"], ["place", "Places"], ["organization", "Organisations"],
     ["event", "Events"], ["topic", "Topics"]].forEach(function (option) {
      var element = document.createElement("option");
      element.value = option[0];
      element.textContent = option[1];
      select.appendChild(element);
    });
    input.form.insertBefore(select, list);
    return select;
  }

  var terms = {};   // shard -> {term: [[doc, weight], ...]}
  var docs = {};    // chunk -> [[kind, title, url, detail], ...]
  var pending = {}; // script src -> [callbacks]
  var active = -1;
  var results = [];
  var generation = 0;

  window.dossierSearch = {
    terms: function (shard, map) { terms[shard] = map; done("search/t-" + shard + ".js"); },
    docs: function (chunk, items) { docs[chunk] = items; done("search/docs-" + chunk + ".js"); },
    kinds: function (map) { ranges = map; done("search/kinds.js"); }
  };

  function done(src) {
    var callbacks = pending[src] || [];
    pending[src] = null;
    callbacks.forEach(function (callback) { callback(); });
  }

  function load(src, loaded, callback) {
    if (loaded) { callback(); return; }
    if (pending[src]) { pending[src].push(callback); return; }
    if (pending[src] === null) { callback(); return; } // failed or empty shard
    pending[src] = [callback];
    var script = document.createElement("script");
    script.src = root + src;
    script.onerror = function () { terms[src] = terms[src] || {}; done(src); };
    document.head.appendChild(script);
  }

  function fold(text) {
    var out = "";
    var normalised = text.normalize ? text.normalize("NFD") : text;
    for (var i = 0; i < normalised.length; i++) {
      var c = normalised[i];
      out += FOLD[c] !== undefined ? FOLD[c] : c;
    }
    return out.replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function queryWords(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (w) { return w.length >= 2 && !STOP[w]; });
  }

  // Scores per doc for one word: exact term, or any term it starts (last word).
  function matches(word, prefix) {
    var shard = word.slice(0, 2);
    var map = terms[shard] || {};
    var scores = {};
    Object.keys(map).forEach(function (term) {
      var exact = term === word;
      if (!exact && !(prefix && term.indexOf(word) === 0)) return;
      map[term].forEach(function (posting) {
        var weight = exact ? posting[1] : posting[1] * 0.8;
        scores[posting[0]] = Math.max(scores[posting[0]] || 0, weight);
      });
    });
    return scores;
  }

  function search(text) {
    var words = queryWords(text);
    var mine = ++generation;
    if (!words.length) { render([]); return; }
    var shards = {};
    words.forEach(function (w) { shards[w.slice(0, 2)] = true; });
    var waiting = Object.keys(shards).length + 1;
    var loaded = function () {
      if (--waiting === 0 && mine === generation) rank(words, mine);
    };
    load("search/kinds.js", ranges, loaded);
    Object.keys(shards).forEach(function (shard) {
      load("search/t-" + shard + ".js", terms[shard], loaded);
    });
  }

  function rank(words, mine) {
    var total = null;
    words.forEach(function (word, i) {
      var scores = matches(word, i === words.length - 1);
      if (total === null) { total = scores; return; }
      var next = {};
      Object.keys(total).forEach(function (doc) { if (scores[doc]) next[doc] = total[doc] + scores[doc]; });
      total = next;
    });
    var ranked = Object.keys(total || {}).map(function (doc) { return [parseInt(doc, 10), total[doc]]; });
    ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    var chunks = {};
    // Only the results that can be shown are fetched: a query stays small.
    var kind = kindFilter ? kindFilter.value : "";
    ranked = ranked.filter(function (r) { return kindAllows(kind, r[0]); }).slice(0, 12);
    ranked.forEach(function (r) { chunks[Math.floor(r[0] / DOCS_PER_CHUNK)] = true; });
    var waiting = Object.keys(chunks).length;
    if (!waiting) { render([]); return; }
    Object.keys(chunks).forEach(function (chunk) {
      load("search/docs-" + chunk + ".js", docs[chunk], function () {
        if (--waiting === 0 && mine === generation) render(ranked);
      });
    });
  }

  function docOf(id) {
    var chunk = docs[Math.floor(id / DOCS_PER_CHUNK)];
    return chunk ? chunk[id % DOCS_PER_CHUNK] : null;
  }

  function render(ranked) {
    results = [];
    for (var i = 0; i < ranked.length && results.length < 12; i++) {
      var doc = docOf(ranked[i][0]);
      if (doc) results.push(doc);
    }
    list.textContent = "";
    active = results.length ? 0 : -1;
    results.forEach(function (doc, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-result-" + i;
      var link = document.createElement("a");
      link.href = root + doc[2];
      link.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = doc[1];
      var detail = document.createElement("span");
      detail.className = "result-detail";
      detail.textContent = doc[3];
      link.appendChild(title);
      link.appendChild(detail);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!results.length && input.value.trim()) {
      var empty = document.createElement("li");
      empty.className = "result-empty";
      empty.textContent = "No results";
      list.appendChild(empty);
    }
    list.hidden = !input.value.trim();
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    highlight();
  }

  function highlight() {
    Array.prototype.forEach.call(list.querySelectorAll("[role=option]"), function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    if (active >= 0) input.setAttribute("aria-activedescendant", "search-result-" + active);
    else input.removeAttribute("aria-activedescendant");
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 80);
  });
  if (kindFilter) kindFilter.addEventListener("change", function () { search(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && results.length) { active = (active + 1) % results.length; highlight(); event.preventDefault(); }
    else if (event.key === "ArrowUp" && results.length) { active = (active - 1 + results.length) % results.length; highlight(); event.preventDefault(); }
    else if (event.key === "Escape") { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      var go = function () { if (results[active >= 0 ? active : 0]) window.location.href = root + results[active >= 0 ? active : 0][2]; };
      if (results.length) go();
      else { search(input.value); var wait = setInterval(function () { if (results.length) { clearInterval(wait); go(); } }, 50); setTimeout(function () { clearInterval(wait); }, 3000); }
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".search")) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
  });
})();
