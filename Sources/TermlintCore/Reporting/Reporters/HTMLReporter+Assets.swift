import TermlintGlossary
import TermlintText

extension HTMLReporter {
  /// The page's inline stylesheet (light and dark schemes).
  static let stylesheet = """
    :root { --bg: #fff; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --panel: #f6f8fa;
      --err: #cf222e; --err-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5; --info: #0969da; --info-bg: #ddf4ff; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --fg: #e6edf3; --muted: #8d96a0; --line: #30363d; --panel: #161b22;
        --err: #ff7b72; --err-bg: #4b1d1d; --warn: #d29922; --warn-bg: #3d2e00; --info: #58a6ff; --info-bg: #0c2d6b; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 1.5rem 2rem 4rem; background: var(--bg); color: var(--fg);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"; }
    header { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; padding-bottom: 1rem; position: relative; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
    .summary { margin: 0 0 .75rem; color: var(--muted); max-width: 60rem; }
    .score { position: absolute; top: 0; right: 0; margin: 0; text-align: center; color: var(--muted); font-size: .8rem; }
    .score span { display: block; font-size: 2rem; font-weight: 700; color: var(--fg); line-height: 1.1; }
    .filters { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 .75rem; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .75rem .5rem; margin: 0; }
    legend { color: var(--muted); font-size: .8rem; padding: 0 .25rem; }
    fieldset label { margin-right: .9rem; white-space: nowrap; cursor: pointer; }
    .n { color: var(--muted); font-size: .85em; }
    label.s-error { color: var(--err); } label.s-warning { color: var(--warn); } label.s-info { color: var(--info); }
    nav ol { margin: .25rem 0 0; padding-left: 1.5rem; columns: 2 24rem; }
    nav a { color: var(--info); }
    section.file { margin: 0 0 1.5rem; }
    summary { cursor: pointer; padding: .4rem .25rem; border-bottom: 1px solid var(--line); }
    summary h2 { display: inline; font-size: 1.1rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .facts { color: var(--muted); font-size: .9rem; margin-left: .5rem; }
    .text { margin: .75rem 0; font: 16px/1.65 Georgia, "Noto Serif", "Times New Roman", serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"; max-width: 62rem; }
    .l { display: flex; }
    .l .n { flex: 0 0 3.2rem; text-align: right; padding-right: .9rem; user-select: none;
      font: 12px/2.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .l .c { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.65em; unicode-bidi: plaintext; }
    table.pair { border-collapse: collapse; margin: .75rem 0; width: 100%; max-width: 80rem;
      font: 16px/1.55 Georgia, "Noto Serif", "Times New Roman", serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"; }
    table.pair th, table.pair td { border: 1px solid var(--line); padding: .4rem .6rem; vertical-align: top; text-align: start; }
    table.pair thead th { background: var(--panel); font: 600 .85rem system-ui, sans-serif; }
    table.pair tbody th { font: .8rem ui-monospace, monospace; color: var(--muted); width: 4rem; }
    table.pair td { width: 48%; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
    td.empty { color: var(--muted); }
    mark.hl { color: inherit; border-radius: 2px; cursor: pointer; padding: 1px 0; }
    mark.s-error { background: var(--err-bg); box-shadow: inset 0 -2px var(--err); }
    mark.s-warning { background: var(--warn-bg); box-shadow: inset 0 -2px var(--warn); }
    mark.s-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
    mark.hl:focus, mark.hl.flash { outline: 2px solid var(--fg); outline-offset: 1px; }
    mark.caret { display: inline-block; width: 3px; height: 1.1em; vertical-align: -.15em; padding: 0; margin: 0 1px; box-shadow: none; }
    mark.caret.s-error { background: var(--err); } mark.caret.s-warning { background: var(--warn); } mark.caret.s-info { background: var(--info); }
    mark.hl.off { background: none; box-shadow: none; cursor: auto; }
    mark.caret.off { width: 0; margin: 0; }
    .inv { font: 10px/1 ui-monospace, monospace; border: 1px solid var(--muted); color: var(--muted);
      border-radius: 3px; padding: 0 2px; margin: 0 1px; vertical-align: 2px; }
    .ph { font: 11px/1 ui-monospace, monospace; background: var(--panel); border: 1px solid var(--line);
      border-radius: 3px; padding: 1px 3px; color: var(--muted); }
    ol.findings { list-style: none; padding: 0; margin: .75rem 0 0; max-width: 62rem; }
    li.finding { padding: .35rem .6rem; border-left: 3px solid var(--line); margin-bottom: .3rem; background: var(--panel); }
    li.s-error { border-left-color: var(--err); } li.s-warning { border-left-color: var(--warn); } li.s-info { border-left-color: var(--info); }
    .loc { font: .85rem ui-monospace, monospace; color: var(--muted); text-decoration: none; margin-right: .3rem; }
    .sev { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; margin-right: .3rem; }
    .s-error .sev { color: var(--err); } .s-warning .sev { color: var(--warn); } .s-info .sev { color: var(--info); }
    .rule { font: .8rem ui-monospace, monospace; color: var(--muted); margin-left: .3rem; white-space: nowrap; }
    .sug { margin-top: .15rem; font-size: .9rem; }
    .sug ins { text-decoration: none; background: #dafbe1; color: #116329; padding: 0 .2rem; border-radius: 3px; }
    #pop { position: absolute; z-index: 10; max-width: 34rem; background: var(--bg); border: 1px solid var(--line);
      border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: .4rem; }
    #pop li.finding { list-style: none; margin: 0 0 .3rem; }
    #pop li.finding:last-child { margin-bottom: 0; }
    .none { color: var(--muted); }
    [hidden] { display: none !important; }
    dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .9rem; margin: 0 0 .75rem; font-size: .9rem; }
    dl.provenance dt { color: var(--muted); }
    dl.provenance dd { margin: 0; }
    dl.provenance ul { margin: 0; padding-left: 1.1rem; }
    code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    select { font: inherit; max-width: 24rem; margin-right: .9rem; }
    #all-findings { margin: 0 0 1.5rem; }
    #all-findings button { font: inherit; font-size: .85rem; padding: .15rem .6rem; cursor: pointer; }
    table.findings-table { border-collapse: collapse; width: 100%; max-width: 80rem; font-size: .9rem; }
    table.findings-table th, table.findings-table td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: start; vertical-align: top; }
    table.findings-table thead th { background: var(--panel); font-weight: 600; }
    table.findings-table td.path { font: .8rem ui-monospace, monospace; overflow-wrap: anywhere; }
    table.findings-table td.rule { white-space: nowrap; }
    table.findings-table tr.s-error td.sev { color: var(--err); } table.findings-table tr.s-warning td.sev { color: var(--warn); }
    table.findings-table tr.s-info td.sev { color: var(--info); }

    """

