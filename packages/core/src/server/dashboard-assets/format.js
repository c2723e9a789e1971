/*
 * How the dashboard page writes numbers and names: Chinese first with English beside, each
 * figure in the unit its program declared (money kept in fen is shown in yuan). Global
 * `GongzhiFormat`. Locale fixed to zh-CN, whatever the browser's.
 */
(function (root) {
  'use strict';
  var LEVELS = {
    DISTRICT: { zh: '区/县', en: 'District' },
    STREET: { zh: '街道/乡镇', en: 'Street' },
    COMMUNITY: { zh: '社区/村', en: 'Community' },
  };
  var UNITS = {
    COUNT: { zh: '', en: '', digits: 0 },
    PERCENT: { zh: '%', en: '%', digits: 1 },
    HOURS: { zh: '小时', en: 'h', digits: 1 },
    FEN: { zh: '元', en: 'yuan', digits: 2 },
  };
  var formats = {};
  function numberFormat(digits) {
    return formats[digits] || (formats[digits] = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }

  /** The value in its display unit (yuan for FEN). */
  function scaled(value, unit) {
    return unit === 'FEN' ? value / 100 : value;
  }

  /** `{ text, unit }`: the number as an officer reads it, and the unit word after it. */
  function figure(value, unit) {
    var u = UNITS[unit] || UNITS.COUNT;
    var digits = u.digits;
    var v = scaled(value, unit);
    if (unit === 'PERCENT' || unit === 'HOURS') digits = Number.isInteger(v) ? 0 : 1;
    return { text: numberFormat(digits).format(v), unit: u.zh };
  }

  function time(date) {
    return new Date(date).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  /** Appends `<span class="zh">…</span><span class="en">…</span>` to `el`. */
  function bilingual(el, text) {
    var zh = document.createElement('span');
    zh.className = 'zh';
    zh.textContent = text.zh;
    el.appendChild(zh);
    if (text.en) {
      var en = document.createElement('span');
      en.className = 'en';
      en.textContent = text.en;
      el.appendChild(en);
    }
    return el;
  }

  root.GongzhiFormat = { LEVELS: LEVELS, figure: figure, scaled: scaled, time: time, bilingual: bilingual };
})(self);
