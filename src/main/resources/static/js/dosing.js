// Dosing pages: the countdown to the next esketamine device, and the idle lock. The board's own refreshes are
// passive (they do not renew the session), so the page counts down to the idle time-out and locks shortly before
// it behind a password prompt that renews the session; the page and anything typed stay as they were.
(function () {
  'use strict';

  var timer = document.getElementById('device-timer');
  if (timer) {
    var next = Number(timer.getAttribute('data-next'));
    var skew = Number(timer.getAttribute('data-now')) - Date.now();
    var out = timer.querySelector('.countdown');
    var button = document.getElementById('give-device');
    var tick = function () {
      var left = Math.ceil((next - (Date.now() + skew)) / 1000);
      if (left > 0) {
        out.textContent = '(' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' to wait)';
        if (button) { button.disabled = true; }
        window.setTimeout(tick, 500);
      } else {
        out.textContent = '(ready)';
        if (button) { button.disabled = false; }
      }
    };
    tick();
  }

  var root = document.querySelector('[data-idle-seconds]');
  var lock = document.getElementById('idle-lock');
  if (!root || !lock) { return; }
  var lockBefore = 90;
  var deadline = Date.now() + Number(root.getAttribute('data-idle-seconds')) * 1000;
  var form = document.getElementById('idle-lock-form');
  var error = document.getElementById('idle-error');
  var password = document.getElementById('idle-password');

  function renewedFor(seconds) { deadline = Date.now() + seconds * 1000; }

  // Any ordinary request the user makes renews the session: a form post reloads this page anyway.
  document.addEventListener('htmx:afterRequest', function (e) {
    var xhr = e.detail.xhr;
    var remaining = xhr && xhr.getResponseHeader('X-KAP-Session-Remaining');
    if (remaining !== null && remaining !== undefined && remaining !== '') { renewedFor(Number(remaining)); }
    if (xhr && xhr.status === 401) { showLock(true); }
  });

  function showLock(expired) {
    if (!lock.hidden) { return; }
    lock.hidden = false;
    document.body.classList.add('locked');
    if (expired) {
      error.hidden = false;
      error.textContent = 'Your session ended. Sign in again in a new tab, then unlock here.';
    }
    password.focus();
  }

  window.setInterval(function () {
    if (Date.now() > deadline - lockBefore * 1000) { showLock(Date.now() > deadline); }
  }, 5000);

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    body.set('password', password.value);
    fetch(form.getAttribute('action'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }
    }).then(function (r) {
      if (!r.ok) { throw new Error('refused'); }
      return r.json();
    }).then(function (json) {
      renewedFor(json.remainingSeconds);
      password.value = '';
      error.hidden = true;
      lock.hidden = true;
      document.body.classList.remove('locked');
    }).catch(function () {
      error.hidden = false;
      error.textContent = 'That password did not work.';
    });
  });
})();
