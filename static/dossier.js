// Dossier's page script: link previews on hover and keyboard focus. Preview
// cards are embedded in each page (no fetch), so this works from file:// too.
(function () {
  "use strict";
  var data = {};
  try {
    var holder = document.getElementById("dossier-previews");
    if (holder) data = JSON.parse(holder.textContent || "{}");
  } catch (e) { data = {}; }

  var card = null;
  var showTimer = null;

  function hide() {
    clearTimeout(showTimer);
    if (card) { card.remove(); card = null; }
  }

  function show(link) {
    var preview = data[link.getAttribute("data-preview")];
    if (!preview) return;
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
    return target && target.closest ? target.closest("a[data-preview]") : null;
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
