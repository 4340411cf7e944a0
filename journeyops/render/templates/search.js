/* journeyops site search: the index (search-index.js) is loaded by a relative <script src>
   on the first search, so it works from file:// and costs a page nothing until then.
   Results are built with textContent and link attributes only: no user text is HTML. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) { return; }
  var root = box.getAttribute("data-root") || "";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var entries = null;
  var loading = false;
  var LIMIT = 20;
  box.hidden = false;

  /* Each entry: kind, the label shown, what a query is matched against (name and id:
     a step's journey shows in its label but does not make it a hit), the link. */
  function build() {
    var index = window.journeyopsIndex;
    var found = [];
    function add(kind, label, name, id, url) {
      found.push([kind, label, (name + " " + id).toLowerCase(), url]);
    }
    index.j.forEach(function (j) {
      add("Journey", j[1], j[1], j[0], "journeys/" + j[0] + ".html");
    });
    index.s.forEach(function (s) {
      var j = index.j[s[0]];
      add("Step", s[2] + " \u2013 " + j[1], s[2], j[0] + "/" + s[1],
        "journeys/" + j[0] + ".html#step-" + s[1]);
    });
    index.p.forEach(function (p) {
      add("Persona", p[1], p[1], p[0], "personas/" + p[0] + ".html");
    });
    index.i.forEach(function (i) {
      add("Insight", i[1], i[1], i[0], "insights.html#insight-" + i[0]);
    });
    index.o.forEach(function (o) {
      add("Opportunity", o[1], o[1], o[0], "opportunities/" + o[0] + ".html");
    });
    return found;
  }

  function show() {
    var query = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    if (!entries) {
      if (!window.journeyopsIndex) { load(); return; }
      entries = build();
    }
    var hits = entries.filter(function (e) { return e[2].indexOf(query) !== -1; });
    hits.slice(0, LIMIT).forEach(function (e) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e[3];
      link.textContent = e[1];
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = e[0];
      item.appendChild(kind);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link);
      list.appendChild(item);
    });
    var count = hits.length === 1 ? "1 result" : hits.length + " results";
    status.textContent = hits.length > LIMIT ? count + ", the first " + LIMIT + " shown" : count;
  }

  function load() {
    if (loading) { return; }
    loading = true;
    status.textContent = "Loading the index\u2026";
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = show;
    script.onerror = function () { status.textContent = "The search index is missing."; };
    document.head.appendChild(script);
  }

  input.addEventListener("input", show);
  input.addEventListener("focus", function () { if (!window.journeyopsIndex) { load(); } });
}());
