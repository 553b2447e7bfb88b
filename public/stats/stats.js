/*
 * The warehouse statistics page: asks Ponte's GraphQL API (same origin) with
 * the manager's token and draws what it answers. No other address is ever
 * called; the token lives in sessionStorage for this tab only and never in
 * a URL that would reach a server log (a #token=… fragment is read once and
 * removed).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'ponte.stats.token';
  var CLASSES = ['FAST', 'REGULAR', 'SLOW', 'DEAD', 'NONE'];
  var CLASS_COLOURS = { FAST: '#2e7d32', REGULAR: '#1f6feb', SLOW: '#f59e0b', DEAD: '#b42318', NONE: '#98a2b3' };
  var HISTORY_DAYS = 90;
  var TO_CLEAR_SHOWN = 50;

  var SUMMARY_FIELDS = 'asOf computedAt warehouse articles toClear byClass { class articles onHand }';
  var START_QUERY =
    'query StatsStart { statsWarehouses { code name webEnabled } all: warehouseStatsSummary { ' + SUMMARY_FIELDS + ' } }';
  var SUMMARY_QUERY =
    'query StatsSummary($warehouse: String) { warehouseStatsSummary(warehouse: $warehouse) { ' + SUMMARY_FIELDS + ' } }';
  var TO_CLEAR_QUERY =
    'query StatsToClear($warehouse: String, $first: Int, $days: Int) {' +
    ' warehouseStats(first: $first, filter: { toClear: true, warehouse: $warehouse }, orderBy: DAYS_OF_COVER_DESC) {' +
    ' totalCount edges { node { sku description unit onHand daysOfCover class lastSale' +
    ' stockHistory(days: $days) { date onHand } } } } }';

  var $ = function (id) { return document.getElementById(id); };
  var classChart = null;
  var warehouses = [];
  /** Bumped by every load of the to-clear list, so a slow answer cannot overwrite a newer one. */
  var toClearGeneration = 0;

  // ---------- formatting: exact, from the API's strings (never through a float) ----------

  /** "-1234.5" → "-1.234,5" (Italian grouping and decimal comma). */
  function formatDecimal(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
    if (!m) return String(text);
    return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (m[3] ? ',' + m[3] : '');
  }

  /** "2026-11-30" → "30/11/2026". */
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m ? m[3] + '/' + m[2] + '/' + m[1] : String(iso);
  }

  function formatInstant(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString('it-IT');
  }

  // ---------- the token ----------

  /** A #token=… fragment is taken once, then removed from the address bar and the history. */
  function tokenFromFragment() {
    var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    var token = fragment.get('token');
    if (token === null) return null;
    history.replaceState(null, '', location.pathname + location.search);
    return token.trim() || null;
  }

  function storedToken() {
    try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }

  function storeToken(token) {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* storage disabled: the token lasts as long as the page */ }
  }

  var token = null;

  // ---------- talking to Ponte ----------

  function PageError(code, message) {
    this.code = code;
    this.message = message;
  }

  /** One GraphQL request; any error in the answer is thrown, never dropped. */
  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      // JSON is what Apollo's CSRF prevention lets through without a preflight header.
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify({ query: query, variables: variables || {} }),
      credentials: 'omit',
      cache: 'no-store',
    }).then(
      function (response) {
        return response.text().then(function (text) {
          var body;
          try { body = JSON.parse(text); } catch (e) {
            throw new PageError('HTTP_' + response.status, 'Risposta non valida da Ponte (HTTP ' + response.status + ').');
          }
          if (body.errors && body.errors.length) {
            var first = body.errors[0];
            var code = (first.extensions && first.extensions.code) || 'HTTP_' + response.status;
            throw new PageError(code, first.message);
          }
          if (!response.ok || !body.data) throw new PageError('HTTP_' + response.status, 'Ponte ha risposto HTTP ' + response.status + '.');
          return body.data;
        });
      },
      function (error) {
        throw new PageError('NETWORK', 'Ponte non risponde: ' + (error && error.message ? error.message : error));
      },
    );
  }

  // ---------- page states ----------

  function setState(state, statusText) {
    document.body.dataset.state = state;
    $('status').textContent = statusText || '';
  }

  function showError(error) {
    var box = $('error');
    box.replaceChildren();
    var code = document.createElement('code');
    code.textContent = error.code || 'ERRORE';
    var text = document.createElement('span');
    box.append(code, ' ', text);
    if (error.code === 'FORBIDDEN') {
      text.textContent =
        'Questo token non può vedere le statistiche di magazzino: servono i ruoli service o agent (un token cliente non basta). ' +
        'Ponte: ' + error.message;
    } else if (error.code === 'UNAUTHENTICATED') {
      text.textContent = 'Token non valido o scaduto: inseriscine un altro. Ponte: ' + error.message;
    } else {
      text.textContent = error.message || String(error);
    }
    box.dataset.code = error.code || '';
    box.hidden = false;
    setState('error');
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') {
      // A token that cannot see the figures is of no use in this tab.
      token = null;
      storeToken(null);
      askForToken(true);
    }
  }

  function clearError() {
    $('error').hidden = true;
    $('error').replaceChildren();
  }

  function askForToken(keepError) {
    if (!keepError) clearError();
    $('content').hidden = true;
    $('forget').hidden = true;
    $('token-form').hidden = false;
    $('token-input').value = '';
    if (document.body.dataset.state !== 'error') setState('login');
    $('token-input').focus();
  }

  // ---------- the class breakdown ----------

  function cell(tag, text, attributes) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    for (var name in attributes || {}) {
      if (Object.prototype.hasOwnProperty.call(attributes, name)) el.setAttribute(name, attributes[name]);
    }
    return el;
  }

  function scopeLabel(summary) {
    if (summary.warehouse === null) return 'Tutti i magazzini';
    var w = warehouses.find(function (x) { return x.code === summary.warehouse; });
    return w ? w.code + ' · ' + w.name : summary.warehouse;
  }

  function renderBreakdown(summaries) {
    var head = $('class-table').tHead;
    var body = $('class-table').tBodies[0];
    var top = document.createElement('tr');
    top.append(cell('th', 'Magazzino', { rowspan: '2', scope: 'col' }), cell('th', 'Articoli', { rowspan: '2', scope: 'col', class: 'num' }),
      cell('th', 'Da smaltire', { rowspan: '2', scope: 'col', class: 'num' }));
    var sub = document.createElement('tr');
    CLASSES.forEach(function (c) {
      top.append(cell('th', c, { colspan: '2', scope: 'colgroup' }));
      sub.append(cell('th', 'articoli', { scope: 'col', class: 'num' }), cell('th', 'giacenza', { scope: 'col', class: 'num' }));
    });
    head.replaceChildren(top, sub);

    body.replaceChildren.apply(body, summaries.map(function (s) {
      var scope = s.warehouse === null ? '' : s.warehouse;
      var row = cell('tr', null, { 'data-warehouse': scope });
      row.append(
        cell('th', scopeLabel(s), { scope: 'row', title: 'Dati al ' + formatDate(s.asOf) + ', calcolati il ' + formatInstant(s.computedAt) }),
        cell('td', String(s.articles), { class: 'num', 'data-field': 'articles', 'data-value': String(s.articles) }),
        cell('td', String(s.toClear), { class: 'num', 'data-field': 'toClear', 'data-value': String(s.toClear) }),
      );
      CLASSES.forEach(function (c) {
        var entry = s.byClass.find(function (b) { return b.class === c; });
        var articles = entry ? String(entry.articles) : '';
        var onHand = entry ? entry.onHand : '';
        row.append(
          cell('td', articles, { class: 'num', 'data-class': c, 'data-field': 'articles', 'data-value': articles }),
          cell('td', formatDecimal(onHand), { class: 'num', 'data-class': c, 'data-field': 'onHand', 'data-value': onHand }),
        );
      });
      return row;
    }));

    var data = {
      labels: summaries.map(scopeLabel),
      datasets: CLASSES.map(function (c) {
        return {
          label: c,
          backgroundColor: CLASS_COLOURS[c],
          data: summaries.map(function (s) {
            var entry = s.byClass.find(function (b) { return b.class === c; });
            return entry ? entry.articles : 0;
          }),
        };
      }),
    };
    if (classChart) classChart.destroy();
    classChart = new window.Chart($('class-chart'), {
      type: 'bar',
      data: data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'articoli' } } },
        plugins: { legend: { position: 'right' } },
      },
    });
  }

  // ---------- the to-clear list ----------

  /**
   * A line of the end-of-day stocks, oldest left, scaled to its own range so
   * a slow drift shows; a zero line appears when the stock crossed zero.
   */
  function drawSparkline(canvas, points) {
    var ratio = window.devicePixelRatio || 1;
    var width = 120;
    var height = 28;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    var g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    // Plotting only: the figures themselves are shown as the API's exact strings.
    var values = points.map(function (p) { return Number(p.onHand); });
    if (values.length === 0) return;
    var low = Math.min.apply(null, values);
    var high = Math.max.apply(null, values);
    // A stock that never moved is a line through the middle.
    if (high === low) { low -= 1; high += 1; }
    var span = high - low;
    var pad = 3;
    var x = function (i) { return values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1); };
    var y = function (v) { return height - pad - ((v - low) * (height - 2 * pad)) / span; };
    if (low < 0 && high > 0) {
      g.strokeStyle = '#d0d5dd';
      g.lineWidth = 1;
      g.beginPath();
      g.moveTo(0, y(0));
      g.lineTo(width, y(0));
      g.stroke();
    }
    g.strokeStyle = '#1f6feb';
    g.lineWidth = 1.5;
    g.beginPath();
    values.forEach(function (v, i) { if (i === 0) g.moveTo(x(i), y(v)); else g.lineTo(x(i), y(v)); });
    g.stroke();
    g.fillStyle = '#1f6feb';
    g.beginPath();
    g.arc(x(values.length - 1), y(values[values.length - 1]), 2, 0, 2 * Math.PI);
    g.fill();
  }

  function renderToClear(connection) {
    var body = $('to-clear-table').tBodies[0];
    var rows = connection.edges.map(function (edge) {
      var a = edge.node;
      var row = cell('tr', null, { 'data-sku': a.sku });
      var cover = a.daysOfCover === null ? '' : a.daysOfCover;
      var points = a.stockHistory;
      var first = points.length ? points[0] : null;
      var last = points.length ? points[points.length - 1] : null;
      var spark = cell('canvas', null, {
        class: 'sparkline',
        role: 'img',
        'data-points': String(points.length),
        'aria-label': first && last
          ? 'Giacenza dal ' + formatDate(first.date) + ' (' + formatDecimal(first.onHand) + ') al ' + formatDate(last.date) + ' (' + formatDecimal(last.onHand) + ')'
          : 'Nessun dato',
      });
      row.append(
        cell('td', a.sku, { 'data-field': 'sku', 'data-value': a.sku }),
        cell('td', a.description, { class: 'description', 'data-field': 'description', 'data-value': a.description }),
        cell('td', formatDecimal(a.onHand) + ' ' + a.unit, { class: 'num', 'data-field': 'onHand', 'data-value': a.onHand }),
        cell('td', a.daysOfCover === null ? 'nessuna vendita' : formatDecimal(a.daysOfCover), { class: 'num', 'data-field': 'daysOfCover', 'data-value': cover }),
        cell('td', a.class, { 'data-field': 'class', 'data-value': a.class }),
        cell('td', a.lastSale === null ? 'mai' : formatDate(a.lastSale), { 'data-field': 'lastSale', 'data-value': a.lastSale === null ? '' : a.lastSale }),
      );
      var sparkCell = cell('td', null, { 'data-field': 'stockHistory' });
      sparkCell.append(spark);
      row.append(sparkCell);
      return { row: row, canvas: spark, points: points };
    });
    body.replaceChildren.apply(body, rows.map(function (r) { return r.row; }));
    rows.forEach(function (r) { drawSparkline(r.canvas, r.points); });
    var count = $('to-clear-count');
    count.dataset.total = String(connection.totalCount);
    count.textContent = connection.totalCount === 0
      ? 'Nessun articolo da smaltire.'
      : (connection.totalCount > connection.edges.length
        ? 'i primi ' + connection.edges.length + ' di ' + connection.totalCount + ' articoli, per copertura decrescente'
        : connection.totalCount + ' articoli, per copertura decrescente');
  }

  function loadToClear() {
    var generation = ++toClearGeneration;
    var code = $('warehouse').value;
    $('to-clear').dataset.state = 'loading';
    return gql(TO_CLEAR_QUERY, { warehouse: code === '' ? null : code, first: TO_CLEAR_SHOWN, days: HISTORY_DAYS }).then(function (data) {
      if (generation !== toClearGeneration) return;
      renderToClear(data.warehouseStats);
      $('to-clear').dataset.state = 'ready';
      $('to-clear').dataset.warehouse = code;
    });
  }

  // ---------- the whole page ----------

  function fillWarehouseSelect() {
    var select = $('warehouse');
    var options = [cell('option', 'Tutti i magazzini', { value: '' })].concat(
      warehouses.map(function (w) { return cell('option', w.code + ' · ' + w.name + (w.webEnabled ? '' : ' (non web)'), { value: w.code }); }),
    );
    select.replaceChildren.apply(select, options);
  }

  /** The warehouses and every summary, all together first. */
  function loadSummaries() {
    return gql(START_QUERY).then(function (data) {
      warehouses = data.statsWarehouses;
      var all = data.all;
      $('as-of').textContent = 'Dati al ' + formatDate(all.asOf) + ' · calcolati il ' + formatInstant(all.computedAt);
      $('as-of').dataset.asOf = all.asOf;
      $('as-of').dataset.computedAt = all.computedAt;
      fillWarehouseSelect();
      return Promise.all(warehouses.map(function (w) {
        return gql(SUMMARY_QUERY, { warehouse: w.code }).then(function (d) { return d.warehouseStatsSummary; });
      })).then(function (each) { return [all].concat(each); });
    });
  }

  function load() {
    clearError();
    $('token-form').hidden = true;
    $('forget').hidden = false;
    setState('loading', 'Caricamento delle statistiche…');
    $('warehouse').replaceChildren(cell('option', 'Tutti i magazzini', { value: '' }));
    // The list for every warehouse needs no code: it is asked for alongside the summaries, not after them.
    return Promise.all([loadSummaries(), loadToClear()])
      .then(function (results) {
        $('content').hidden = false;
        renderBreakdown(results[0]);
        setState('ready');
      })
      .catch(function (error) {
        if (!(error instanceof PageError)) error = new PageError('PAGE_ERROR', String(error && error.message ? error.message : error));
        showError(error);
      });
  }

  function start() {
    $('token-form').addEventListener('submit', function (event) {
      event.preventDefault();
      token = $('token-input').value.trim();
      $('token-input').value = '';
      if (!token) return;
      storeToken(token);
      load();
    });
    $('forget').addEventListener('click', function () {
      token = null;
      storeToken(null);
      askForToken(false);
    });
    $('warehouse').addEventListener('change', function () {
      clearError();
      setState('loading', 'Caricamento…');
      loadToClear().then(function () { setState('ready'); }, function (error) { showError(error instanceof PageError ? error : new PageError('PAGE_ERROR', String(error))); });
    });

    var fromFragment = tokenFromFragment();
    if (fromFragment) storeToken(fromFragment);
    token = fromFragment || storedToken();
    if (!window.Chart) {
      showError(new PageError('PAGE_ERROR', 'La libreria dei grafici non si è caricata.'));
      return;
    }
    if (token) load();
    else askForToken(false);
  }

  start();
})();
