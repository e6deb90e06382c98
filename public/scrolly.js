/* The demo page's language: ?lang=ar shows the Arabic article, right to left,
 * and opens the chart in Arabic. Runs before embed.js, so the iframe gets its
 * address (with the language) before the scrollytelling starts. */
(function () {
  'use strict';
  var ar = (new URLSearchParams(location.search).get('lang') || '').slice(0, 2).toLowerCase() === 'ar';
  var root = document.documentElement;
  root.lang = ar ? 'ar' : 'en';
  root.dir = ar ? 'rtl' : 'ltr';
  var parts = document.querySelectorAll('[data-lang]');
  for (var i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-lang') !== (ar ? 'ar' : 'en');
  if (ar) document.title = 'قفزة أوراكل مع OpenAI خطوة بخطوة — عرض توضيحي';
  var frames = document.querySelectorAll('iframe[data-src]');
  for (var j = 0; j < frames.length; j++) {
    var f = frames[j];
    if (ar) f.title = 'سعر سهم أوراكل خطوة بخطوة';
    f.src = f.getAttribute('data-src') + (ar ? '&lang=ar' : '&lang=en');
  }
})();
