/* Headroom HTML report: treemaps (squarified, zoomable by mouse and keyboard) and category highlighting.
   Plain JS, no dependencies; the data is the JSON blob in #headroom-data. */
(function () {
  'use strict';
  var blob = document.getElementById('headroom-data');
  var data = blob ? JSON.parse(blob.textContent || '{}') : {};
  var active = null; // the highlighted category
  var treemaps = [];

  function fmt(b) {
    var a = Math.abs(b), s = b < 0 ? '-' : '';
    function r(v, d) { return String(Math.round(v * d) / d); }
    if (a < 1e3) return b + ' B';
    if (a < 1e6) return s + r(a / 1e3, 10) + ' kB';
    if (a < 1e9) return s + r(a / 1e6, 10) + ' MB';
    if (a < 1e12) return s + r(a / 1e9, 100) + ' GB';
    return s + r(a / 1e12, 100) + ' TB';
  }
  function pct(part, whole) { return whole > 0 ? (Math.round(part / whole * 1000) / 10) + '%' : ''; }
  function token(c) { return String(c).toLowerCase().replace(/[^a-z0-9-]/g, '-'); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Bytes per category below a node (memoised on the node).
  function catBytes(node) {
    if (node._cb) return node._cb;
    var m = {};
    if (!node.k || !node.k.length) { if (node.c) m[node.c] = node.b; }
    else {
      for (var i = 0; i < node.k.length; i++) {
        var sub = catBytes(node.k[i]);
        for (var c in sub) m[c] = (m[c] || 0) + sub[c];
      }
    }
    node._cb = m;
    return m;
  }

  // Squarified layout (Bruls, Huizing, van Wijk 2000) of nodes sorted largest first into a rectangle.
  function squarify(nodes, x, y, w, h) {
    var out = [], items = [], total = 0, i;
    for (i = 0; i < nodes.length; i++) if (nodes[i].b > 0) { items.push(nodes[i]); total += nodes[i].b; }
    if (!items.length || w <= 0 || h <= 0) return out;
    var scale = w * h / total, row = [], rowSum = 0;
    function worst(sum, min, max, side) {
      var s2 = sum * sum, w2 = side * side;
      return Math.max(w2 * max / s2, s2 / (w2 * min));
    }
    function place(list, sum) {
      var k, off;
      if (w >= h) {
        var cw = sum / h; off = y;
        for (k = 0; k < list.length; k++) { var ch = list[k].b * scale / cw; out.push({ node: list[k], x: x, y: off, w: cw, h: ch }); off += ch; }
        x += cw; w -= cw;
      } else {
        var rh = sum / w; off = x;
        for (k = 0; k < list.length; k++) { var rw = list[k].b * scale / rh; out.push({ node: list[k], x: off, y: y, w: rw, h: rh }); off += rw; }
        y += rh; h -= rh;
      }
    }
    var rmin = Infinity, rmax = 0;
    for (i = 0; i < items.length; i++) {
      var a = items[i].b * scale, side = Math.min(w, h);
      var nmin = Math.min(rmin, a), nmax = Math.max(rmax, a);
      if (!row.length || worst(rowSum + a, nmin, nmax, side) <= worst(rowSum, rmin, rmax, side)) {
        row.push(items[i]); rowSum += a; rmin = nmin; rmax = nmax;
      } else {
        place(row, rowSum);
        row = [items[i]]; rowSum = a; rmin = a; rmax = a;
      }
    }
    if (row.length) place(row, rowSum);
    return out;
  }

  function Treemap(fig, spec) {
    this.fig = fig;
    this.root = spec.root;
    this.path = [spec.root];
    this.area = fig.querySelector('.hr-tm-area');
    this.nav = fig.querySelector('.hr-tm-path');
    this.legend = fig.querySelector('.hr-tm-legend');
    this.status = fig.querySelector('.hr-tm-status');
    this.cells = [];
    this.area.setAttribute('aria-label', spec.label);
    var self = this;
    this.area.addEventListener('click', function (e) {
      var cell = e.target.closest('.hr-tm-cell');
      if (cell) self.open(cell);
    });
    this.area.addEventListener('keydown', function (e) { self.key(e); });
  }

  Treemap.prototype.current = function () { return this.path[this.path.length - 1]; };

  Treemap.prototype.render = function (focusNode) {
    var area = this.area, node = this.current(), self = this;
    area.textContent = '';
    this.cells = [];
    var W = area.clientWidth, H = area.clientHeight, budget = { n: 1500 };
    var hueOf = {};
    (node.k || []).forEach(function (c, i) { hueOf[i] = (i * 47 + 200) % 360; });
    var top = squarify(node.k || [], 0, 0, W, H);
    top.forEach(function (r, i) {
      var cell = self.cell(r, 1, null, hueOf[(node.k || []).indexOf(r.node)] || 200);
      cell.tabIndex = 0;
      area.appendChild(cell);
    });
    this.renderNav();
    this.renderLegend();
    this.applyHighlight();
    var shown = node.k ? node.k.length : 0;
    this.status.textContent = node.n + ': ' + fmt(node.b) + (shown ? ', ' + shown + ' parts' : '') +
      (this.path.length > 1 ? ' (' + pct(node.b, this.root.b) + ' of the whole)' : '');
    this.fig.setAttribute('data-level', String(this.path.length - 1));
    this.fig.setAttribute('data-current', node.n);
    this.fig.setAttribute('data-rendered', 'true');
    var target = null;
    if (focusNode) this.cells.forEach(function (c) { if (c.node === focusNode && c.el.tabIndex === 0) target = c.el; });
    if (focusNode !== undefined) (target || area.querySelector('.hr-tm-cell') || area).focus();

    // Nested children: only where a box is big enough to show them.
    function nest(parentEl, r, depth, hue) {
      if (depth > 3 || !r.node.k || !r.node.k.length || r.w < 60 || r.h < 44 || budget.n <= 0) return;
      var inner = squarify(r.node.k, 2, 18, r.w - 6, r.h - 22);
      inner.forEach(function (ir) {
        if (budget.n-- <= 0 || ir.w < 3 || ir.h < 3) return;
        var c = self.cell(ir, depth, r.node, hue);
        parentEl.appendChild(c);
      });
    }
    this.cells.forEach(function (c) { if (c.depth === 1) nest(c.el, c.rect, 2, c.hue); });
    this.cells.forEach(function (c) { if (c.depth === 2) nest(c.el, c.rect, 3, c.hue); });
  };

  Treemap.prototype.cell = function (r, depth, parent, hue) {
    var n = r.node, e = el('div', 'hr-tm-cell' + (n.c ? ' ' + 'cat-' + token(n.c) : ''));
    e.style.left = r.x.toFixed(1) + 'px'; e.style.top = r.y.toFixed(1) + 'px';
    e.style.width = Math.max(0, r.w).toFixed(1) + 'px'; e.style.height = Math.max(0, r.h).toFixed(1) + 'px';
    if (!n.c) e.style.background = 'hsl(' + hue + ',42%,' + (80 - depth * 7) + '%)';
    e.setAttribute('data-depth', String(depth));
    var label = n.n + ', ' + fmt(n.b) + ', ' + pct(n.b, this.current().b) + (n.c ? ', ' + n.c : '') + (n.k && n.k.length ? ', ' + n.k.length + ' parts' : '');
    e.title = label;
    if (depth === 1) { e.setAttribute('role', 'button'); e.setAttribute('aria-label', label); }
    if (r.w > 34 && r.h > 15) {
      var l = el('span', 'hr-tm-label');
      l.appendChild(el('b', null, n.n));
      if (r.w > 90) l.appendChild(el('small', null, fmt(n.b)));
      e.appendChild(l);
    }
    this.cells.push({ el: e, node: n, depth: depth, rect: r, parent: parent, hue: hue });
    return e;
  };

  Treemap.prototype.find = function (e) {
    for (var i = 0; i < this.cells.length; i++) if (this.cells[i].el === e) return this.cells[i];
    return null;
  };

  // Zoom into a box (a nested box opens itself when it has parts, else its top-level box).
  Treemap.prototype.open = function (e) {
    var c = this.find(e);
    if (!c) return;
    var chain = [];
    for (var x = c; x; x = x.parent ? this.findNode(x.parent) : null) chain.unshift(x);
    while (chain.length && !(chain[chain.length - 1].node.k && chain[chain.length - 1].node.k.length)) chain.pop();
    if (!chain.length) return;
    for (var i = 0; i < chain.length; i++) this.path.push(chain[i].node);
    this.render(null);
  };

  Treemap.prototype.findNode = function (node) {
    for (var i = 0; i < this.cells.length; i++) if (this.cells[i].node === node) return this.cells[i];
    return null;
  };

  Treemap.prototype.up = function (levels) {
    if (this.path.length <= 1) return;
    var from = null;
    while (levels-- > 0 && this.path.length > 1) from = this.path.pop();
    this.render(from);
  };

  Treemap.prototype.key = function (e) {
    var cell = e.target.closest ? e.target.closest('.hr-tm-cell') : null;
    if ((e.key === 'Enter' || e.key === ' ') && cell) { e.preventDefault(); this.open(cell); return; }
    if (e.key === 'Escape' || e.key === 'Backspace') {
      if (this.path.length > 1) { e.preventDefault(); this.up(1); }
      return;
    }
    if (/^Arrow/.test(e.key) && cell) {
      var tops = Array.prototype.filter.call(this.area.children, function (x) { return x.tabIndex === 0; });
      var i = tops.indexOf(cell.closest('.hr-tm-cell[data-depth="1"]'));
      var next = tops[i + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1)];
      if (next) { e.preventDefault(); next.focus(); }
    }
  };

  Treemap.prototype.renderNav = function () {
    var self = this, nav = this.nav;
    nav.textContent = '';
    this.path.forEach(function (n, i) {
      if (i > 0) nav.appendChild(el('span', null, '\u203a'));
      var b = el('button', null, n.n);
      b.type = 'button';
      b.title = n.n + ', ' + fmt(n.b);
      if (i === self.path.length - 1) b.setAttribute('aria-current', 'location');
      else b.addEventListener('click', function () { self.up(self.path.length - 1 - i); });
      nav.appendChild(b);
    });
  };

  Treemap.prototype.renderLegend = function () {
    var cb = catBytes(this.current()), legend = this.legend, names = Object.keys(cb);
    legend.textContent = '';
    names.sort(function (a, b) { return cb[b] - cb[a]; });
    names.forEach(function (c) {
      var b = el('button', 'cat-' + token(c));
      b.type = 'button';
      b.setAttribute('data-hl-toggle', c);
      b.setAttribute('aria-pressed', String(active === c));
      b.appendChild(el('span', 'hr-swatch'));
      b.appendChild(document.createTextNode(c + ' ' + fmt(cb[c])));
      legend.appendChild(b);
    });
  };

  Treemap.prototype.applyHighlight = function () {
    this.cells.forEach(function (c) { c.el.classList.toggle('hr-hl', !!active && (catBytes(c.node)[active] || 0) > 0); });
  };

  function highlight(cat) {
    active = active === cat ? null : cat;
    document.body.classList.toggle('hr-highlighting', !!active);
    Array.prototype.forEach.call(document.querySelectorAll('[data-cat]'), function (e) {
      e.classList.toggle('hr-hl', !!active && e.getAttribute('data-cat') === active);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-hl-toggle]'), function (e) {
      e.setAttribute('aria-pressed', String(e.getAttribute('data-hl-toggle') === active));
    });
    treemaps.forEach(function (t) { t.applyHighlight(); });
  }

  document.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('[data-hl-toggle], .hr-bar-row[data-cat]');
    if (t) highlight(t.getAttribute('data-hl-toggle') || t.getAttribute('data-cat'));
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target.closest && e.target.closest('.hr-bar-row[data-cat]');
    if (t && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); highlight(t.getAttribute('data-cat')); }
  });

  Array.prototype.forEach.call(document.querySelectorAll('.hr-treemap[data-key]'), function (fig) {
    var spec = data[fig.getAttribute('data-key')];
    if (spec && spec.root) treemaps.push(new Treemap(fig, spec));
  });
  treemaps.forEach(function (t) { t.render(); });
  var pending = 0;
  window.addEventListener('resize', function () {
    if (pending) return;
    pending = window.requestAnimationFrame(function () { pending = 0; treemaps.forEach(function (t) { t.render(); }); });
  });
  document.documentElement.setAttribute('data-rendered', 'true');
})();
