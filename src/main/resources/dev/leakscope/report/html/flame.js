// leakscope flame graph: reads the report's embedded JSON, draws frames as positioned elements, and
// never interprets profile strings as markup (textContent only).
(function () {
  "use strict";
  var el = document.getElementById("leakscope-data");
  if (!el) { return; }
  var D = JSON.parse(el.textContent);
  var N = D.p.length, diff = D.mode === "diff", H = 18;
  var base = D.b || null, cur = D.c, par = D.p, nm = D.n, fl = D.f;
  var kids = [], depth = new Int32Array(N), x = new Float64Array(N), self = new Float64Array(N), bself = new Float64Array(N);
  var i, j;
  for (i = 0; i < N; i++) { kids.push([]); }
  for (i = 1; i < N; i++) { kids[par[i]].push(i); depth[i] = depth[par[i]] + 1; }
  for (i = 0; i < N; i++) {
    var k = kids[i];
    k.sort(function (a, b) { return (fl[a] & 4) - (fl[b] & 4) || (D.names[nm[a]] < D.names[nm[b]] ? -1 : D.names[nm[a]] > D.names[nm[b]] ? 1 : 0); });
    self[i] = cur[i]; if (base) { bself[i] = base[i]; }
    var off = x[i];
    for (j = 0; j < k.length; j++) {
      x[k[j]] = off; off += cur[k[j]];
      self[i] -= cur[k[j]]; if (base) { bself[i] -= base[k[j]]; }
    }
  }
  var unit = D.unit, to = D.to;
  function fmt(v) {
    if (to) { // --unit: every value in one unit, as pprof labels it (two decimals, a trailing .00 dropped)
      var x = (v * to.f).toFixed(2).replace(/\.00$/, "");
      return x === "0" || x === "-0" ? "0" : x + to.u;
    }
    var a = Math.abs(v), s = v < 0 ? "-" : "";
    if (unit === "bytes") {
      var u = ["B", "kB", "MB", "GB", "TB"], e = 0;
      while (a >= 1024 && e < u.length - 1) { a /= 1024; e++; }
      return s + (e === 0 ? String(a) : a.toFixed(2).replace(/\.00$/, "")) + u[e]; // as pprof labels sizes
    }
    return s + (a >= 1e6 ? (a / 1e6).toFixed(2) + "M" : a >= 1e4 ? (a / 1e3).toFixed(1) + "k" : String(a)) + (unit && unit !== "count" ? " " + unit : "");
  }
  function signed(v) { return (v > 0 ? "+" : "") + fmt(v); }
  function pct(b, c) { return b === 0 ? (c === 0 ? "0%" : "new") : (c > b ? "+" : "") + ((c - b) / Math.abs(b) * 100).toFixed(1) + "%"; }
  function colour(n) {
    if (fl[n] & 4) { return ""; }
    if (!diff) {
      var h = D.total > 0 ? Math.min(1, Math.sqrt(self[n] / D.total / 0.2)) : 0;
      return h <= 0 ? "" : "hsl(" + (45 - 40 * h) + "," + (55 + 40 * h) + "%," + (80 - 25 * h) + "%)";
    }
    var d = self[n] - bself[n];
    if (d === 0 || D.gross <= 0) { return ""; }
    // intensity: the frame's share of the gross change; full colour at 20 % of it
    var t = Math.min(1, Math.sqrt(Math.abs(d) / D.gross / 0.2));
    if (fl[n] & 1) { t = Math.min(t, 0.15); }
    t = 0.15 + 0.85 * t;
    return "hsl(" + (d > 0 ? 3 : 215) + "," + Math.round(30 + 55 * t) + "%," + Math.round(90 - 34 * t) + "%)";
  }
  var flame = document.getElementById("flame"), tip = document.getElementById("tip");
  var crumbs = document.getElementById("crumbs"), zoomnote = document.getElementById("zoomnote"), search = document.getElementById("search"), found = document.getElementById("found");
  var zoom = 0, flip = false, matches = null, selected = -1;
  function describe(n) {
    var lines = [D.names[nm[n]]];
    if (fl[n] & 4) { lines.push("(frames below the size budget, folded)"); }
    if (diff) {
      lines.push("self:  " + fmt(bself[n]) + " -> " + fmt(self[n]) + "  (" + signed(self[n] - bself[n]) + ", " + pct(bself[n], self[n]) + ")");
      lines.push("total: " + fmt(base[n]) + " -> " + fmt(cur[n]) + "  (" + signed(cur[n] - base[n]) + ", " + pct(base[n], cur[n]) + ")");
      if (fl[n] & 2) { lines.push("new: not in the base"); }
      if (fl[n] & 1) { lines.push("noise: the change is within sampling noise"); }
    } else {
      lines.push("self:  " + fmt(self[n]) + "  total: " + fmt(cur[n]) + " (" + (D.total ? (cur[n] / D.total * 100).toFixed(2) : "0") + "% of all)");
    }
    return lines.join("\n");
  }
  function draw() {
    var W = flame.clientWidth, w0 = cur[zoom] || 1, scale = W / w0, x0 = x[zoom], maxd = 0, frag = document.createDocumentFragment();
    var todo = [], out = [];
    for (var a = par[zoom]; a >= 0; a = par[a]) { out.push([a, 0, W, true]); }
    todo.push(zoom);
    while (todo.length) {
      var n = todo.pop(), w = cur[n] * scale;
      // under a pixel a frame (and all below it) would be a hairline: its parent's bar shows it; zoom in to see it
      if (w < 1) { continue; }
      out.push([n, (x[n] - x0) * scale, w, false]);
      for (var c = 0; c < kids[n].length; c++) { todo.push(kids[n][c]); }
    }
    for (var q = 0; q < out.length; q++) { maxd = Math.max(maxd, depth[out[q][0]]); }
    flame.style.height = ((maxd + 1) * H + 2) + "px";
    for (q = 0; q < out.length; q++) {
      var o = out[q], f = document.createElement("div"), bg = colour(o[0]), labelled = o[2] > 20;
      f.className = "fr" + (fl[o[0]] & 4 ? " other" : "") + (fl[o[0]] & 2 ? " new" : "") + (o[3] ? " anc" : "") + (bg ? "" : " plain")
        + (matches && matches[o[0]] ? " match" : "") + (o[0] === selected ? " sel" : "") + (labelled ? "" : " bare");
      f.style.left = o[1] + "px"; f.style.width = o[2] + "px";
      f.style.top = (flip ? (maxd - depth[o[0]]) * H : depth[o[0]] * H) + "px";
      if (bg) { f.style.background = bg; }
      f.textContent = labelled ? D.names[nm[o[0]]] : "";
      f.dataset.i = o[0];
      frag.appendChild(f);
    }
    flame.textContent = "";
    flame.appendChild(frag);
    crumbs.textContent = "";
    var path = [];
    for (var p = zoom; p >= 0; p = par[p]) { path.unshift(p); }
    path.forEach(function (p) {
      var b = document.createElement("button");
      b.textContent = D.names[nm[p]]; b.title = D.names[nm[p]];
      b.addEventListener("click", function () { zoomTo(p); });
      crumbs.appendChild(b);
    });
  }
  // why: a note on where the zoom went (a row whose frame is folded), cleared by any other zoom
  function zoomTo(n, why) {
    zoom = n; draw();
    if (zoomnote) { zoomnote.textContent = why || ""; zoomnote.hidden = !why; }
  }
  flame.addEventListener("click", function (e) {
    var t = e.target.closest(".fr");
    if (t) { zoomTo(+t.dataset.i); }
  });
  flame.addEventListener("mousemove", function (e) {
    var t = e.target.closest(".fr");
    if (!t) { tip.style.display = "none"; return; }
    tip.textContent = describe(+t.dataset.i);
    tip.style.display = "block";
    // inside the window both ways: left of the pointer near the right edge, above it near the bottom
    tip.style.left = Math.max(0, Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 8)) + "px";
    var below = e.clientY + 14, h = tip.offsetHeight;
    tip.style.top = Math.max(0, below + h <= window.innerHeight - 8 ? below : e.clientY - 8 - h) + "px";
  });
  flame.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  document.getElementById("flip").addEventListener("click", function () { flip = !flip; draw(); });
  document.getElementById("reset").addEventListener("click", function () { selected = -1; zoomTo(0); });
  // The sum of what the matches hold, by the frames in the graph: cum counts each sample through any
  // matched frame once (the topmost match of a path); flat adds the matched frames' own values (the
  // table's flat, for a function whose frames are all drawn). A frame folded into [other] cannot match:
  // when the graph has folded frames outside the matches, the page says they are not counted.
  function runSearch() {
    var q = search.value.toLowerCase();
    if (!q) { matches = null; found.textContent = ""; draw(); return; }
    matches = new Uint8Array(N);
    var count = 0, cumB = 0, cumC = 0, flatB = 0, flatC = 0, missed = false, inMatch = new Uint8Array(N);
    for (var n = 1; n < N; n++) {
      inMatch[n] = inMatch[par[n]];
      if (fl[n] & 4) { missed = missed || !inMatch[n]; continue; }
      if (D.names[nm[n]].toLowerCase().indexOf(q) >= 0) {
        matches[n] = 1; count++;
        flatC += self[n]; if (base) { flatB += bself[n]; }
        if (!inMatch[n]) { cumC += cur[n]; if (base) { cumB += base[n]; } }
        inMatch[n] = 1;
      }
    }
    function sum(b, c) { return diff ? fmt(b) + " -> " + fmt(c) + " (" + signed(c - b) + ")" : fmt(c) + " (" + (D.total ? (c / D.total * 100).toFixed(2) : "0") + "% of all)"; }
    found.textContent = count + " frame" + (count === 1 ? "" : "s") + (count === 0 ? "" : ": cum " + sum(cumB, cumC)
      + ", flat " + sum(flatB, flatC)) + (missed ? "; frames folded into [other] not counted" : "");
    draw();
  }
  search.addEventListener("input", runSearch);
  // a table row selects its node: the frame of that name with the largest change (else the largest)
  function select(name) {
    var best = -1, bestV = -1;
    for (var n = 1; n < N; n++) {
      if (D.names[nm[n]] !== name) { continue; }
      var v = diff ? Math.abs(self[n] - bself[n]) * 1e3 + cur[n] / (D.total || 1) : cur[n];
      if (v > bestV) { best = n; bestV = v; }
    }
    if (best < 0) { return false; }
    selected = best;
    zoomTo(best);
    return true;
  }
  // a row's own frame (a call path's end), else its name's frame; if every frame of that name is folded,
  // the [other] frame that holds it, with a note that says so
  function selectRow(tr) {
    var f = tr.dataset.frame !== undefined ? +tr.dataset.frame : -1;
    if (f < 0 && select(tr.dataset.name)) { return true; }
    if (f < 0 && tr.dataset.other !== undefined) { f = +tr.dataset.other; }
    if (f < 0 || f >= N) { return false; }
    selected = f;
    zoomTo(f, fl[f] & 4 ? tr.dataset.name + " is folded into [other] under " + D.names[nm[par[f]]]
      + " (frames below the size budget): zoomed to that [other] frame." : "");
    return true;
  }
  document.querySelectorAll("table.rows tbody tr").forEach(function (tr) {
    tr.addEventListener("click", function () {
      document.querySelectorAll("table.rows tr.sel").forEach(function (r) { r.classList.remove("sel"); });
      tr.classList.add("sel");
      if (selectRow(tr)) { flame.scrollIntoView({ block: "nearest" }); }
    });
  });
  // a long table starts with its first rows only (the others hidden: no layout cost on load)
  document.querySelectorAll("button.more").forEach(function (b) {
    var table = b.parentNode.previousElementSibling, note = b.nextElementSibling;
    b.addEventListener("click", function () {
      var hidden = table.querySelectorAll("tbody tr[hidden]"), shown = Math.min(+b.dataset.step, hidden.length);
      for (var r = 0; r < shown; r++) { hidden[r].hidden = false; }
      if (hidden.length === shown) { b.parentNode.remove(); return; }
      note.textContent = (hidden.length - shown) + " of " + table.tBodies[0].rows.length + " rows hidden";
    });
  });
  window.addEventListener("resize", draw);
  window.leakscopeFlame = { select: select, zoom: function () { return zoom; }, name: function (n) { return D.names[nm[n]]; } };
  draw();
})();
