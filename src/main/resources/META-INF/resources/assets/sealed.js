/*
 * The sealed quotation page (QuotationPage). Committing: the amount typed never leaves the browser
 * before the reveal; this script draws a 32-byte salt (crypto.getRandomValues), computes
 *   commitment = hex SHA-256(UTF-8("lm-sealed-v1\n" + listingNo + "\n" + bidderNo + "\n" + amountFen + "\n" + salt))
 * exactly as auction/SealedCommitment does (Web Crypto), keeps amount and salt in localStorage under
 * "lm-sealed-v1:<listingNo>:<bidderNo>:<commitment>" (never overwritten: one key per commitment), and
 * posts only the commitment. The page then offers that record as a downloadable backup (JSON). In the
 * reveal window it fills the reveal form from localStorage, or from a backup file the bidder loads.
 */
(function () {
  'use strict';

  var root = document.getElementById('sealed');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var texts = {};
  var template = document.getElementById('sealed-texts');
  if (template) {
    template.content.querySelectorAll('[data-k]').forEach(function (e) {
      texts[e.getAttribute('data-k')] = e.textContent;
    });
  }
  function $(id) {
    return document.getElementById(id);
  }
  var PREFIX = 'lm-sealed-v1';

  function storageKey(commitment) {
    return PREFIX + ':' + data.listingNo + ':' + data.bidderNo + ':' + commitment;
  }

  /** Yuan as typed ("23,000,000.00", "¥23000000") to fen as a decimal string without leading zeros; null when unreadable. */
  function fenOf(typed) {
    var s = String(typed || '').replace(/[\s,，¥￥]/g, '');
    var m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) {
      return null;
    }
    var fen = BigInt(m[1]) * 100n + BigInt(((m[2] || '') + '00').slice(0, 2));
    return fen > 0n ? fen.toString() : null;
  }

  /** Fen (decimal string) as the API's yuan string: "2300000000" → "23000000.00". */
  function yuanOf(fen) {
    var f = BigInt(fen);
    return (f / 100n).toString() + '.' + (f % 100n).toString().padStart(2, '0');
  }

  function grouped(fen) {
    var y = yuanOf(fen);
    var dot = y.indexOf('.');
    return '¥' + y.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + y.slice(dot);
  }

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }

  function commitmentOf(listingNo, bidderNo, amountFen, salt) {
    var preimage = PREFIX + '\n' + listingNo + '\n' + bidderNo + '\n' + amountFen + '\n' + salt;
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(preimage)).then(hex);
  }

  function read(commitment) {
    try {
      var raw = window.localStorage.getItem(storageKey(commitment));
      var record = raw ? JSON.parse(raw) : null;
      return record && record.commitment === commitment ? record : null;
    } catch (e) {
      return null;
    }
  }

  // ---- Committing

  var commitForm = $('commit-form');
  if (commitForm) {
    var error = $('sealed-amount-error');
    var amount = $('sealed-amount');
    var canHash = window.crypto && crypto.subtle && window.TextEncoder && typeof BigInt === 'function';
    $('sealed-needs-js').hidden = true;
    commitForm.hidden = false;
    if (!canHash) {
      error.textContent = texts.no_crypto;
      $('commit-button').disabled = true;
    }
    var sending = false;
    commitForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending || !canHash) {
        return;
      }
      var fen = fenOf(amount.value);
      if (fen === null) {
        error.textContent = texts.amount_invalid;
        amount.setAttribute('aria-invalid', 'true');
        amount.focus();
        return;
      }
      if (BigInt(fen) < BigInt(data.startFen)) {
        error.textContent = texts.amount_below_start;
        amount.setAttribute('aria-invalid', 'true');
        amount.focus();
        return;
      }
      amount.removeAttribute('aria-invalid');
      error.textContent = '';
      sending = true;
      var salt = hex(crypto.getRandomValues(new Uint8Array(32)));
      commitmentOf(data.listingNo, data.bidderNo, fen, salt).then(function (commitment) {
        var record = {
          format: PREFIX,
          listingId: Number(data.listingId),
          listingNo: data.listingNo,
          bidderNo: data.bidderNo,
          amount: yuanOf(fen),
          amountFen: fen,
          salt: salt,
          commitment: commitment,
          createdAt: new Date().toISOString()
        };
        try {
          window.localStorage.setItem(storageKey(commitment), JSON.stringify(record));
        } catch (e) {
          error.textContent = texts.storage_failed;
          sending = false;
          return;
        }
        $('commit-commitment').value = commitment;
        amount.value = '';
        commitForm.submit();
      }, function () {
        error.textContent = texts.no_crypto;
        sending = false;
      });
    });
  }

  // ---- What this browser keeps of the quotation, and its backup

  var commitment = data.commitment;
  var kept = $('sealed-kept');
  var record = commitment ? read(commitment) : null;
  if (kept) {
    kept.hidden = false;
    if (record) {
      $('sealed-kept-yes').hidden = false;
      $('sealed-kept-amount').textContent = grouped(record.amountFen);
      var link = $('sealed-backup');
      // A data: URL rather than a blob: one, so that the file is the link itself and nothing needs revoking.
      link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(record, null, 2) + '\n');
      link.download = 'sealed-quotation-' + record.listingNo + '-' + record.bidderNo + '.json';
      link.hidden = false;
    } else {
      $('sealed-kept-no').hidden = false;
    }
  }

  // ---- Revealing

  var revealForm = $('reveal-form');
  if (revealForm) {
    var filled = $('reveal-filled');
    var fill = function (r, note) {
      $('reveal-amount').value = r.amount || yuanOf(r.amountFen);
      $('reveal-salt').value = r.salt;
      filled.textContent = note;
    };
    if (record && !$('reveal-amount').value) {
      fill(record, texts.filled_browser);
    }
    $('reveal-upload').hidden = false;
    $('reveal-file').addEventListener('change', function () {
      var file = this.files && this.files[0];
      if (!file) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var r;
        try {
          r = JSON.parse(String(reader.result));
        } catch (e) {
          filled.textContent = texts.file_unreadable;
          return;
        }
        if (!r || typeof r.salt !== 'string' || (!r.amount && !r.amountFen)) {
          filled.textContent = texts.file_unreadable;
          return;
        }
        if (r.commitment !== commitment) {
          filled.textContent = texts.file_other;
          return;
        }
        fill(r, texts.filled_file);
      };
      reader.onerror = function () {
        filled.textContent = texts.file_unreadable;
      };
      reader.readAsText(file);
    });
  }
})();
