/* Resizes embedded "Is AI eating crypto's liquidity?" charts to their content.
 * Put it once on the page, after the iframes:
 *   <iframe src="…?embed=1&story=oracle" data-liquidity-embed loading="lazy" title="…" style="width:100%;height:640px;border:0"></iframe>
 *   <script src="…/embed.js" async></script>
 * It listens for the chart's height messages and accepts one only if it is
 * well formed and comes from an iframe marked data-liquidity-embed: a message
 * from any other window (another frame, a script) is ignored. */
(function () {
  'use strict';
  if (window.__liquidityEmbed) return;
  window.__liquidityEmbed = true;
  function frames() { return document.querySelectorAll('iframe[data-liquidity-embed]'); }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'liquidity-explorer:height') return;
    var h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 50 || h > 20000) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (f.contentWindow === e.source) {
        // The frame's own origin must be the sender's too.
        try { if (new URL(f.src, location.href).origin !== e.origin) return; } catch (err) { return; }
        f.style.height = Math.ceil(h) + 'px';
        return;
      }
    }
  });
})();
