/* The portfolio's sort and filters. A heading's button sorts by its column (again: the
   other way); aria-sort says the order. Unscored rows stay last in either direction. */
(function () {
  "use strict";
  var table = document.getElementById("portfolio");
  var form = document.getElementById("filters");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var shown = document.getElementById("filter-status-text");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  form.hidden = false;

  function key(row, column, type) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (type === "number") { return raw === "" ? null : Number(raw); }
    return raw.trim().toLowerCase();
  }

  function sort(column, type, ascending) {
    var keyed = rows.map(function (row, n) { return [key(row, column, type), n, row]; });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) {
        return a[0] === b[0] ? a[1] - b[1] : (a[0] === null ? 1 : -1);
      }
      var order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
      return ascending ? order : -order;
    });
    keyed.forEach(function (k) { body.appendChild(k[2]); });
    headers.forEach(function (th, n) {
      if (n === column) {
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  headers.forEach(function (th, column) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var type = button.getAttribute("data-type");
      var current = th.getAttribute("aria-sort");
      var ascending = current ? current === "descending" : type !== "number" || column === 0;
      sort(column, type, ascending);
    });
  });

  function filter() {
    var count = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (select) {
        var wanted = select.value;
        var field = select.getAttribute("data-filter");
        if (!wanted) { return true; }
        var have = row.getAttribute("data-" + field);
        return field === "status" ? have === wanted : have.indexOf(" " + wanted + " ") !== -1;
      });
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " shown";
  }

  selects.forEach(function (select) { select.addEventListener("change", filter); });
}());
