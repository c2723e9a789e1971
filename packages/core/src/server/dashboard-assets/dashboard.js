/*
 * The reference live dashboard (an example for front-end teams): lists districts and
 * streets over HTTP, subscribes to `dashboard(node)` over graphql-ws (the protocol code
 * is GraphiQL's fetcher.js, served beside this file), renders the figures and charts them
 * with uPlot as snapshots arrive. No framework, no build step.
 */
(function () {
  'use strict';
  var endpoint = document.body.getAttribute('data-endpoint') || '/graphql';
  var fetcher = GongzhiGraphiQL.createFetcher({ url: endpoint });
  var $ = function (id) { return document.getElementById(id); };
  var select = $('node');
  var tokenInput = $('token');
  var status = $('status');
  var current = null; // the running subscription's iterator
  var chart = null;
  var chartKeys = '';
  var history = { t: [], series: {} };

  var DASHBOARD = 'subscription Dashboard($n: ID!) { dashboard(node: $n) { node level name residentCount ' +
    'careTagCounts { tag count } cursor version computedAt ' +
    'sections { program title { zh en } figures { key value label { zh en } } } } }';

  function headers() {
    var t = tokenInput.value.trim();
    return t ? { headers: { Authorization: /^Bearer /i.test(t) ? t : 'Bearer ' + t } } : undefined;
  }
  function setStatus(state, text) {
    status.setAttribute('data-state', state);
    status.textContent = text;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function card(key, label, value) {
    var c = el('div', { class: 'card', 'data-key': key });
    c.appendChild(el('div', { class: 'value' }, value));
    c.appendChild(el('div', { class: 'label' }, label));
    return c;
  }

  function loadNodes() {
    return Promise.resolve(fetcher({ query: '{ districts(first: 100) { nodes { id name streets(first: 100) { nodes { id name } } } } }' }, headers()))
      .then(function (res) {
        if (res.errors) throw new Error(res.errors[0].message);
        select.innerHTML = '';
        select.appendChild(el('option', { value: '' }, '— 选择区或街道 / pick a district or street —'));
        res.data.districts.nodes.forEach(function (d) {
          var group = el('optgroup', { label: d.name });
          group.appendChild(el('option', { value: d.id }, d.name + '（全区 / district）'));
          d.streets.nodes.forEach(function (s) { group.appendChild(el('option', { value: s.id }, s.name)); });
          select.appendChild(group);
        });
        var wanted = new URLSearchParams(location.search).get('node');
        if (wanted) { select.value = wanted; watch(wanted); }
      })
      .catch(function (e) { setStatus('error', '加载失败 / ' + e.message); });
  }

  function render(s) {
    var summary = $('summary');
    summary.innerHTML = '';
    summary.appendChild(el('h2', {}, s.name + ' · ' + s.level));
    var cards = el('div', { class: 'cards' });
    cards.appendChild(card('residentCount', '居民 / Residents', s.residentCount));
    s.careTagCounts.forEach(function (c) { cards.appendChild(card('care.' + c.tag, c.tag, c.count)); });
    summary.appendChild(cards);
    var sections = $('sections');
    sections.innerHTML = '';
    s.sections.forEach(function (sec) {
      var box = el('div', { 'data-program': sec.program });
      box.appendChild(el('h2', {}, sec.title.zh + ' / ' + sec.title.en));
      var row = el('div', { class: 'cards' });
      sec.figures.forEach(function (f) { row.appendChild(card(sec.program + '.' + f.key, f.label.zh + ' / ' + f.label.en, f.value)); });
      box.appendChild(row);
      sections.appendChild(box);
    });
    document.body.setAttribute('data-version', String(s.version));
    plot(s);
  }

  /** One line per section figure plus residents, over the time the page has been watching. */
  function plot(s) {
    var points = { residents: s.residentCount };
    s.sections.forEach(function (sec) { sec.figures.forEach(function (f) { points[sec.program + '.' + f.key] = f.value; }); });
    var keys = Object.keys(points);
    if (keys.join() !== chartKeys) {
      chartKeys = keys.join();
      history = { t: [], series: {} };
      keys.forEach(function (k) { history.series[k] = []; });
      if (chart) chart.destroy();
      var colors = ['#0b3d91', '#d64545', '#2f9e44', '#f08c00', '#7048e8', '#1098ad'];
      chart = new uPlot({
        width: Math.max(320, $('chart').clientWidth - 16), height: 260,
        series: [{}].concat(keys.map(function (k, i) { return { label: k, stroke: colors[i % colors.length], width: 2 }; })),
        scales: { x: { time: true } },
      }, [[]].concat(keys.map(function () { return []; })), $('chart'));
    }
    history.t.push(Date.parse(s.computedAt) / 1000);
    keys.forEach(function (k) { history.series[k].push(points[k]); });
    if (history.t.length > 600) { history.t.shift(); keys.forEach(function (k) { history.series[k].shift(); }); }
    chart.setData([history.t].concat(keys.map(function (k) { return history.series[k]; })));
  }

  function watch(node) {
    if (current && current.return) current.return();
    current = null;
    chartKeys = '';
    if (!node) return;
    setStatus('connecting', '连接中 / connecting…');
    var params = new URLSearchParams(location.search);
    params.set('node', node);
    window.history.replaceState(null, '', '?' + params.toString());
    Promise.resolve(fetcher({ query: DASHBOARD, variables: { n: node }, operationName: 'Dashboard' }, headers())).then(function (it) {
      if (!it || !it[Symbol.asyncIterator]) {
        setStatus('error', (it && it.errors && it.errors[0].message) || 'subscription failed');
        return;
      }
      current = it;
      var step = function () {
        it.next().then(function (r) {
          if (r.done || current !== it) return;
          var v = r.value;
          if (v.errors) setStatus('error', v.errors[0].message);
          else if (v.data) {
            render(v.data.dashboard);
            setStatus('live', '实时 / live · ' + new Date().toLocaleTimeString());
          }
          step();
        }, function (e) { setStatus('error', String(e && e.message || e)); });
      };
      step();
    });
  }

  select.addEventListener('change', function () { watch(select.value); });
  tokenInput.addEventListener('change', function () { loadNodes(); });
  window.addEventListener('pagehide', function () { fetcher.dispose(); });
  loadNodes();
})();
