/*
 * What the sealed quotation page (sealed.js) and the lottery page (lottery.js) share: a value is
 * committed by its SHA-256 in the browser (Web Crypto), the secret behind it is kept in localStorage
 * under "<format>:<listingNo>:<bidderNo>:<commitment>" (never overwritten: one key per commitment),
 * offered back as a downloadable JSON backup, and read again, from storage or from a backup file the
 * bidder loads, to fill the reveal form. Each page says what its record holds and how a record is
 * checked; this file knows nothing of amounts or contributions.
 */
window.LmCommit = (function () {
  'use strict';

  /** The page's texts for scripts: the data-k elements of a template, by key. */
  function texts(templateId) {
    var found = {};
    var template = document.getElementById(templateId);
    if (template) {
      template.content.querySelectorAll('[data-k]').forEach(function (e) {
        found[e.getAttribute('data-k')] = e.textContent;
      });
    }
    return found;
  }

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }

  /** 32 random bytes as 64 hex digits. */
  function randomHex() {
    return hex(crypto.getRandomValues(new Uint8Array(32)));
  }

  /** Whether this browser can draw random bytes and hash. */
  function canHash() {
    return !!(window.crypto && crypto.getRandomValues && crypto.subtle && window.TextEncoder);
  }

  /**
   * The commitment to {@code parts}: hex SHA-256 of the UTF-8 of the format and the parts, each on
   * its own line, exactly as the service's commitment classes compute it.
   */
  function commitment(format, parts) {
    var preimage = [format].concat(parts).join('\n');
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(preimage)).then(hex);
  }

  /**
   * Where one bidder's records of one listing are kept. {@code valid(record)} says whether a record
   * holds what its reveal needs.
   */
  function keeper(format, data, valid) {
    function key(c) {
      return format + ':' + data.listingNo + ':' + data.bidderNo + ':' + c;
    }
    return {
      /** The record kept for commitment {@code c}, or null when none (or unreadable) is. */
      read: function (c) {
        try {
          var raw = window.localStorage.getItem(key(c));
          var record = raw ? JSON.parse(raw) : null;
          return record && record.commitment === c && valid(record) ? record : null;
        } catch (e) {
          return null;
        }
      },
      /** Keeps a record; false when the browser refuses to store it. */
      write: function (record) {
        try {
          window.localStorage.setItem(key(record.commitment), JSON.stringify(record));
          return true;
        } catch (e) {
          return false;
        }
      }
    };
  }

  /** Makes {@code link} download {@code record} as a JSON file named {@code name}. */
  function offerBackup(link, record, name) {
    // A data: URL rather than a blob: one, so that the file is the link itself and nothing needs revoking.
    link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(record, null, 2) + '\n');
    link.download = name;
    link.hidden = false;
  }

  /**
   * Reads the backup file chosen in {@code input}: {@code fill(record)} when it is a valid record of
   * {@code c}; otherwise says why in {@code status} (texts file_unreadable, file_other).
   */
  function onBackupFile(input, c, valid, fill, status, t) {
    input.addEventListener('change', function () {
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
          status.textContent = t.file_unreadable;
          return;
        }
        if (!r || !valid(r)) {
          status.textContent = t.file_unreadable;
          return;
        }
        if (r.commitment !== c) {
          status.textContent = t.file_other;
          return;
        }
        fill(r);
      };
      reader.onerror = function () {
        status.textContent = t.file_unreadable;
      };
      reader.readAsText(file);
    });
  }

  return {
    texts: texts,
    randomHex: randomHex,
    canHash: canHash,
    commitment: commitment,
    keeper: keeper,
    offerBackup: offerBackup,
    onBackupFile: onBackupFile
  };
})();