  /// The page's inline script: filters, popups, jumping from the list to the text.
  static let script = """
    (function () {
      "use strict";
      var form = document.getElementById("filters");
      var pop = document.getElementById("pop");
      var pinned = null;
      var rank = { info: 0, warning: 1, error: 2 };
      var visible = {};
      document.querySelectorAll("mark.hl[title]").forEach(function (m) { m.removeAttribute("title"); });

      function checked(name) {
        var on = {};
        form.querySelectorAll("input[name=" + name + "]").forEach(function (i) { on[i.value] = i.checked; });
        return on;
      }
      function shown(mark) {
        return mark.dataset.f.split(" ").filter(function (id) { return visible[id]; });
      }
      function apply() {
        var sev = checked("sev"), rule = checked("rule");
        var select = form.querySelector("select[name=file]"), file = select ? select.value : "";
        var problems = form.querySelector("input[name=problems]"), onlyProblems = problems ? problems.checked : false;
        function passes(s, r, f) { return sev[s] !== false && rule[r] !== false && (!file || f === file); }
        var rows = document.querySelectorAll("table.findings-table tbody tr"), count = 0;
        rows.forEach(function (tr) {
          var on = passes(tr.dataset.sev, tr.dataset.rule, tr.dataset.file);
          tr.hidden = !on;
          if (on) { count += 1; }
        });
        var counter = document.getElementById("shown");
        if (counter) { counter.textContent = count + " of " + rows.length + " findings shown"; }
        document.querySelectorAll("li.finding[id]").forEach(function (li) {
          var section = li.closest("section.file");
          var on = passes(li.dataset.sev, li.dataset.rule, section ? section.id : "");
          visible[li.id] = on;
          li.hidden = !on;
        });
        document.querySelectorAll("section.file").forEach(function (s) {
          s.hidden = (file !== "" && s.id !== file) || (onlyProblems && s.dataset.problems === "0");
        });
        document.querySelectorAll("nav li[data-file]").forEach(function (li) {
          li.hidden = (file !== "" && li.dataset.file !== file) || (onlyProblems && li.dataset.problems === "0");
        });
        document.querySelectorAll("mark.hl").forEach(function (m) {
          var ids = shown(m), worst = null;
          ids.forEach(function (id) {
            var s = document.getElementById(id).dataset.sev;
            if (worst === null || rank[s] > rank[worst]) { worst = s; }
          });
          m.className = "hl" + (m.classList.contains("caret") ? " caret" : "") + (worst ? " s-" + worst : " off");
          m.tabIndex = worst ? 0 : -1;
        });
        if (pinned && !shown(pinned).length) { hide(); }
      }
      function show(mark) {
        var ids = shown(mark);
        if (!ids.length) { return; }
        pop.textContent = "";
        var list = document.createElement("ol");
        list.className = "findings";
        ids.forEach(function (id) {
          var copy = document.getElementById(id).cloneNode(true);
          copy.removeAttribute("id");
          copy.hidden = false;
          list.appendChild(copy);
        });
        pop.appendChild(list);
        pop.hidden = false;
        var r = mark.getBoundingClientRect();
        var left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8);
        pop.style.left = Math.max(8, left) + "px";
        pop.style.top = (r.bottom + window.scrollY + 6) + "px";
      }
      function hide() { pinned = null; pop.hidden = true; }

      function csvField(value) {
        var v = String(value);
        // A spreadsheet would run a cell that starts like a formula; quote it as text.
        if (/^[=+@\\t\\r]/.test(v)) { v = "'" + v; }
        return /[",\\r\\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
      }
      function csv() {
        var lines = [["file", "line", "column", "end_line", "end_column", "severity", "rule", "category", "unit", "message", "suggestion"]];
        document.querySelectorAll("table.findings-table tbody tr").forEach(function (tr) {
          if (tr.hidden) { return; }
          var d = tr.dataset;
          lines.push([d.path, d.line, d.column, d.endLine, d.endColumn, d.sev, d.rule, d.category, d.unit,
            tr.querySelector("td.msg").textContent, tr.querySelector("td.sug").textContent]);
        });
        return lines.map(function (l) { return l.map(csvField).join(","); }).join("\\r\\n") + "\\r\\n";
      }
      var exportButton = document.getElementById("export-csv");
      if (exportButton) {
        exportButton.addEventListener("click", function () {
          var url = URL.createObjectURL(new Blob(["\\ufeff" + csv()], { type: "text/csv;charset=utf-8" }));
          var a = document.createElement("a");
          a.href = url;
          a.download = "termlint-findings.csv";
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        });
      }
      form.addEventListener("change", apply);
      document.addEventListener("mouseover", function (e) {
        var m = e.target.closest && e.target.closest("mark.hl");
        if (m && !pinned) { show(m); }
      });
      document.addEventListener("mouseout", function (e) {
        var m = e.target.closest && e.target.closest("mark.hl");
        if (m && !pinned) { pop.hidden = true; }
      });
      document.addEventListener("focusin", function (e) {
        if (e.target.matches && e.target.matches("mark.hl")) { pinned = e.target; show(e.target); }
      });
      document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
      document.addEventListener("click", function (e) {
        var m = e.target.closest && e.target.closest("mark.hl");
        if (m) { pinned = m; show(m); return; }
        var a = e.target.closest && e.target.closest("a.loc");
        if (a) {
          var id = a.getAttribute("href").slice(1);
          var target = document.querySelector('mark.hl[data-f~="' + id + '"]');
          if (target) {
            e.preventDefault();
            var details = target.closest("details");
            if (details) { details.open = true; }
            target.scrollIntoView({ block: "center" });
            target.classList.add("flash");
            setTimeout(function () { target.classList.remove("flash"); }, 1200);
            pinned = target;
            show(target);
          }
          return;
        }
        if (!pop.contains(e.target)) { hide(); }
      });
      apply();
    })();

    """
}
