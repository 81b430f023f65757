// The print button on printable pages (inline handlers are blocked by the content security policy).
(function () {
  'use strict';
  var button = document.getElementById('print-instructions');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
})();
