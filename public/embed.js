/* Embeds "Is AI eating crypto's liquidity?" charts in a page. Put it once on
 * the page, after the iframes:
 *   <iframe src="…?embed=1&story=oracle" data-liquidity-embed loading="lazy" title="…" style="width:100%;height:640px;border:0"></iframe>
 *   <script src="…/embed.js" async></script>
 *
 * 1. Auto-height. It listens for the chart's height messages and accepts one
 *    only if it is well formed and comes from an iframe marked
 *    data-liquidity-embed (and from that iframe's own origin): a message from
 *    any other window is ignored.
 *
 * 2. Scrollytelling. Mark a container data-liquidity-scrolly, put the iframe
 *    (in a sticky box) and the article's paragraphs inside it, and give each
 *    paragraph data-step="N" (1-based). As a paragraph crosses the middle of
 *    the viewport, the chart moves to that step of its story (the story comes
 *    from the iframe's data-liquidity-story, else from its src's story=). The
 *    active paragraph gets the class is-active. Works in right-to-left pages;
 *    no library needed (an IntersectionObserver, as Scrollama does). The
 *    iframe of a scrollytelling block keeps the height its CSS gives it.
 *    See scrolly.html for a whole page to copy. */
(function () {
  'use strict';
  if (window.__liquidityEmbed) return;
  window.__liquidityEmbed = true;
  var STEP = 'liquidity-explorer:step';
  function frames() { return document.querySelectorAll('iframe[data-liquidity-embed]'); }
  function originOf(f) { try { return new URL(f.src, location.href).origin; } catch (err) { return null; } }
  function storyOf(f) {
    var s = f.getAttribute('data-liquidity-story');
    if (s) return s;
    try { return new URL(f.src, location.href).searchParams.get('story'); } catch (err) { return null; }
  }
  function inScrolly(f) { return !!(f.closest && f.closest('[data-liquidity-scrolly]')); }

  // Scrollytelling: the step each frame should show, and whether it has said it is running.
  var wanted = [];
  function send(f) {
    var w = wanted.filter(function (x) { return x.frame === f; })[0];
    if (!w || !w.step || !f.contentWindow) return;
    var origin = originOf(f);
    if (!origin || origin === 'null') origin = '*';
    f.contentWindow.postMessage({ type: STEP, story: w.story, step: w.step }, origin);
  }

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
        if (originOf(f) !== e.origin) return;
        if (inScrolly(f)) {
          // The chart is running: make sure it shows the step in view (a message sent before it started is lost).
          var w = wanted.filter(function (x) { return x.frame === f; })[0];
          if (w && w.step && !w.acked) { w.acked = true; send(f); }
          return;
        }
        f.style.height = Math.ceil(h) + 'px';
        return;
      }
    }
  });

  function scrolly(box) {
    var f = box.querySelector('iframe[data-liquidity-embed]');
    if (!f) return;
    var story = storyOf(f);
    if (!story || !/^[A-Za-z0-9_-]{1,64}$/.test(story)) return;
    var state = { frame: f, story: story, step: 0, acked: false };
    wanted.push(state);
    var steps = box.querySelectorAll('[data-step]');
    function activate(el) {
      var n = parseInt(el.getAttribute('data-step'), 10);
      if (!(n >= 1 && n <= 999) || n === state.step) return;
      state.step = n;
      for (var i = 0; i < steps.length; i++) steps[i].classList.toggle('is-active', steps[i] === el);
      box.setAttribute('data-active-step', String(n));
      send(f);
    }
    if (!('IntersectionObserver' in window)) { if (steps[0]) activate(steps[0]); return; }
    // A paragraph is active while it covers the viewport's middle line.
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { if (en.isIntersecting) activate(en.target); });
    }, { rootMargin: '-50% 0px -50% 0px', threshold: 0 });
    for (var i = 0; i < steps.length; i++) io.observe(steps[i]);
    f.addEventListener('load', function () { state.acked = false; send(f); });
  }
  function start() {
    var boxes = document.querySelectorAll('[data-liquidity-scrolly]');
    for (var i = 0; i < boxes.length; i++) scrolly(boxes[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
