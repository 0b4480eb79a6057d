// The page of `rscls graph --format html`: draws the laid-out module graph
// on a canvas, with pan (drag), zoom (wheel), search and a panel that
// says where the clicked module runs and which chain of imports decides
// it. window.rsclsGraph exposes the state to tests.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('data').textContent);
  const W = 240, H = 20; // a module's box
  const nodes = data.nodes, byId = new Map(), incoming = new Map(), outgoing = new Map();
  for (const n of nodes) { byId.set(n.id, n); incoming.set(n.id, []); outgoing.set(n.id, []); }
  for (const e of data.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    outgoing.get(e.from).push(e);
    incoming.get(e.to).push(e);
  }
  const kinds = {
    server: 'Server', client: 'Client', shared: 'Shared (both)', boundary: "'use client' boundary",
    serverFunctions: "'use server'", package: 'Installed package',
  };
  const canvas = document.getElementById('view');
  const ctx = canvas.getContext('2d');
  const panel = document.getElementById('panel');
  const search = document.getElementById('search');
  const results = document.getElementById('results');
  const view = { x: 0, y: 0, k: 1 }; // screen = world * k + (x, y)
  let selected = null, chainEdges = new Set();

  document.getElementById('counts').textContent =
    nodes.length.toLocaleString('en') + ' modules · ' + data.edges.length.toLocaleString('en') + ' imports';
  const legend = document.getElementById('legend');
  for (const k of Object.keys(kinds)) {
    const s = document.createElement('span');
    const i = document.createElement('i');
    i.style.background = data.colors[k];
    s.append(i, kinds[k]);
    legend.append(s);
  }

  function resize() {
    const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, r.width * dpr);
    canvas.height = Math.max(1, r.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw();
  }

  function fit() {
    if (!nodes.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x + W); y1 = Math.max(y1, n.y + H);
    }
    const r = canvas.getBoundingClientRect();
    view.k = Math.min(2, Math.max(0.02, Math.min((r.width - 40) / (x1 - x0), (r.height - 40) / (y1 - y0))));
    view.x = 20 - x0 * view.k + (r.width - 40 - (x1 - x0) * view.k) / 2;
    view.y = 20 - y0 * view.k;
    draw();
  }

  function center(n) {
    const r = canvas.getBoundingClientRect();
    view.k = Math.max(view.k, 0.8);
    view.x = r.width / 2 - (n.x + W / 2) * view.k;
    view.y = r.height / 2 - (n.y + H / 2) * view.k;
    draw();
  }

  function edgeColor(e) {
    if (e.clientBoundary) return '#b8860b';
    if (e.serverReference) return '#2e7d32';
    return e.environment === 'client' ? '#e69500' : '#6e7781';
  }

  function line(e, width) {
    const a = byId.get(e.from), b = byId.get(e.to);
    const x0 = a.x + W, y0 = a.y + H / 2, x1 = b.x, y1 = b.y + H / 2;
    ctx.lineWidth = width / view.k;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    const dx = Math.max(40, Math.abs(x1 - x0) / 2);
    ctx.bezierCurveTo(x0 + dx, y0, x1 - dx, y1, x1, y1);
    ctx.stroke();
  }

  function draw() {
    const r = canvas.getBoundingClientRect();
    ctx.save();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, r.width, r.height);
    ctx.translate(view.x, view.y);
    ctx.scale(view.k, view.k);
    // What is on screen, in world units, to skip the rest.
    const vx0 = -view.x / view.k, vy0 = -view.y / view.k;
    const vx1 = vx0 + r.width / view.k, vy1 = vy0 + r.height / view.k;
    const visible = (n) => n.x + W >= vx0 && n.x <= vx1 && n.y + H >= vy0 && n.y <= vy1;
    const near = selected ? new Set([selected.id]) : null;
    ctx.globalAlpha = selected ? 0.12 : 0.35;
    for (const e of data.edges) {
      const a = byId.get(e.from), b = byId.get(e.to);
      if (!a || !b || (!visible(a) && !visible(b))) continue;
      ctx.strokeStyle = edgeColor(e);
      line(e, e.clientBoundary || e.serverReference ? 1.5 : 0.7);
    }
    ctx.globalAlpha = 1;
    if (selected) {
      for (const e of incoming.get(selected.id).concat(outgoing.get(selected.id))) {
        near.add(e.from); near.add(e.to);
        ctx.strokeStyle = chainEdges.has(e) ? '#cf222e' : edgeColor(e);
        line(e, chainEdges.has(e) ? 3 : 1.5);
      }
      for (const e of chainEdges) {
        near.add(e.from); near.add(e.to);
        ctx.strokeStyle = '#cf222e';
        line(e, 3);
      }
    }
    const labels = view.k > 0.35;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const n of nodes) {
      if (!visible(n)) continue;
      ctx.globalAlpha = near && !near.has(n.id) ? 0.35 : 1;
      ctx.fillStyle = data.colors[n.kind] || '#eee';
      ctx.fillRect(n.x, n.y, W, H);
      // Zoomed out, outlines would hide the colours: only the selection's.
      if (labels || n === selected) {
        ctx.lineWidth = (n === selected ? 3 : n.kind === 'boundary' ? 1.5 : 0.5) / view.k;
        ctx.strokeStyle = n === selected ? '#cf222e' : n.kind === 'boundary' ? '#b8860b' : '#57606a';
        ctx.strokeRect(n.x, n.y, W, H);
      }
      if (labels) {
        ctx.fillStyle = '#1f2328';
        ctx.fillText(shorten(n.package || n.id, W - 8), n.x + 4, n.y + H / 2, W - 8);
      }
    }
    ctx.restore();
  }

  // shorten keeps the end of a path, which tells modules apart.
  function shorten(s, px) {
    const max = Math.floor(px / 6.5);
    return s.length <= max ? s : '…' + s.slice(s.length - max + 1);
  }

  function at(sx, sy) {
    const x = (sx - view.x) / view.k, y = (sy - view.y) / view.k;
    for (const n of nodes) if (x >= n.x && x <= n.x + W && y >= n.y && y <= n.y + H) return n;
    return null;
  }

  function link(id) {
    const a = document.createElement('a');
    a.textContent = id;
    a.dataset.id = id;
    a.addEventListener('click', () => { select(byId.get(id)); center(byId.get(id)); });
    return a;
  }

  function el(tag, text) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function select(n) {
    selected = n || null;
    chainEdges = new Set();
    panel.replaceChildren();
    if (!n) {
      panel.append(el('p', 'Click a module, or search one.'));
      draw();
      return;
    }
    panel.append(el('h2', n.package || n.id));
    const tags = el('p');
    for (const t of [kinds[n.kind] || n.kind].concat(n.role ? [n.role] : [])) {
      const s = el('span', t);
      s.className = 'tag';
      tags.append(s);
    }
    panel.append(tags);
    const envs = n.environments || [];
    panel.append(el('p', envs.length ? 'Runs on the ' + envs.join(' and the ') + '.' : 'In no environment: nothing reaches it.'));
    for (const env of envs) {
      const chain = (n.chains || {})[env];
      if (!chain) continue;
      panel.append(el('h3', 'Why ' + env));
      const ol = el('ol');
      ol.className = 'chain';
      ol.dataset.env = env;
      chain.forEach((id, i) => {
        const li = el('li');
        li.append(link(id));
        const m = byId.get(id);
        if (i === 0 && m) li.append(' (' + (m.role ? m.role : kinds[m.kind]) + ')');
        if (m && m.kind === 'boundary' && i > 0) li.append(" ('use client')");
        ol.append(li);
        if (i > 0) {
          for (const e of outgoing.get(chain[i - 1]) || []) if (e.to === id) chainEdges.add(e);
        }
      });
      panel.append(ol);
    }
    for (const [title, list, end] of [['Imported by', incoming.get(n.id), 'from'], ['Imports', outgoing.get(n.id), 'to']]) {
      const ids = [...new Set(list.map((e) => e[end]))].sort();
      panel.append(el('h3', title + ' (' + ids.length + ')'));
      const ul = el('ul');
      for (const id of ids.slice(0, 100)) {
        const li = el('li');
        li.append(link(id));
        ul.append(li);
      }
      if (ids.length > 100) ul.append(el('li', '… ' + (ids.length - 100) + ' more'));
      panel.append(ul);
    }
    draw();
  }

  function showResults() {
    const q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) { results.hidden = true; return; }
    const hits = nodes.filter((n) => (n.package || n.id).toLowerCase().includes(q));
    // Matches in the file name first, then shorter paths.
    const base = (n) => (n.package || n.id).toLowerCase().split('/').pop();
    hits.sort((a, b) => (base(b).includes(q) - base(a).includes(q)) || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
    for (const n of hits.slice(0, 50)) {
      const li = el('li', n.package || n.id);
      li.dataset.id = n.id;
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(n); });
      results.append(li);
    }
    if (!hits.length) results.append(el('li', 'No module matches.'));
    results.hidden = false;
  }

  function pick(n) {
    results.hidden = true;
    select(n);
    center(n);
  }

  search.addEventListener('input', showResults);
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      const first = results.querySelector('li[data-id]');
      if (first) pick(byId.get(first.dataset.id));
    } else if (ev.key === 'Escape') {
      search.value = '';
      results.hidden = true;
    }
  });
  search.addEventListener('blur', () => { results.hidden = true; });
  document.getElementById('fit').addEventListener('click', fit);

  let drag = null;
  canvas.addEventListener('mousedown', (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
    canvas.classList.add('dragging');
  });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    draw();
  });
  window.addEventListener('mouseup', (ev) => {
    if (!drag) return;
    canvas.classList.remove('dragging');
    if (!drag.moved) {
      const r = canvas.getBoundingClientRect();
      select(at(ev.clientX - r.left, ev.clientY - r.top));
    }
    drag = null;
  });
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect();
    const sx = ev.clientX - r.left, sy = ev.clientY - r.top;
    const k = Math.min(4, Math.max(0.01, view.k * Math.exp(-ev.deltaY * 0.002)));
    view.x = sx - (sx - view.x) * (k / view.k);
    view.y = sy - (sy - view.y) * (k / view.k);
    view.k = k;
    draw();
  }, { passive: false });
  window.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
  });
  window.addEventListener('resize', resize);

  resize();
  fit();
  window.rsclsGraph = {
    view,
    get selected() { return selected && selected.id; },
    select: (id) => select(byId.get(id)),
    center: (id) => center(byId.get(id)),
    // Where a module's box is drawn, in the page's coordinates.
    screenPos(id) {
      const n = byId.get(id), r = canvas.getBoundingClientRect();
      return { x: r.left + view.x + (n.x + W / 2) * view.k, y: r.top + view.y + (n.y + H / 2) * view.k };
    },
  };
  document.body.dataset.ready = 'true';
})();
