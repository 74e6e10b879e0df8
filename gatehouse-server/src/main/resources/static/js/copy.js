// "Copy" buttons: <button data-copy-target="element-id" hidden>. Shown only where the clipboard works.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
    });
  });
})();
