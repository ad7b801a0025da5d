/*
 * The trading centre's console: a CSV file chosen on the import form is read into the text box
 * (UTF-8), for the dry run to check. Without JavaScript the chooser stays hidden and the box is pasted into.
 */
(function () {
  'use strict';
  var input = document.querySelector('[data-csv-file]');
  var area = document.getElementById('csv');
  if (!input || !area) {
    return;
  }
  var field = input.closest('.field');
  var status = document.getElementById('csv-file-status');
  field.hidden = false;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result).replace(/^\uFEFF/, '');
      if (text.indexOf('\uFFFD') >= 0) {
        status.textContent = input.getAttribute('data-msg-not-utf8');
        status.className = 'error';
        return;
      }
      area.value = text;
      status.textContent = input.getAttribute('data-msg-loaded').replace('@name@', file.name);
      status.className = 'ok';
    };
    reader.readAsText(file, 'utf-8');
  });
}());
