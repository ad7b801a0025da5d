/*
 * The enterprise's pages: the unified social credit code explained as it is typed (the same
 * GB 32100-2015 check as party.CreditCode on the server), and copy buttons for payment details.
 * No inline scripts: texts come from data-* attributes rendered in the reader's language.
 */
(function () {
  'use strict';

  var CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  /** The 18th character for the first 17 (all from CHARSET): 31 minus the weighted sum mod 31, 31 as 0. */
  function checkCharacter(code) {
    var sum = 0;
    for (var i = 0; i < WEIGHTS.length; i++) {
      sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }

  /**
   * What is wrong with a code, in the order of CreditCode.check: empty, a character outside the set
   * (lower case named as such), a non-digit in the division code (3-8), the length, the check character.
   * Characters are judged as they are typed, before the length, so a slip shows at once.
   */
  function problem(code) {
    if (code.length === 0) {
      return { key: 'empty' };
    }
    for (var i = 0; i < code.length; i++) {
      var c = code.charAt(i);
      if (CHARSET.indexOf(c) < 0) {
        var upper = c.toUpperCase();
        return { key: upper !== c && CHARSET.indexOf(upper) >= 0 ? 'lower' : 'char', pos: i + 1, c: c };
      }
      if (i >= 2 && i < 8 && (c < '0' || c > '9')) {
        return { key: 'division', pos: i + 1 };
      }
    }
    if (code.length !== 18) {
      return { key: 'length', n: code.length };
    }
    var expected = checkCharacter(code);
    if (code.charAt(17) !== expected) {
      return { key: 'check', expected: expected, actual: code.charAt(17) };
    }
    return null;
  }

  function fill(template, values) {
    return (template || '').replace(/@(\w+)@/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function creditCodeHints() {
    document.querySelectorAll('input[data-credit-code]').forEach(function (input) {
      var hint = document.getElementById(input.id + '-hint');
      if (!hint) {
        return;
      }
      function update() {
        var p = problem(input.value);
        if (p === null) {
          hint.textContent = input.dataset.msgOk;
          hint.className = 'hint ok';
          input.removeAttribute('aria-invalid');
        } else {
          var name = 'msg' + p.key.charAt(0).toUpperCase() + p.key.slice(1);
          hint.textContent = fill(input.dataset[name], p);
          hint.className = 'hint error';
          if (p.key !== 'empty' && !(p.key === 'length' && p.n < 18)) {
            input.setAttribute('aria-invalid', 'true');
          } else {
            input.removeAttribute('aria-invalid');
          }
        }
        hint.dataset.problem = p === null ? 'none' : p.key;
      }
      input.addEventListener('input', update);
      if (input.value) {
        update();
      }
    });
  }

  function copyButtons() {
    var status = document.getElementById('copy-status');
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var source = document.getElementById(button.dataset.copy);
      if (!source || !navigator.clipboard) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          if (status) {
            status.textContent = status.dataset.copied;
          }
        }, function () {
          if (status) {
            status.textContent = status.dataset.copyFailed;
          }
        });
      });
    });
  }

  function start() {
    creditCodeHints();
    copyButtons();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  // The deposit fragment swapped in by htmx carries no copy buttons, so nothing to rebind.
}());
