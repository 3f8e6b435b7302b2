// The coordinator's invitations page (/borgerpanelet/sager/{id}/invitationer): every 30 seconds the page is
// fetched again and its overview and table are swapped in, so answers show up without a reload; a polite live
// region says when something changed. The page works the same without this script (reload to see answers),
// and it is the only page allowed to run it (its own content security policy).
(function () {
  'use strict';
  var live = document.getElementById('invitations-live');
  var status = document.getElementById('invitations-refresh-status');
  var note = document.getElementById('invitations-refresh-note');
  if (!live || !status || !note || !window.fetch || !window.DOMParser) {
    return;
  }

  var intervalMs = 30000;
  var busy = false;
  note.hidden = false;

  function clock() {
    return new Date().toLocaleTimeString(document.documentElement.lang || 'da', { hour: '2-digit', minute: '2-digit' });
  }

  // Swaps the parts that change (counts, table rows) and keeps the elements around them, so keyboard focus on
  // the scrollable table region survives; swaps the whole overview only if its structure changed.
  function swap(fresh) {
    var parts = ['#invitation-counts', '#invitations tbody'];
    var whole = parts.some(function (selector) { return !live.querySelector(selector) || !fresh.querySelector(selector); });
    if (whole) {
      live.innerHTML = fresh.innerHTML;
      return;
    }

    parts.forEach(function (selector) {
      live.querySelector(selector).innerHTML = fresh.querySelector(selector).innerHTML;
    });
  }

  function refresh() {
    if (busy || document.hidden) {
      return;
    }

    busy = true;
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new window.DOMParser().parseFromString(html, 'text/html').getElementById('invitations-live');
        if (fresh && fresh.innerHTML !== live.innerHTML) {
          swap(fresh);
          status.textContent = status.getAttribute('data-changed').replace('{0}', clock());
        }
      })
      .catch(function () {
        status.textContent = status.getAttribute('data-failed');
      })
      .then(function () {
        busy = false;
      });
  }

  window.setInterval(refresh, intervalMs);
})();
