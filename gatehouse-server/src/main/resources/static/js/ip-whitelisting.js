// IP Whitelisting page: the add form, the confirmation dialogs and select-all.
// Plain JavaScript, no inline handlers (the Content-Security-Policy forbids inline script).
// Every flow also works without this file: the server then asks for confirmation on a page.
(function () {
  "use strict";

  var page = document.getElementById("ip-whitelisting");
  if (!page) {
    return;
  }
  document.documentElement.classList.add("js");

  // ---- +IP Address reveals the add form ----
  var addButton = document.getElementById("add-ip-button");
  var addPanel = document.getElementById("add-ip");
  var ipInput = document.getElementById("ip-input");
  if (addButton && addPanel) {
    addButton.addEventListener("click", function (event) {
      event.preventDefault();
      addPanel.hidden = false;
      addButton.setAttribute("aria-expanded", "true");
      if (ipInput) {
        ipInput.focus();
      }
    });
    var cancel = document.getElementById("add-cancel");
    if (cancel) {
      cancel.addEventListener("click", function (event) {
        event.preventDefault();
        addPanel.hidden = true;
        addButton.setAttribute("aria-expanded", "false");
      });
    }
  }

  // ---- Expiry: send the browser's offset so the typed local time means what it says ----
  var expiry = document.getElementById("ip-expiry-input");
  var offset = document.getElementById("tz-offset");
  var hint = document.getElementById("expiry-hint");
  if (expiry && offset) {
    if (hint) {
      hint.textContent = "Temporary access: the entries stop allowing at this time (your local time).";
    }
    var addForm = document.getElementById("add-form");
    addForm.addEventListener("submit", function () {
      var when = expiry.value ? new Date(expiry.value) : new Date();
      offset.value = isNaN(when.getTime()) ? "" : String(when.getTimezoneOffset());
    });
  }

  // ---- Dialog helpers ----
  function openDialog(dialog, onConfirm, onCancel) {
    var confirmButton = dialog.querySelector("[data-testid^='confirm-']");
    var cancelButton = dialog.querySelector("[data-dialog-cancel]");
    var settled = false;
    function close(confirmed) {
      if (settled) {
        return;
      }
      settled = true;
      confirmButton.removeEventListener("click", onYes);
      cancelButton.removeEventListener("click", onNo);
      dialog.removeEventListener("cancel", onEscape);
      dialog.close();
      if (confirmed) {
        onConfirm();
      } else if (onCancel) {
        onCancel();
      }
    }
    function onYes() { close(true); }
    function onNo() { close(false); }
    function onEscape(event) { event.preventDefault(); close(false); }
    confirmButton.addEventListener("click", onYes);
    cancelButton.addEventListener("click", onNo);
    dialog.addEventListener("cancel", onEscape);
    dialog.showModal();
    confirmButton.focus();
  }

  // ---- Remove: one entry, or the selected ones ----
  // One form holds the checkboxes and both kinds of delete button; without this script the server
  // answers either button with a confirmation page.
  var entriesForm = document.getElementById("entries-form");
  var removeDialog = document.getElementById("remove-dialog");
  var removeTitle = document.getElementById("remove-dialog-title");
  var removeText = document.getElementById("remove-dialog-text");
  var checkboxes = Array.prototype.slice.call(document.querySelectorAll(".entry-checkbox"));
  var selectAll = document.getElementById("select-all");
  var bulkButton = document.getElementById("bulk-delete");
  var selectionCount = document.getElementById("selection-count");

  function selected() {
    return checkboxes.filter(function (box) { return box.checked; });
  }

  function refreshSelection() {
    var count = selected().length;
    if (bulkButton) {
      bulkButton.disabled = count === 0;
    }
    if (selectionCount) {
      selectionCount.textContent = count === 0
        ? "Select entries to remove several at once."
        : count === 1 ? "1 entry selected" : count + " entries selected";
    }
    if (selectAll) {
      selectAll.checked = count > 0 && count === checkboxes.length;
      selectAll.indeterminate = count > 0 && count < checkboxes.length;
    }
  }

  function submitRemoval(onlyId) {
    entriesForm.querySelector(".confirmed-field").value = "true";
    if (onlyId) {
      var only = document.createElement("input");
      only.type = "hidden";
      only.name = "only";
      only.value = onlyId;
      entriesForm.appendChild(only);
    }
    entriesForm.submit();
  }

  if (entriesForm && removeDialog) {
    Array.prototype.forEach.call(entriesForm.querySelectorAll(".delete-entry"), function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var row = button.closest("[data-testid='ip-entry']");
        var value = row ? row.getAttribute("data-value") : "This entry";
        removeTitle.textContent = "Remove IP address?";
        removeText.textContent = value + " will be removed from the whitelist.";
        openDialog(removeDialog, function () { submitRemoval(button.value); });
      });
    });
    if (bulkButton) {
      bulkButton.addEventListener("click", function (event) {
        event.preventDefault();
        var count = selected().length;
        if (count === 0) {
          return;
        }
        removeTitle.textContent = count === 1 ? "Remove 1 IP address?" : "Remove " + count + " IP addresses?";
        removeText.textContent = count === checkboxes.length
          ? "Every entry will be removed from the whitelist."
          : "The selected entries will be removed from the whitelist.";
        openDialog(removeDialog, function () { submitRemoval(null); });
      });
    }
  }

  if (selectAll) {
    selectAll.addEventListener("change", function () {
      checkboxes.forEach(function (box) { box.checked = selectAll.checked; });
      refreshSelection();
    });
  }
  checkboxes.forEach(function (box) { box.addEventListener("change", refreshSelection); });
  refreshSelection();

  // ---- The toggle asks before it changes anything ----
  var toggle = document.getElementById("ip-restriction-toggle");
  var toggleForm = document.getElementById("toggle-form");
  var toggleDialog = document.getElementById("toggle-dialog");
  if (toggle && toggleForm && toggleDialog && !toggle.disabled) {
    toggle.addEventListener("change", function () {
      var turningOn = toggle.checked;
      document.getElementById("toggle-dialog-title").textContent =
        turningOn ? "Turn on IP whitelisting?" : "Turn off IP whitelisting?";
      document.getElementById("toggle-dialog-text").textContent = turningOn
        ? "Only whitelisted IP addresses will be able to access this account, including its API."
        : "Anyone who can sign in will be able to access this account again. The list is kept.";
      document.getElementById("confirm-toggle").textContent = turningOn ? "Turn on" : "Turn off";
      openDialog(
        toggleDialog,
        function () { toggleForm.submit(); },
        function () { toggle.checked = !turningOn; });
    });
  }
})();
