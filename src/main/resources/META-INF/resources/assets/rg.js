/*
 * The regulator's console (/regulator): the reveal dialog, and the dossier's audit log entries
 * checked in the browser with the verification page's own checks (verify.js, window.LogCheck):
 * each entry's bytes hash to its leaf hash, its inclusion proof leads to the root of the signed
 * checkpoint the dossier carries, and that checkpoint bears a valid Ed25519 signature by the log's
 * published key. Without a script the reveal is a page of its own and the entries stay unchecked.
 */
(function () {
  'use strict';

  // ---- dialogs: opened by their link, closed by Escape or their cancel button ---------------------

  document.querySelectorAll('a[data-dialog]').forEach(function (link) {
    var dialog = document.getElementById(link.getAttribute('data-dialog'));
    if (!dialog || typeof dialog.showModal !== 'function') {
      return;
    }
    link.setAttribute('role', 'button');
    link.setAttribute('aria-haspopup', 'dialog');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.showModal();
      var first = dialog.querySelector('textarea, input:not([type="hidden"]), button');
      if (first) {
        first.focus();
      }
    });
    link.addEventListener('keydown', function (event) {
      if (event.key === ' ') {
        event.preventDefault();
        link.click();
      }
    });
    dialog.addEventListener('close', function () {
      link.focus();
    });
  });
  document.querySelectorAll('[data-close]').forEach(function (button) {
    button.addEventListener('click', function () {
      var dialog = document.getElementById(button.getAttribute('data-close'));
      if (dialog) {
        dialog.close();
      }
    });
  });

  // ---- the dossier's log entries ----------------------------------------------------------------

  var log = document.getElementById('log');
  var rows = document.querySelectorAll('#log-entries tr.log-entry');
  if (!log || rows.length === 0 || !window.LogCheck || !window.crypto || !crypto.subtle) {
    return;
  }
  var L = window.LogCheck;
  var status = document.getElementById('log-status');

  function say(key) {
    status.textContent = status.getAttribute('data-' + key);
    status.setAttribute('data-outcome', key);
  }

  function mark(row, ok) {
    var cell = row.querySelector('td.check');
    cell.setAttribute('data-result', ok ? 'verified' : 'failed');
    cell.className = 'check ' + (ok ? 'verified' : 'failed');
    cell.textContent = log.getAttribute(ok ? 'data-check-verified' : 'data-check-failed');
  }

  async function checkRow(row, checkpoint) {
    var bytes = L.fromBase64(row.getAttribute('data-entry'));
    var claimed = L.decodeHash(row.getAttribute('data-leaf'));
    if (!bytes || !claimed) {
      return false;
    }
    var computed = await L.leafHash(bytes);
    if (!L.equal(computed, claimed)) {
      return false;
    }
    var size = Number(row.getAttribute('data-tree-size'));
    var proofText = row.getAttribute('data-proof');
    var proof = proofText === '' ? [] : proofText.split(' ');
    return size === checkpoint.size
      && L.verifyInclusion(Number(row.getAttribute('data-index')), size, computed, proof, checkpoint.root);
  }

  async function run() {
    say('running');
    var note = log.getAttribute('data-checkpoint');
    var key;
    try {
      var response = await fetch('/api/audit/key', { headers: { Accept: 'text/plain' }, cache: 'no-store' });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      key = await response.text();
    } catch (e) {
      say('unreachable');
      return;
    }
    var signed = (await L.checkSignature(note, key)) === 'ok';
    var checkpoint = L.parseCheckpoint(note);
    var all = true;
    for (var i = 0; i < rows.length; i++) {
      var ok = signed && checkpoint !== null && await checkRow(rows[i], checkpoint);
      mark(rows[i], ok);
      all = all && ok;
    }
    say(all ? 'verified' : 'failed');
  }

  run();
}());
