/*! Big Local health embed loader: sizes our chart iframes to their content.
 * Finds [data-biglocal-embed] containers (and the iframes in them), creates an iframe where there is
 * none, and listens for pym.js-style height messages, accepting only our own origin and only from
 * the iframe that sent them. No dependencies; safe to include more than once. */
(function () {
  'use strict';
  if (window.__biglocalEmbed) return;
  window.__biglocalEmbed = true;
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : location.href).origin;
  } catch (e) {
    return;
  }
  var RE = /^pymxPYMx[A-Za-z0-9_-]*xPYMxheightxPYMx(\d{1,6})$/;

  function frames() {
    return document.querySelectorAll('[data-biglocal-embed] iframe, iframe[data-biglocal-frame]');
  }

  function setup() {
    var boxes = document.querySelectorAll('[data-biglocal-embed]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.querySelector('iframe')) continue;
      var src = box.getAttribute('data-biglocal-embed') || '';
      var url;
      try {
        url = new URL(src, location.href);
      } catch (e) {
        continue;
      }
      if (url.origin !== origin) continue;
      var f = document.createElement('iframe');
      f.src = url.href;
      f.title = box.getAttribute('data-title') || 'Chart';
      f.setAttribute('data-biglocal-frame', '');
      f.setAttribute('scrolling', 'no');
      f.style.border = '0';
      f.style.width = '100%';
      f.style.height = '400px';
      box.appendChild(f);
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin || typeof e.data !== 'string') return;
    var m = RE.exec(e.data);
    if (!m) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) {
        list[i].style.height = m[1] + 'px';
        list[i].setAttribute('height', m[1]);
      }
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
