// The wall-board: no framework, no build. Texts from /wallboard/labels, numbers from the WebSocket
// /ws/wallboard?token=… (a full snapshot on connect and on every change); reconnects by itself.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var token = params.get('token') || '';
  var lang = params.get('lang') || ((navigator.language || '').indexOf('ru') === 0 ? 'ru' : 'kk');
  var texts = { labels: {}, queues: {}, waitAlertSeconds: 60 };
  var board = null;       // the last snapshot
  var skew = 0;           // local clock minus server clock, ms
  var retry = 1000;
  var socket = null;
  var refused = false;    // the server said the token is not the board's: say so, stop retrying

  function t(key) { return texts.labels[key] || ''; }
  function queueName(name) { return texts.queues[name] || name; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }
  function waitOf(q) {
    if (q.oldestWaitingSince === null || q.oldestWaitingSince === undefined) { return 0; }
    return (Date.now() - skew - q.oldestWaitingSince) / 1000;
  }

  function applyLabels() {
    document.title = t('title');
    document.getElementById('title').textContent = t('title');
    document.documentElement.lang = texts.lang || lang;
    document.querySelectorAll('[data-label]').forEach(function (e) { e.textContent = t(e.getAttribute('data-label')); });
  }

  function cell(label, value, cls, id) {
    var d = el('div');
    d.appendChild(el('div', 'label', label));
    var v = el('div', cls, value);
    if (id) { v.id = id; }
    d.appendChild(v);
    return d;
  }

  function render() {
    if (!board) { return; }
    var box = document.getElementById('queues');
    box.textContent = '';
    board.queues.forEach(function (q) {
      var wait = waitOf(q);
      var tone = (q.waiting > 0 && q.available === 0) || wait > texts.waitAlertSeconds ? 'bad' : (q.waiting > 0 ? 'warn' : '');
      var card = el('div', 'queue ' + tone);
      card.id = 'queue-' + q.name;
      card.appendChild(el('h2', '', queueName(q.name)));
      var grid = el('div', 'grid');
      grid.appendChild(cell(t('waiting'), String(q.waiting), 'big ' + (q.waiting > 0 ? 'warn-text' : ''), 'wb-' + q.name + '-waiting'));
      grid.appendChild(cell(t('longestWait'), clock(wait), 'big wait ' + (wait > texts.waitAlertSeconds ? 'bad-text' : ''),
        'wb-' + q.name + '-longestWait'));
      grid.appendChild(cell(t('available'), String(q.available), 'mid ' + (q.available === 0 ? 'bad-text' : 'good'),
        'wb-' + q.name + '-available'));
      grid.appendChild(cell(t('talking'), String(q.talking), 'mid', 'wb-' + q.name + '-talking'));
      grid.appendChild(cell(t('paused'), String(q.paused), 'mid', 'wb-' + q.name + '-paused'));
      card.appendChild(grid);
      box.appendChild(card);
    });
    var today = board.today;
    document.getElementById('callsInProgress').textContent = String(board.callsInProgress);
    ['offered', 'answered', 'abandoned', 'wrongNumber', 'noInput'].forEach(function (k) {
      document.getElementById(k).textContent = String(today[k]);
    });
    // callers at risk no supervisor has seen yet: only a count, never who or what
    var atRisk = document.getElementById('atRisk');
    atRisk.textContent = String(board.atRisk || 0);
    atRisk.className = 'big ' + (board.atRisk > 0 ? 'bad-text' : '');
    document.getElementById('serviceLevel').textContent =
      today.serviceLevel === null || today.serviceLevel === undefined ? '–' : Math.round(today.serviceLevel * 100) + '%';
    banner();
  }

  function banner() {
    var b = document.getElementById('banner');
    var offline = !socket || socket.readyState !== WebSocket.OPEN;
    var text = refused ? t('badToken') : offline ? t('offline') : (board && !board.pbxConnected ? t('pbxDown') : '');
    b.textContent = text;
    b.hidden = !text;
  }

  function tick() {
    var now = new Date(Date.now() - skew);
    document.getElementById('clock').textContent = now.toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'kk-KZ', { hour12: false });
    if (board) {
      board.queues.forEach(function (q) {
        var e = document.getElementById('wb-' + q.name + '-longestWait');
        if (e) { e.textContent = clock(waitOf(q)); }
      });
    }
    banner();
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/wallboard?token='
      + encodeURIComponent(token);
    socket = new WebSocket(url);
    socket.onopen = function () { retry = 1000; banner(); };
    socket.onmessage = function (m) {
      board = JSON.parse(m.data);
      skew = Date.now() - board.at;
      render();
    };
    socket.onclose = function () {
      banner();
      if (refused) { return; }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  fetch('/wallboard/labels?lang=' + encodeURIComponent(lang) + '&token=' + encodeURIComponent(token))
    .then(function (r) { return r.json(); })
    .then(function (j) {
      texts = j;
      refused = j.tokenAccepted === false;
      if (refused && socket) { socket.close(); }
      applyLabels(); render(); banner();
    })
    .catch(function () { /* numbers still show; labels on the next load */ });
  connect();
  setInterval(tick, 1000);
})();
