/*
 * The lottery page (LotteryPage). Entering: this script draws a 32-byte random contribution
 * (crypto.getRandomValues), computes
 *   commitment = hex SHA-256(UTF-8("lm-lottery-v1\n" + listingNo + "\n" + bidderNo + "\n" + contribution))
 * exactly as auction/LotteryCommitment does (Web Crypto), keeps the contribution in localStorage under
 * "lm-lottery-v1:<listingNo>:<bidderNo>:<commitment>" (never overwritten: one key per commitment), and
 * posts only the commitment. The page then offers that record as a downloadable backup (JSON). In the
 * reveal window it fills the reveal form from localStorage, or from a backup file the entrant loads.
 */
(function () {
  'use strict';

  var root = document.getElementById('lottery');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var texts = {};
  var template = document.getElementById('lottery-texts');
  if (template) {
    template.content.querySelectorAll('[data-k]').forEach(function (e) {
      texts[e.getAttribute('data-k')] = e.textContent;
    });
  }
  function $(id) {
    return document.getElementById(id);
  }
  var PREFIX = 'lm-lottery-v1';
  var HEX64 = /^[0-9a-f]{64}$/;

  function storageKey(commitment) {
    return PREFIX + ':' + data.listingNo + ':' + data.bidderNo + ':' + commitment;
  }

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }

  function commitmentOf(listingNo, bidderNo, contribution) {
    var preimage = PREFIX + '\n' + listingNo + '\n' + bidderNo + '\n' + contribution;
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(preimage)).then(hex);
  }

  function read(commitment) {
    try {
      var raw = window.localStorage.getItem(storageKey(commitment));
      var record = raw ? JSON.parse(raw) : null;
      return record && record.commitment === commitment && HEX64.test(record.contribution) ? record : null;
    } catch (e) {
      return null;
    }
  }

  // ---- Entering

  var enterForm = $('enter-form');
  if (enterForm) {
    var error = $('enter-error');
    var canHash = window.crypto && crypto.getRandomValues && crypto.subtle && window.TextEncoder;
    $('lottery-needs-js').hidden = true;
    enterForm.hidden = false;
    if (!canHash) {
      error.textContent = texts.no_crypto;
      $('enter-button').disabled = true;
    }
    var sending = false;
    enterForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending || !canHash) {
        return;
      }
      error.textContent = '';
      sending = true;
      var contribution = hex(crypto.getRandomValues(new Uint8Array(32)));
      commitmentOf(data.listingNo, data.bidderNo, contribution).then(function (commitment) {
        var record = {
          format: PREFIX,
          listingId: Number(data.listingId),
          listingNo: data.listingNo,
          bidderNo: data.bidderNo,
          contribution: contribution,
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
        $('enter-commitment').value = commitment;
        enterForm.submit();
      }, function () {
        error.textContent = texts.no_crypto;
        sending = false;
      });
    });
  }

  // ---- What this browser keeps of the entry, and its backup

  var commitment = data.commitment;
  var kept = $('lottery-kept');
  var record = commitment ? read(commitment) : null;
  if (kept) {
    kept.hidden = false;
    if (record) {
      $('lottery-kept-yes').hidden = false;
      var link = $('lottery-backup');
      // A data: URL rather than a blob: one, so that the file is the link itself and nothing needs revoking.
      link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(record, null, 2) + '\n');
      link.download = 'lottery-contribution-' + record.listingNo + '-' + record.bidderNo + '.json';
      link.hidden = false;
    } else {
      $('lottery-kept-no').hidden = false;
    }
  }

  // ---- Revealing

  var revealForm = $('reveal-form');
  if (revealForm) {
    var filled = $('reveal-filled');
    var input = $('reveal-contribution');
    var fill = function (r, note) {
      input.value = r.contribution;
      filled.textContent = note;
    };
    if (record && !input.value) {
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
        if (!r || typeof r.contribution !== 'string' || !HEX64.test(r.contribution)) {
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
