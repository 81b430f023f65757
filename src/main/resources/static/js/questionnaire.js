// Saves each answer as it is given and shows crisis resources at once when a saved answer is positive.
// Without this script the page still works: "Save and finish later" and "Submit" post the whole form.
(function () {
  'use strict';
  var form = document.querySelector('form.questionnaire[data-autosave]');
  if (!form) { return; }
  var status = document.getElementById('save-status');
  var crisis = document.getElementById('crisis');
  var pending = null;

  function say(text) { if (status) { status.textContent = text; } }

  function save() {
    var body = new URLSearchParams(new FormData(form));
    body.delete('action');
    say('Saving…');
    return fetch(form.getAttribute('data-autosave'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: body,
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (saved) {
      say('Saved. ' + saved.answered + (saved.answered === 1 ? ' answer' : ' answers') + ' so far.');
      if (saved.crisis && crisis && crisis.hidden) {
        crisis.hidden = false;
        crisis.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
    }).catch(function () {
      say('Could not save just now. Your answers are still on this page; press "Save and finish later" to try again.');
    });
  }

  form.addEventListener('change', function (event) {
    if (event.target && event.target.type === 'radio') {
      // one save at a time, in order: a later answer waits for the earlier save
      pending = (pending || Promise.resolve()).then(save);
    }
  });
})();
