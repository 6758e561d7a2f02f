// The platform's one page script (a file, never inline: the Content-Security-Policy allows no inline script).
// Every page works without it; it only helps: the error summary takes focus, the menu is open on wide screens,
// uploads show their progress, and forms that need a second look ask for it.
(function () {
  'use strict';

  function onReady(fn) {
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', fn); } else { fn(); }
  }

  // UI guide 2: after a failed submit, focus moves to the error summary (screen readers read it out).
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector('[data-error-summary]');
    if (summary) { summary.focus(); }
  }

  // The menu is a <details> (works without script); on wide screens it starts open.
  function openMenuOnWideScreens() {
    var menu = document.querySelector('[data-site-menu]');
    if (menu && window.matchMedia('(min-width: 721px)').matches) { menu.open = true; }
  }

  // Uploads: <form data-upload> with a file input posts with XMLHttpRequest and shows a progress bar; the server's
  // answer (a redirect to the job's page, or the form again with its problems) replaces the page. Without script the
  // form posts normally.
  function enhanceUploads() {
    document.querySelectorAll('form[data-upload]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.XMLHttpRequest || !window.FormData) { return; }
        event.preventDefault();
        var progress = form.querySelector('progress') || form.appendChild(document.createElement('progress'));
        progress.max = 100; progress.value = 0; progress.hidden = false;
        progress.setAttribute('aria-label', '上传进度');
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action || window.location.href);
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
        });
        xhr.addEventListener('load', function () {
          if (xhr.responseURL && xhr.responseURL !== window.location.href && xhr.status < 400) {
            window.location.assign(xhr.responseURL);
            return;
          }
          document.open(); document.write(xhr.responseText); document.close();
        });
        xhr.addEventListener('error', function () { form.submit(); });
        xhr.send(new FormData(form));
      });
    });
  }

  // Job pages: <div data-poll="url" data-poll-done="true|false"> reloads itself until the job is done.
  function pollJobs() {
    document.querySelectorAll('[data-poll]').forEach(function (box) {
      if (box.getAttribute('data-poll-done') === 'true') { return; }
      window.setTimeout(function () { window.location.reload(); }, 1500);
    });
  }

  onReady(function () {
    focusErrorSummary();
    openMenuOnWideScreens();
    enhanceUploads();
    pollJobs();
  });

  // htmx swaps: a swapped-in error summary takes focus too (UI guide 28).
  document.addEventListener('htmx:afterSwap', function (event) { focusErrorSummary(event.target); });
})();
