/*
 * The sealed quotation page (QuotationPage). Committing: the amount typed never leaves the browser
 * before the reveal; this script draws a 32-byte salt, computes
 *   commitment = hex SHA-256(UTF-8("lm-sealed-v1\n" + listingNo + "\n" + bidderNo + "\n" + amountFen + "\n" + salt))
 * exactly as auction/SealedCommitment does, keeps amount and salt in the browser (commit.js), and
 * posts only the commitment. The page then offers that record as a downloadable backup (JSON). In the
 * reveal window it fills the reveal form from the browser's storage, or from a backup file the bidder loads.
 */
(function () {
  'use strict';

  var root = document.getElementById('sealed');
  if (!root) {
    return;
  }
  var C = window.LmCommit;
  var data = root.dataset;
  var texts = C.texts('sealed-texts');
  function $(id) {
    return document.getElementById(id);
  }
  var FORMAT = 'lm-sealed-v1';
  var valid = function (r) {
    return typeof r.salt === 'string' && !!(r.amount || r.amountFen);
  };
  var keeper = C.keeper(FORMAT, data, valid);

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

  // ---- Committing

  var commitForm = $('commit-form');
  if (commitForm) {
    var error = $('sealed-amount-error');
    var amount = $('sealed-amount');
    var canHash = C.canHash() && typeof BigInt === 'function';
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
      var salt = C.randomHex();
      C.commitment(FORMAT, [data.listingNo, data.bidderNo, fen, salt]).then(function (commitment) {
        var stored = keeper.write({
          format: FORMAT,
          listingId: Number(data.listingId),
          listingNo: data.listingNo,
          bidderNo: data.bidderNo,
          amount: yuanOf(fen),
          amountFen: fen,
          salt: salt,
          commitment: commitment,
          createdAt: new Date().toISOString()
        });
        if (!stored) {
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
  var record = commitment ? keeper.read(commitment) : null;
  if (kept) {
    kept.hidden = false;
    if (record) {
      $('sealed-kept-yes').hidden = false;
      $('sealed-kept-amount').textContent = grouped(record.amountFen);
      C.offerBackup($('sealed-backup'), record,
          'sealed-quotation-' + record.listingNo + '-' + record.bidderNo + '.json');
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
    C.onBackupFile($('reveal-file'), commitment, valid, function (r) {
      fill(r, texts.filled_file);
    }, filled, texts);
  }
})();
