"use strict";
// Filters, search, expand/collapse and printing for the factcheck HTML report. No network,
// no library: the charts are already in the page as SVG; this only shows and hides cards.
// A collapsed card's body waits as inert text (<script type="text/html">), so a report of
// 10,000 findings does not build 10,000 bodies before it can be used; opening the card, or
// printing, puts it in the page.
(function () {
  document.documentElement.classList.remove("no-js");
  const form = document.querySelector("form.filters");
  const cards = Array.from(document.querySelectorAll("article.card"));
  const shown = form.elements.namedItem("shown");
  const total = cards.length;
  const data = cards.map(function (card) {
    return {
      card: card,
      details: card.querySelector("details"),
      verdict: card.dataset.verdict,
      severity: card.dataset.severity,
      fails: card.dataset.fails === "1",
      origins: " " + card.dataset.origins + " ",
      body: card.querySelector("div.body"),
      deferred: card.querySelector('script[type="text/html"]'),
      text: null, // lower-case text, read on the first search only
    };
  });
  const byDetails = new Map(data.map(function (item) { return [item.details, item]; }));
  const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": '"', "&#39;": "'", "&nbsp;": " " };

  function materialize(item) {
    if (item.deferred === null) return;
    item.body.innerHTML = item.deferred.textContent;
    item.deferred.remove();
    item.deferred = null;
  }

  function open(item, value) {
    if (value) materialize(item);
    if (item.details.open !== value) item.details.open = value;
  }

  function searchText(item) {
    if (item.text === null) {
      const body = item.deferred === null
        ? item.body.textContent
        : item.deferred.textContent.replace(/<[^>]*>/g, " ").replace(/&(?:amp|lt|gt|#34|#39|nbsp);/g, function (e) { return ENTITIES[e]; });
      item.text = (item.details.querySelector("summary").textContent + " " + body).toLowerCase();
    }
    return item.text;
  }

  // A card opened by a click, Enter or Space gets its body.
  document.addEventListener("toggle", function (event) {
    const item = byDetails.get(event.target);
    if (item && item.details.open) materialize(item);
  }, true);
  form.hidden = false;

  function checked(name) {
    const values = new Set();
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) {
      values.add(box.value);
    });
    return values;
  }

  function apply() {
    const verdicts = checked("verdict");
    const severities = checked("severity");
    const failsOnly = form.elements.namedItem("fails").checked;
    const origin = form.elements.namedItem("origin").value;
    const words = form.elements.namedItem("q").value.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    for (const item of data) {
      let show =
        verdicts.has(item.verdict) &&
        severities.has(item.severity) &&
        (!failsOnly || item.fails) &&
        (origin === "" || item.origins.indexOf(" " + origin + " ") >= 0);
      if (show && words.length) {
        const text = searchText(item);
        show = words.every(function (word) { return text.indexOf(word) >= 0; });
      }
      if (item.card.hidden === show) item.card.hidden = !show;
      if (show) count += 1;
    }
    shown.value = count + " of " + total + " finding" + (total === 1 ? "" : "s") + " shown";
  }

  let pending = 0;
  form.addEventListener("change", apply);
  form.addEventListener("input", function (event) {
    if (event.target.name !== "q") return;
    clearTimeout(pending);
    pending = setTimeout(apply, 150);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });

  function setOpen(value) {
    for (const item of data) {
      if (!item.card.hidden) open(item, value);
    }
  }
  form.querySelector('[data-action="expand"]').addEventListener("click", function () { setOpen(true); });
  form.querySelector('[data-action="collapse"]').addEventListener("click", function () { setOpen(false); });

  // A link to a card (#fact-drones-launched) opens it.
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    const card = target && target.closest("article.card");
    const item = card && byDetails.get(card.querySelector("details"));
    if (item) open(item, true);
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Print what is shown, opened; put the cards back as they were afterwards.
  let closed = [];
  window.addEventListener("beforeprint", function () {
    closed = data.filter(function (item) { return !item.card.hidden && !item.details.open; });
    closed.forEach(function (item) { open(item, true); });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (item) { open(item, false); });
    closed = [];
  });
  apply();
})();
