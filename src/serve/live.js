// Added by `dossier serve` to the pages it serves, never to the files on disk.
(function () {
  "use strict";
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(text) {
    hide();
    overlay = document.createElement("pre");
    overlay.id = "dossier-serve-error";
    overlay.setAttribute("role", "alert");
    overlay.title = "Click to dismiss";
    overlay.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
      "margin:0;max-height:60vh;overflow:auto;padding:1em 1.25em;white-space:pre-wrap;" +
      "background:#fff4f4;color:#5c0000;border-bottom:3px solid #c00;" +
      "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "box-shadow:0 2px 12px rgba(0,0,0,.25);cursor:pointer";
    overlay.textContent = "dossier serve: the last rebuild failed. " +
      "This is the previous site.\n\n" + text;
    overlay.addEventListener("click", hide);
    (document.body || document.documentElement).appendChild(overlay);
  }
  var source = new EventSource("/__dossier/events");
  source.addEventListener("reload", function () { hide(); location.reload(); });
  source.addEventListener("error", function (event) {
    // The connection's own errors share this name but carry no data.
    if (typeof event.data === "string") { show(event.data); }
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
