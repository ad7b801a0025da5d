/*
 * The bidding room (RoomPage): keeps the server-rendered quote, countdown, bid history and chart up to
 * date from the listing's live feed (Server-Sent Events), reconnects by itself and catches up on the
 * bids it missed, and helps with the bid form (the amount in Chinese capitals, one increment more).
 * The countdown runs on the server's clock: offset = server time - Date.now(), from the page's
 * data-server-time and from the "at" of every event, so a device whose clock is wrong still shows
 * the right time left.
 */
(function () {
  'use strict';

  var root = document.getElementById('room');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var texts = {};
  var template = document.getElementById('room-texts');
  if (template) {
    template.content.querySelectorAll('[data-k]').forEach(function (e) {
      texts[e.getAttribute('data-k')] = e.textContent;
    });
  }
  function t(key, a, b) {
    var s = texts[key] || '';
    return s.replace('§1', a === undefined ? '' : a).replace('§2', b === undefined ? '' : b);
  }
  function $(id) {
    return document.getElementById(id);
  }

  // ---- Times: the API writes ISO-8601 with the market's offset, sometimes with microseconds.

  function parseTime(iso) {
    if (!iso) {
      return NaN;
    }
    return Date.parse(String(iso).replace(/(\.\d{3})\d+/, '$1'));
  }
  function shownTime(iso) {
    return iso ? iso.slice(0, 10) + ' ' + iso.slice(11, 19) : '—';
  }

  var offset = 0;
  function learnServerTime(iso) {
    var at = parseTime(iso);
    if (!isNaN(at)) {
      offset = at - Date.now();
    }
  }
  function serverNow() {
    return Date.now() + offset;
  }
  learnServerTime(data.serverTime);

  // ---- Money: fen as whole numbers (amounts stay far below 2^53 fen).

  function fenOf(yuan) {
    var m = /^(0|[1-9][0-9]{0,12})(?:\.([0-9]{1,2}))?$/.exec(String(yuan).trim().replace(/[\s,，¥￥]/g, ''));
    if (!m) {
      return null;
    }
    return Number(m[1]) * 100 + Number(((m[2] || '') + '00').slice(0, 2));
  }
  function plainYuan(fen) {
    return Math.floor(fen / 100) + '.' + String(fen % 100).padStart(2, '0');
  }
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  function money(fen) {
    return '¥' + grouped(Math.floor(fen / 100)) + '.' + String(fen % 100).padStart(2, '0');
  }

  // The same rules as cn.landmarket.common.ChineseNumerals.
  var DIGITS = '零壹贰叁肆伍陆柒捌玖';
  var PLACES = ['', '拾', '佰', '仟'];
  function capitals(fen) {
    if (fen === null || fen < 0 || fen >= 1e18) {
      return '';
    }
    if (fen === 0) {
      return '零元整';
    }
    var yuan = Math.floor(fen / 100);
    var jiao = Math.floor(fen / 10) % 10;
    var cents = fen % 10;
    var out = '';
    if (yuan > 0) {
      var digits = String(yuan);
      var groups = [0, 0, 0, 0];
      var i;
      for (i = 0; i < digits.length; i++) {
        groups[Math.floor((digits.length - 1 - i) / 4)] += Number(digits[i]);
      }
      var zero = false;
      for (i = 0; i < digits.length; i++) {
        var position = digits.length - 1 - i;
        var d = Number(digits[i]);
        if (d === 0) {
          zero = out.length > 0;
        } else {
          if (zero) {
            out += '零';
            zero = false;
          }
          out += DIGITS[d] + PLACES[position % 4];
        }
        if (position % 4 === 0 && position > 0 && groups[position / 4] > 0) {
          var group = position / 4;
          out += group === 1 ? '万' : group === 2 ? '亿' : (groups[2] > 0 ? '万' : '万亿');
        }
      }
      out += '元';
    }
    if (jiao === 0 && cents === 0) {
      return out + '整';
    }
    if (jiao > 0) {
      out += DIGITS[jiao] + '角';
    } else if (yuan > 0) {
      out += '零';
    }
    if (cents > 0) {
      out += DIGITS[cents] + '分';
    }
    return out;
  }

  // ---- The quote and the countdown.

  var status = data.status;
  var deadline = parseTime(data.deadline);
  var startFen = Number(data.startFen);
  var incrementFen = Number(data.incrementFen);
  var capFen = data.capFen ? Number(data.capFen) : null;
  var myBidder = data.myBidder || '';
  var highestFen = null;
  var TIMED = { ANNOUNCED: true, LISTING: true, TIMED_BIDDING: true };
  var OPEN = { LISTING: true, TIMED_BIDDING: true };

  function two(n) {
    return String(n).padStart(2, '0');
  }
  function tick() {
    var el = $('room-countdown');
    if (!el) {
      return;
    }
    if (!TIMED[status] || isNaN(deadline)) {
      el.textContent = '—';
      el.setAttribute('data-remaining', '0');
      return;
    }
    var seconds = Math.max(0, Math.floor((deadline - serverNow()) / 1000));
    var days = Math.floor(seconds / 86400);
    var clock = two(Math.floor(seconds % 86400 / 3600)) + ':' + two(Math.floor(seconds % 3600 / 60)) + ':'
        + two(seconds % 60);
    el.textContent = (days > 0 ? t('days', days) + ' ' : '') + clock;
    el.setAttribute('data-remaining', String(seconds));
  }

  function setStatus(next) {
    if (!next || next === status) {
      return;
    }
    status = next;
    root.setAttribute('data-status', status);
    $('room-status').textContent = t('status.' + status);
    $('room-countdown-label').textContent = t('countdown.' + status);
    announce(t('announce_status', t('status.' + status)));
    var lottery = $('room-lottery');
    if (lottery) {
      // A bid reached the cap of a listing that draws lots there: the round has its own page.
      lottery.hidden = status !== 'LOTTERY';
    }
    formFollowsStatus();
  }
  function setPrice(yuan) {
    if (yuan === undefined) {
      return;
    }
    highestFen = yuan === null ? null : fenOf(yuan);
    $('room-price').textContent = highestFen === null ? t('no_bid_yet') : money(highestFen);
    minimumFollowsPrice();
  }
  function setLeader(no) {
    if (no) {
      $('room-leader').textContent = no;
    }
  }
  function setDeadline(iso) {
    deadline = parseTime(iso);
    root.setAttribute('data-deadline', iso || '');
    tick();
  }
  function announce(text) {
    var el = $('room-announce');
    if (el && text) {
      el.textContent = text;
    }
  }

  // ---- The bid history and the chart.

  var tbody = document.querySelector('#room-bids tbody');
  var HISTORY = 100;

  function lastSequence() {
    var first = tbody && tbody.querySelector('tr');
    return first ? Number(first.getAttribute('data-seq')) : 0;
  }
  function cell(tag, text, cls) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (cls) {
      c.className = cls;
    }
    return c;
  }
  function bidRow(b) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-seq', String(b.sequence));
    tr.setAttribute('data-at', b.at);
    tr.setAttribute('data-amount', b.amount);
    tr.setAttribute('data-bidder', b.bidderNo);
    var head = cell('th', String(b.sequence));
    head.setAttribute('scope', 'row');
    tr.appendChild(head);
    var who = cell('td', b.bidderNo);
    if (myBidder && b.bidderNo === myBidder) {
      tr.className = 'mine';
      who.appendChild(document.createTextNode(' '));
      who.appendChild(cell('span', t('mine'), 'mine-tag'));
    }
    tr.appendChild(who);
    tr.appendChild(cell('td', money(fenOf(b.amount)), 'num'));
    tr.appendChild(cell('td', shownTime(b.at)));
    tr.appendChild(cell('td', t('status.' + b.phase)));
    return tr;
  }
  function trimHistory() {
    while (tbody.rows.length > HISTORY) {
      tbody.deleteRow(tbody.rows.length - 1);
    }
    $('room-no-bids').hidden = tbody.rows.length > 0;
  }
  function setCount(n) {
    $('room-bid-count').textContent = String(n);
    root.setAttribute('data-bid-count', String(n));
  }

  function addBid(ev) {
    var last = lastSequence();
    if (ev.sequence <= last) {
      return;
    }
    if (ev.sequence > last + 1) {
      catchUp(false);
    }
    var tr = bidRow({ sequence: ev.sequence, bidderNo: ev.bidderNo, amount: ev.amount, at: ev.at, phase: ev.status });
    tbody.insertBefore(tr, tbody.firstChild);
    trimHistory();
    setCount(ev.sequence);
    drawChart();
  }

  var fetching = null;
  /** Reads the bid history again from the public API, so that bids missed while disconnected appear. */
  function catchUp(reconnected) {
    if (!tbody || !data.bids) {
      return;
    }
    if (fetching) {
      return;
    }
    function page(n) {
      return fetch(data.bids + '?page=' + n + '&size=' + HISTORY, { headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) {
            throw new Error('HTTP ' + r.status);
          }
          return r.json();
        });
    }
    fetching = page(0).then(function (first) {
      if (first.total <= HISTORY) {
        return { total: first.total, items: first.items };
      }
      var last = Math.floor((first.total - 1) / HISTORY);
      return Promise.all([page(last - 1), page(last)]).then(function (pages) {
        var items = pages[0].items.concat(pages[1].items);
        return { total: first.total, items: items.slice(Math.max(0, items.length - HISTORY)) };
      });
    }).then(function (result) {
      var rows = document.createDocumentFragment();
      result.items.slice().reverse().forEach(function (b) {
        rows.appendChild(bidRow({ sequence: b.sequence, bidderNo: b.bidderNo, amount: b.amount, at: b.acceptedAt,
          phase: b.phase }));
      });
      var known = lastSequence();
      if (result.items.length && result.items[result.items.length - 1].sequence >= known) {
        tbody.textContent = '';
        tbody.appendChild(rows);
        trimHistory();
        setCount(result.total);
        drawChart();
      }
      if (reconnected) {
        setConnection('caught_up', 'live');
      }
    }).catch(function () {
      // the next snapshot tries again
    }).then(function () {
      fetching = null;
    });
  }

  var chart = null;
  function chartData() {
    var xs = [];
    var ys = [];
    var rows = tbody ? Array.prototype.slice.call(tbody.rows).reverse() : [];
    rows.forEach(function (tr) {
      var at = parseTime(tr.getAttribute('data-at'));
      var fen = fenOf(tr.getAttribute('data-amount'));
      if (!isNaN(at) && fen !== null) {
        xs.push(at / 1000);
        ys.push(fen / 100);
      }
    });
    return [xs, ys];
  }
  function drawChart() {
    var el = $('room-chart');
    if (!el || typeof window.uPlot === 'undefined') {
      return;
    }
    var series = chartData();
    if (chart) {
      chart.setData(series);
      return;
    }
    var zone = data.zone || 'Asia/Shanghai';
    var clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit',
      second: '2-digit', hour12: false });
    function clockOf(seconds) {
      return clockFormat.format(new Date(seconds * 1000));
    }
    chart = new window.uPlot({
      width: Math.max(200, el.clientWidth),
      height: 240,
      legend: { show: false },
      cursor: { show: true, drag: { x: false, y: false } },
      tzDate: function (ts) {
        return window.uPlot.tzDate(new Date(ts * 1000), zone);
      },
      scales: { x: { time: true } },
      series: [{}, { stroke: '#8a1c1c', width: 2, points: { show: true, size: 6, fill: '#8a1c1c' } }],
      axes: [{
        stroke: '#4a5560',
        space: 80,
        values: function (u, values) {
          return values.map(function (v) {
            return clockOf(v);
          });
        }
      }, {
        stroke: '#4a5560',
        size: 90,
        values: function (u, values) {
          return values.map(function (v) {
            return grouped(Math.round(v));
          });
        }
      }]
    }, series, el);
  }
  window.addEventListener('resize', function () {
    var el = $('room-chart');
    if (chart && el) {
      chart.setSize({ width: Math.max(200, el.clientWidth), height: 240 });
    }
  });

  // ---- The bid form.

  var amount = null;
  var hint = null;
  function showCapitals() {
    var out = $('bid-capitals');
    if (amount && out) {
      out.textContent = capitals(fenOf(amount.value));
    }
  }
  function minimumFen() {
    return highestFen === null ? startFen : highestFen + incrementFen;
  }
  function minimumFollowsPrice() {
    if (!amount || !hint) {
      return;
    }
    var minimum = minimumFen();
    hint.setAttribute('data-minimum-fen', String(minimum));
    hint.textContent = t('amount_hint', money(minimum), money(incrementFen));
    var typed = fenOf(amount.value);
    if (typed === null || typed < minimum) {
      amount.value = plainYuan(capFen !== null ? Math.min(minimum, capFen) : minimum);
      showCapitals();
    }
  }
  /** The form of a room that opened while it was watched: the server sent it in a template, shown now. */
  function showLaterForm() {
    var later = $('bid-form-later');
    var closed = $('bid-closed');
    if (!later || !closed) {
      return;
    }
    closed.parentNode.replaceChild(later.content.cloneNode(true), closed);
    later.parentNode.removeChild(later);
    bindForm();
    minimumFollowsPrice();
    showCapitals();
  }
  function formFollowsStatus() {
    var open = !!OPEN[status];
    if (open && !$('bid-form') && !$('bid-confirm')) {
      showLaterForm();
    }
    document.querySelectorAll('#bid-form button, #bid-confirm button').forEach(function (b) {
      b.disabled = !open;
    });
    var closed = $('bid-closed-live');
    if (!open && !closed && ($('bid-form') || $('bid-confirm'))) {
      closed = cell('p', t('not_open'), 'notice');
      closed.id = 'bid-closed-live';
      var form = $('bid-form') || $('bid-confirm');
      form.parentNode.insertBefore(closed, form);
    } else if (open && closed) {
      closed.parentNode.removeChild(closed);
    }
  }
  function bindForm() {
    amount = $('bid-amount');
    hint = $('bid-hint');
    if (!amount) {
      return;
    }
    amount.addEventListener('input', showCapitals);
    var raise = $('bid-raise');
    if (raise) {
      raise.addEventListener('click', function (e) {
        e.preventDefault();
        var typed = fenOf(amount.value);
        var next = (typed === null ? minimumFen() : typed) + incrementFen;
        if (capFen !== null && next > capFen) {
          next = capFen;
        }
        amount.value = plainYuan(next);
        showCapitals();
        amount.focus();
      });
    }
  }
  bindForm();
  var confirmForm = $('bid-confirm');
  if (confirmForm) {
    var sent = false;
    confirmForm.addEventListener('submit', function (e) {
      // The idempotency key already makes a resent form harmless; this only spares the second request.
      if (sent) {
        e.preventDefault();
        return;
      }
      sent = true;
    });
  }
  var receipt = $('receipt');
  if (receipt) {
    receipt.focus();
  }

  // ---- The live feed.

  function setConnection(key, state) {
    var el = $('room-connection');
    el.textContent = t('conn_' + key);
    el.className = 'connection ' + (state || '');
    root.setAttribute('data-connection', key);
  }

  var source = null;
  var retryTimer = null;
  var retryDelay = 1000;
  var connectedOnce = false;
  var disconnected = false;
  var lastMessage = Date.now();

  function connect() {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
    }
    setConnection(connectedOnce ? 'reconnecting' : 'connecting', connectedOnce ? 'down' : '');
    lastMessage = Date.now();
    // The browser's own reconnection sends Last-Event-ID by itself; a connection this script opens
    // again says the last bid it shows, so the server first sends the bids missed meanwhile.
    var seen = lastSequence();
    source = new EventSource(connectedOnce && seen > 0 ? data.feed + '?lastEventId=' + seen : data.feed);
    function receive(m) {
      lastMessage = Date.now();
      var ev;
      try {
        ev = JSON.parse(m.data);
      } catch (ignored) {
        return;
      }
      handle(ev);
    }
    ['snapshot', 'bid', 'status', 'heartbeat'].forEach(function (type) {
      source.addEventListener(type, receive);
    });
    source.onerror = function () {
      disconnected = true;
      setConnection('reconnecting', 'down');
      if (source.readyState === EventSource.CLOSED) {
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    };
  }

  function handle(ev) {
    if (ev.at) {
      learnServerTime(ev.at);
    }
    switch (ev.type) {
      case 'snapshot':
        retryDelay = 1000;
        setStatus(ev.status);
        setPrice(ev.currentPrice === undefined ? null : ev.currentPrice);
        setLeader(ev.leadingBidderNo);
        setDeadline(ev.deadline);
        if ((ev.sequence || 0) !== lastSequence()) {
          // More was missed than the feed sends again (or the page is older than the feed): read the history.
          setConnection(disconnected ? 'reconnecting' : 'live', disconnected ? 'down' : 'live');
          catchUp(disconnected);
        } else {
          setConnection(disconnected ? 'caught_up' : 'live', 'live');
        }
        connectedOnce = true;
        disconnected = false;
        break;
      case 'bid':
        setStatus(ev.status);
        setPrice(ev.currentPrice);
        setLeader(ev.leadingBidderNo);
        if (ev.deadline) {
          // A bid sent again after a reconnection has none: the snapshot after it gives the current one.
          setDeadline(ev.deadline);
        }
        addBid(ev);
        announce(t('announce_bid', ev.bidderNo, money(fenOf(ev.amount))));
        break;
      case 'status':
        setStatus(ev.status);
        if (ev.currentPrice) {
          setPrice(ev.currentPrice);
        }
        if (ev.deadline || ev.status !== 'LISTING') {
          setDeadline(ev.deadline);
        } else {
          listingEnd();
        }
        break;
      default:
        break;
    }
  }

  /** A listing that has just opened: its deadline is the end of the listing period. */
  function listingEnd() {
    fetch('/api/public/listings/' + data.listing, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (listing) {
        if (listing && listing.listingEnd) {
          setDeadline(listing.listingEnd);
        }
      }).catch(function () {});
  }

  // A feed that has said nothing for well over two heartbeats (15 s each) is presumed dead.
  setInterval(function () {
    if (source && Date.now() - lastMessage > 40000) {
      disconnected = true;
      connect();
    }
  }, 5000);
  window.addEventListener('online', function () {
    if (!source || source.readyState !== EventSource.OPEN) {
      connect();
    }
  });

  highestFen = data.price ? fenOf(data.price) : null;
  showCapitals();
  tick();
  setInterval(tick, 250);
  drawChart();
  formFollowsStatus();
  if (typeof EventSource !== 'undefined' && data.feed) {
    connect();
  }
}());
