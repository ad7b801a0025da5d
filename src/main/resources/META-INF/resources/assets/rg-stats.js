/*
 * The regulator's market statistics (/regulator/statistics): two uPlot charts, sales volume and
 * average price per mu by month and asset type, drawn from the page's own table (the same numbers,
 * region by region, summed here over regions). The table stays the accessible form of the data.
 */
(function () {
  'use strict';

  var table = document.getElementById('stats-table');
  if (!table || typeof uPlot === 'undefined') {
    return;
  }
  var labels = document.getElementById('stats-labels');
  var COLOURS = ['#8a1c1c', '#0b4f8a', '#1d6b35', '#8a4b00'];
  var M2_PER_MU = 10000 / 15;

  function label(key) {
    var el = labels && labels.content.querySelector('[data-k="' + key + '"]');
    return el ? el.textContent.trim() : key;
  }

  // month -> type -> {fen, m2}, summed over regions; amounts as Numbers of yuan only for drawing.
  var months = [];
  var types = [];
  var sums = {};
  table.querySelectorAll('tbody tr').forEach(function (row) {
    var month = row.getAttribute('data-month');
    var type = row.getAttribute('data-type');
    if (months.indexOf(month) < 0) {
      months.push(month);
    }
    if (types.indexOf(type) < 0) {
      types.push(type);
    }
    var key = month + '|' + type;
    var s = sums[key] || (sums[key] = { fen: 0, m2: 0 });
    s.fen += Number(row.getAttribute('data-total-fen'));
    s.m2 += Number(row.getAttribute('data-area-m2'));
  });
  months.sort();

  function monthSeconds(month) {
    var parts = month.split('-');
    return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, 1) / 1000;
  }

  function series(measure) {
    return types.map(function (type) {
      return months.map(function (month) {
        var s = sums[month + '|' + type];
        if (!s) {
          return null;
        }
        return measure === 'volume' ? s.fen / 100 : (s.m2 > 0 ? (s.fen / 100) / (s.m2 / M2_PER_MU) : null);
      });
    });
  }

  function yuan(value) {
    return value === null || value === undefined ? '—'
      : '¥' + Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function monthLabel(seconds) {
    var d = new Date(seconds * 1000);
    return d.getUTCFullYear() + '-' + (d.getUTCMonth() < 9 ? '0' : '') + (d.getUTCMonth() + 1);
  }

  var charts = [];

  function draw(box) {
    var measure = box.getAttribute('data-measure');
    var width = Math.max(200, box.clientWidth);
    var opts = {
      width: width,
      height: 260,
      scales: { x: { time: false } },
      series: [{ label: '', value: function (u, v) { return v === null ? '—' : monthLabel(v); } }].concat(
        types.map(function (type, i) {
          return {
            label: label(type),
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: true, size: 6 },
            value: function (u, v) { return yuan(v); }
          };
        })),
      axes: [
        {
          splits: function () { return months.map(monthSeconds); },
          values: function (u, splits) { return splits.map(monthLabel); }
        },
        {
          size: 80,
          values: function (u, splits) { return splits.map(yuan); }
        }
      ]
    };
    var data = [months.map(monthSeconds)].concat(series(measure));
    charts.push({ box: box, plot: new uPlot(opts, data, box) });
  }

  document.querySelectorAll('.chart[data-measure]').forEach(draw);

  var pending = null;
  window.addEventListener('resize', function () {
    if (pending) {
      clearTimeout(pending);
    }
    pending = setTimeout(function () {
      charts.forEach(function (c) {
        c.plot.setSize({ width: Math.max(200, c.box.clientWidth), height: 260 });
      });
    }, 150);
  });
}());
