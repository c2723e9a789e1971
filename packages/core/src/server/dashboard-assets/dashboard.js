/*
 * The officer's live dashboard: sign in (session.js), pick a district, street or community
 * the account may see (`dashboardNodes`), and watch `dashboard(node)` for it and for each of
 * its children over one graphql-ws connection (the graphql-ws client, served from
 * node_modules). The client retries for ever with a fresh token in connectionParams, so
 * after a token expiry (the gateway closes with 4403) or a gateway restart every
 * subscription is re-sent and resumes with the node's current snapshot (its `cursor` tells
 * which events it includes). No framework, no build step.
 */
(function () {
  'use strict';
  var F = GongzhiFormat;
  var $ = function (id) { return document.getElementById(id); };
  var endpoint = document.body.getAttribute('data-endpoint') || '/graphql';
  var session = GongzhiSession.create(new URL(endpoint, location.href).toString());
  var wsUrl = new URL(endpoint, location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  var DASHBOARD = 'subscription Dashboard($n: ID!) { dashboard(node: $n) { node level name residentCount ' +
    'careTagCounts { tag count label { zh en } } cursor version computedAt ' +
    'sections { program title { zh en } figures { key value unit label { zh en } } } } }';
  var NODES = 'query Nodes { dashboardNodes { id level name parent } }';
  var CHILDREN = 'query Children($id: ID!) { node(id: $id) { ... on District { streets(first: 100) { nodes { id name } } } ' +
    '... on Street { communities(first: 100) { nodes { id name } } } } }';
  var MAX_CHILDREN = 40;
  var HISTORY = 240; // points kept per trend
  var SPARK = { width: 150, height: 36 };

  var client = null;
  var nodes = [];
  var watching = null; // { id, subs: [dispose], main: snapshot, children: [{id,name}], snaps: {} }
  var trends = {}; // `${node}|${key}` -> { t: [], v: [] }, kept across node switches
  var cards = {}; // card key -> { el, value, unit, plot, hist }
  var cardLayout = '';
  var everConnected = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function setStatus(state, zh, en) {
    document.body.setAttribute('data-connection', state); // stale figures are greyed while not live
    var s = $('status');
    s.setAttribute('data-state', state);
    s.textContent = '';
    F.bilingual(s, { zh: zh, en: en });
  }
  function notice(text) {
    $('notice').textContent = text || '';
    $('notice').hidden = !text;
  }

  // --- signing in -------------------------------------------------------------------

  function showLogin(message) {
    stopWatching();
    if (client) client.dispose();
    client = null;
    everConnected = false;
    $('app').hidden = true;
    $('bar').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('password').value = '';
    $('username').focus();
  }

  $('login').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var button = $('login').querySelector('button');
    button.disabled = true;
    $('login-error').textContent = '';
    session.login($('username').value.trim(), $('password').value).then(start, function (e) {
      $('login-error').textContent = e.code === 'UNAVAILABLE' ? '服务暂不可用，请稍后再试 / Service unavailable, try again shortly'
        : '登录失败：用户名或密码错误，或账号已锁定 / Sign-in failed: wrong username or password, or the account is locked';
    }).then(function () { button.disabled = false; });
  });
  $('logout').addEventListener('click', function () {
    $('app').hidden = true; // signing out on purpose: not the "session ended" notice
    session.logout().then(function () { showLogin('已退出 / Signed out'); });
  });
  session.onChange(function (s) {
    if (!s && !$('app').hidden) showLogin('登录已过期，请重新登录 / Session ended, please sign in again');
  });

  // --- the connection ---------------------------------------------------------------

  function connect() {
    client = graphqlWs.createClient({
      url: wsUrl.toString(),
      lazy: true,
      keepAlive: 10000, // a silent dead connection is noticed within seconds
      retryAttempts: Infinity,
      shouldRetry: function () { return session.signedIn; },
      retryWait: function (retries) {
        return new Promise(function (r) { setTimeout(r, Math.min(3000, 250 * Math.pow(2, retries)) + Math.random() * 250); });
      },
      connectionParams: function () {
        return session.token().then(function (t) { return { authorization: 'Bearer ' + t }; });
      },
      on: {
        connecting: function () {
          if (everConnected) setStatus('reconnecting', '连接中断，正在重连…', 'Reconnecting…');
          else setStatus('connecting', '连接中…', 'Connecting…');
        },
        connected: function () {
          everConnected = true;
          setStatus('live', '实时', 'Live');
        },
        closed: function () {
          if (session.signedIn) setStatus('reconnecting', '连接中断，正在重连…', 'Reconnecting…');
        },
      },
    });
  }

  function subscribe(nodeId, onData) {
    return client.subscribe({ query: DASHBOARD, variables: { n: nodeId }, operationName: 'Dashboard' }, {
      next: function (r) {
        if (r.data && r.data.dashboard) onData(r.data.dashboard);
        else if (r.errors) notice(r.errors[0].message);
      },
      error: function (e) {
        var first = Array.isArray(e) ? e[0] : e;
        notice('订阅失败 / Subscription failed: ' + ((first && (first.message || first.reason)) || String(first)));
      },
      complete: function () {},
    });
  }

  // --- the picker -------------------------------------------------------------------

  function start() {
    $('login').hidden = true;
    $('bar').hidden = false;
    $('who').textContent = session.account ? session.account.displayName + '（' + session.account.username + '）' : '';
    notice('');
    connect();
    return session.request(NODES).then(function (res) {
      if (res.errors) {
        var code = res.errors[0].extensions && res.errors[0].extensions.code;
        if (code === 'UNAUTHENTICATED') return showLogin('请重新登录 / Please sign in again');
        notice(code === 'FORBIDDEN' ? '此账号没有查看看板的权限 / This account may not open dashboards' : res.errors[0].message);
        return undefined;
      }
      nodes = res.data.dashboardNodes;
      fillPicker();
      var wanted = new URLSearchParams(location.search).get('node');
      var first = nodes.filter(function (n) { return n.id === wanted; })[0] || nodes[0];
      if (!first) notice('此账号没有可查看的辖区 / No area to show for this account');
      else select(first.id);
      return undefined;
    }, function (e) { showLogin(e.message); });
  }

  /** Roots first (nodes whose parent is not listed), each followed by its children, indented. */
  function fillPicker() {
    var picker = $('node');
    picker.innerHTML = '';
    var ids = {};
    nodes.forEach(function (n) { ids[n.id] = true; });
    var add = function (n, depth) {
      var o = el('option', '', new Array(depth + 1).join('\u3000') + n.name + '（' + F.LEVELS[n.level].zh + '）');
      o.value = n.id;
      picker.appendChild(o);
      nodes.filter(function (c) { return c.parent === n.id; }).forEach(function (c) { add(c, depth + 1); });
    };
    nodes.filter(function (n) { return !n.parent || !ids[n.parent]; }).forEach(function (n) { add(n, 0); });
  }

  $('node').addEventListener('change', function () { select($('node').value); });

  function select(nodeId) {
    if (!nodes.some(function (n) { return n.id === nodeId; })) return;
    $('node').value = nodeId;
    var params = new URLSearchParams(location.search);
    params.set('node', nodeId);
    window.history.replaceState(null, '', '?' + params.toString());
    watch(nodeId);
  }

  // --- watching a node and its children ---------------------------------------------

  function stopWatching() {
    if (watching) watching.subs.forEach(function (d) { d(); });
    watching = null;
    Object.keys(cards).forEach(function (k) { if (cards[k].plot) cards[k].plot.destroy(); });
    cards = {};
    cardLayout = '';
    ['summary', 'sections', 'children'].forEach(function (id) { $(id).innerHTML = ''; });
  }

  function watch(nodeId) {
    stopWatching();
    var w = (watching = { id: nodeId, subs: [], main: null, children: [], snaps: {} });
    $('app').hidden = false;
    $('title').textContent = '';
    w.subs.push(subscribe(nodeId, function (s) {
      if (watching !== w) return;
      w.main = s;
      renderMain(s);
    }));
    childrenOf(nodeId).then(function (children) {
      if (watching !== w) return;
      w.children = children.slice(0, MAX_CHILDREN);
      renderChildren(w);
      w.children.forEach(function (c) {
        w.subs.push(subscribe(c.id, function (s) {
          if (watching !== w) return;
          w.snaps[c.id] = s;
          renderChildren(w);
        }));
      });
    });
  }

  function childrenOf(nodeId) {
    var listed = nodes.filter(function (n) { return n.parent === nodeId; });
    var node = nodes.filter(function (n) { return n.id === nodeId; })[0];
    if (listed.length || !node || node.level === 'COMMUNITY') return Promise.resolve(listed);
    return session.request(CHILDREN, { id: nodeId }).then(function (res) {
      var n = res.data && res.data.node;
      var list = n && (n.streets || n.communities);
      var level = node.level === 'DISTRICT' ? 'STREET' : 'COMMUNITY';
      return list ? list.nodes.map(function (c) { return { id: c.id, name: c.name, level: level, parent: nodeId }; }) : [];
    }, function () { return []; });
  }

  // --- rendering --------------------------------------------------------------------

  /** The figures of a snapshot as one list: residents, care tags, then each program's. */
  function figuresOf(s) {
    var list = [{ key: 'residentCount', group: 'summary', label: { zh: '居民', en: 'Residents' }, value: s.residentCount, unit: 'COUNT' }];
    s.careTagCounts.forEach(function (c) {
      list.push({ key: 'care.' + c.tag, group: 'summary', label: c.label, value: c.count, unit: 'COUNT' });
    });
    s.sections.forEach(function (sec) {
      sec.figures.forEach(function (f) {
        list.push({ key: sec.program + '.' + f.key, group: sec.program, label: f.label, value: f.value, unit: f.unit });
      });
    });
    return list;
  }

  function renderMain(s) {
    $('title').textContent = '';
    F.bilingual($('title'), { zh: s.name + ' · ' + F.LEVELS[s.level].zh, en: F.LEVELS[s.level].en });
    $('meta').textContent = '更新于 ' + F.time(s.computedAt) + ' · 已计入事件 #' + s.cursor + ' / Updated ' + F.time(s.computedAt) + ', events up to #' + s.cursor;
    var figures = figuresOf(s);
    var layout = figures.map(function (f) { return f.key; }).join() + '|' + s.sections.map(function (x) { return x.program; }).join();
    if (layout !== cardLayout) layoutCards(s, figures);
    cardLayout = layout;
    var t = Date.parse(s.computedAt) / 1000;
    figures.forEach(function (f) {
      var c = cards[f.key];
      var shown = F.figure(f.value, f.unit);
      c.value.textContent = shown.text;
      c.unit.textContent = shown.unit;
      var h = c.hist;
      if (!h.t.length) { h.t.push(t - 1); h.v.push(F.scaled(f.value, f.unit)); } // a flat line until the first change
      if (h.t[h.t.length - 1] < t) {
        h.t.push(t);
        h.v.push(F.scaled(f.value, f.unit));
        if (h.t.length > HISTORY) { h.t.shift(); h.v.shift(); }
      }
      c.plot.setData([h.t, h.v]);
    });
    document.body.setAttribute('data-version', String(s.version));
    document.body.setAttribute('data-cursor', s.cursor);
  }

  function layoutCards(s, figures) {
    Object.keys(cards).forEach(function (k) { cards[k].plot.destroy(); });
    cards = {};
    var summary = $('summary');
    var sections = $('sections');
    summary.innerHTML = '';
    sections.innerHTML = '';
    var groups = { summary: group(summary, { zh: '居民概况', en: 'Residents' }) };
    s.sections.forEach(function (sec) {
      var box = el('section', 'program');
      box.setAttribute('data-program', sec.program);
      sections.appendChild(box);
      groups[sec.program] = group(box, sec.title);
    });
    figures.forEach(function (f) {
      var card = el('div', 'card');
      card.setAttribute('data-key', f.key);
      F.bilingual(card.appendChild(el('div', 'label')), f.label);
      var line = card.appendChild(el('div', 'figure'));
      var value = line.appendChild(el('span', 'value'));
      var unit = line.appendChild(el('span', 'unit'));
      var spark = card.appendChild(el('div', 'spark'));
      groups[f.group].appendChild(card);
      var hk = watching.id + '|' + f.key;
      var hist = trends[hk] || (trends[hk] = { t: [], v: [] });
      cards[f.key] = { value: value, unit: unit, hist: hist, plot: sparkline(spark) };
    });
  }

  function group(parent, title) {
    F.bilingual(parent.appendChild(el('h3')), title);
    return parent.appendChild(el('div', 'cards'));
  }

  /** A trend without axes: each figure on its own scale, so small numbers are not flattened. */
  function sparkline(target) {
    return new uPlot({
      width: SPARK.width, height: SPARK.height, pxAlign: false,
      cursor: { show: false }, legend: { show: false }, select: { show: false },
      axes: [{ show: false }, { show: false }],
      scales: { x: { time: false }, y: { range: function (_u, min, max) { return min === max ? [min - 1, max + 1] : [min - (max - min) * 0.1, max + (max - min) * 0.1]; } } },
      series: [{}, { stroke: '#1d5bbf', width: 1.5, points: { size: 4 } }],
    }, [[], []], target);
  }

  /** Children's figures side by side, with how many of the district's programs are active there. */
  function renderChildren(w) {
    var box = $('children');
    box.innerHTML = '';
    if (!w.children.length) return;
    var sample = w.main || w.snaps[w.children[0].id];
    var childLevel = w.children[0].level;
    F.bilingual(box.appendChild(el('h3')), { zh: '下辖' + F.LEVELS[childLevel].zh, en: F.LEVELS[childLevel].en + ' figures' });
    var table = box.appendChild(el('table', 'children'));
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    var columns = [{ key: 'residentCount', label: { zh: '居民', en: 'Residents' }, unit: 'COUNT' }];
    (sample ? sample.sections : []).forEach(function (sec) {
      sec.figures.forEach(function (f) { columns.push({ key: sec.program + '.' + f.key, label: f.label, unit: f.unit, program: sec.title }); });
    });
    F.bilingual(head.appendChild(el('th', 'name')), { zh: '名称', en: 'Name' });
    columns.forEach(function (c) {
      var th = F.bilingual(head.appendChild(el('th', 'num')), c.label);
      var unit = F.figure(0, c.unit).unit;
      if (unit) th.appendChild(el('span', 'unit', '（' + unit + '）'));
    });
    F.bilingual(head.appendChild(el('th', 'num')), { zh: '项目覆盖', en: 'Programs active' });
    var body = table.appendChild(el('tbody'));
    w.children.forEach(function (child) {
      var s = w.snaps[child.id];
      var tr = body.appendChild(el('tr'));
      tr.setAttribute('data-node', child.id);
      var name = tr.appendChild(el('td', 'name'));
      var link = name.appendChild(el('a', '', child.name));
      link.href = '?node=' + encodeURIComponent(child.id);
      link.addEventListener('click', function (ev) {
        ev.preventDefault();
        if (!nodes.some(function (n) { return n.id === child.id; })) { nodes.push(child); fillPicker(); }
        select(child.id);
      });
      var values = {};
      if (s) figuresOf(s).forEach(function (f) { values[f.key] = f; });
      columns.forEach(function (c) {
        var f = values[c.key];
        var td = tr.appendChild(el('td', 'num', f ? F.figure(f.value, f.unit).text : '…'));
        td.setAttribute('data-key', c.key);
      });
      var active = s ? s.sections.filter(function (sec) { return sec.figures.some(function (f) { return f.value > 0; }); }).length : 0;
      var total = s ? s.sections.length : 0;
      var cov = tr.appendChild(el('td', 'num coverage', s ? active + ' / ' + total : '…'));
      cov.setAttribute('data-key', 'coverage');
      if (s) cov.title = s.sections.map(function (sec) {
        return (sec.figures.some(function (f) { return f.value > 0; }) ? '✓ ' : '— ') + sec.title.zh;
      }).join('\n');
    });
  }

  window.addEventListener('pagehide', function () { if (client) client.dispose(); });
  if (session.signedIn) start();
  else showLogin('');
})();
