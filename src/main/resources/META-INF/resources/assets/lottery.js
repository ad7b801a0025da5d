/*
 * The lottery page (LotteryPage). Entering: this script draws a 32-byte random contribution,
 * computes
 *   commitment = hex SHA-256(UTF-8("lm-lottery-v1\n" + listingNo + "\n" + bidderNo + "\n" + contribution))
 * exactly as auction/LotteryCommitment does, keeps the contribution in the browser (commit.js) and
 * posts only the commitment. The page then offers that record as a downloadable backup (JSON). In the
 * reveal window it fills the reveal form from the browser's storage, or from a backup file the entrant loads.
 */
(function () {
  'use strict';

  var root = document.getElementById('lottery');
  if (!root) {
    return;
  }
  var C = window.LmCommit;
  var data = root.dataset;
  var texts = C.texts('lottery-texts');
  function $(id) {
    return document.getElementById(id);
  }
  var FORMAT = 'lm-lottery-v1';
  var HEX64 = /^[0-9a-f]{64}$/;
  var valid = function (r) {
    return typeof r.contribution === 'string' && HEX64.test(r.contribution);
  };
  var keeper = C.keeper(FORMAT, data, valid);

  // ---- Entering

  var enterForm = $('enter-form');
  if (enterForm) {
    var error = $('enter-error');
    var canHash = C.canHash();
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
      var contribution = C.randomHex();
      C.commitment(FORMAT, [data.listingNo, data.bidderNo, contribution]).then(function (commitment) {
        var stored = keeper.write({
          format: FORMAT,
          listingId: Number(data.listingId),
          listingNo: data.listingNo,
          bidderNo: data.bidderNo,
          contribution: contribution,
          commitment: commitment,
          createdAt: new Date().toISOString()
        });
        if (!stored) {
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
  var record = commitment ? keeper.read(commitment) : null;
  if (kept) {
    kept.hidden = false;
    if (record) {
      $('lottery-kept-yes').hidden = false;
      C.offerBackup($('lottery-backup'), record,
          'lottery-contribution-' + record.listingNo + '-' + record.bidderNo + '.json');
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
    C.onBackupFile($('reveal-file'), commitment, valid, function (r) {
      fill(r, texts.filled_file);
    }, filled, texts);
  }
})();
