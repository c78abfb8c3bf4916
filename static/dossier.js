// Dossier's page script: link previews on hover and keyboard focus.
// Preview cards live in small script shards (previews/N.js) that are loaded
// on demand with a <script> element, so previews work from file:// too.
(function () {
  "use strict";
  var html = document.documentElement;
  var root = html.getAttribute("data-root") || "";
  var shardCount = parseInt(html.getAttribute("data-preview-shards") || "1", 10) || 1;
  var cards = {};
  var loading = {};
  var waiting = null;
  var card = null;
  var showTimer = null;
  // Links to an entity or briefing page carry their preview key in the
  // path: `entities/slug.html` → `e:slug`, `briefings/slug.html` → `b:slug`,
  // also when they point at a paragraph (`briefings/slug.html#p3`).
  var PREVIEW_HREF = /(?:^|\/)(entities|briefings)\/([a-z0-9-]+)\.html(?:#[^#]*)?$/;

  function keyOf(link) {
    var match = PREVIEW_HREF.exec(link.getAttribute("href") || "");
    if (!match || match[2] === "index") return null;
    return (match[1] === "entities" ? "e:" : "b:") + match[2];
  }

  // Called by each shard file.
  window.dossierPreviews = {
    add: function (more) {
      for (var key in more) {
        if (Object.prototype.hasOwnProperty.call(more, key)) cards[key] = more[key];
      }
      if (waiting && cards[keyOf(waiting)]) show(waiting);
    }
  };

  // FNV-1a over the key's bytes; keys are ASCII (`e:slug`, `b:slug`).
  function shardOf(key) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % shardCount;
  }

  function load(key) {
    var shard = shardOf(key);
    if (loading[shard]) return;
    loading[shard] = true;
    var script = document.createElement("script");
    script.src = root + "previews/" + shard + ".js";
    document.head.appendChild(script);
  }

  function hide() {
    clearTimeout(showTimer);
    waiting = null;
    if (card) { card.remove(); card = null; }
  }

  function show(link) {
    var key = keyOf(link);
    var preview = cards[key];
    if (!preview) { waiting = link; load(key); return; }
    hide();
    card = document.createElement("div");
    card.className = "preview-card";
    card.setAttribute("role", "tooltip");
    card.id = "dossier-preview-card";
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = preview.kind;
    var title = document.createElement("strong");
    title.textContent = preview.title;
    var text = document.createElement("p");
    text.textContent = preview.text;
    card.appendChild(kind);
    card.appendChild(title);
    card.appendChild(text);
    document.body.appendChild(card);
    var box = link.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(8, left) + "px";
    card.style.top = (window.scrollY + box.bottom + 6) + "px";
    link.setAttribute("aria-describedby", card.id);
  }

  function previewLink(target) {
    var link = target && target.closest ? target.closest("a[href]") : null;
    return link && keyOf(link) ? link : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = previewLink(event.target);
    if (!link) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link); }, 250);
  });
  document.addEventListener("mouseout", function (event) {
    var link = previewLink(event.target);
    if (link) { link.removeAttribute("aria-describedby"); hide(); }
  });
  document.addEventListener("focusin", function (event) {
    var link = previewLink(event.target);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    var link = previewLink(event.target);
    if (link) { link.removeAttribute("aria-describedby"); hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
