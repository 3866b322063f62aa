"use strict";
// Filters, search, expand/collapse and printing for the factcheck HTML report. No network,
// no library: the charts are already in the page as SVG; this only shows and hides cards.
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
      text: null, // lower-case text, read on the first search only
    };
  });
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
        if (item.text === null) item.text = item.card.textContent.toLowerCase();
        show = words.every(function (word) { return item.text.indexOf(word) >= 0; });
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

  function setOpen(open) {
    for (const item of data) {
      if (!item.card.hidden && item.details.open !== open) item.details.open = open;
    }
  }
  form.querySelector('[data-action="expand"]').addEventListener("click", function () { setOpen(true); });
  form.querySelector('[data-action="collapse"]').addEventListener("click", function () { setOpen(false); });

  // A link to a card (#fact-drones-launched) opens it.
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    const details = target && target.closest("article.card") && target.closest("article.card").querySelector("details");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Print what is shown, opened; put the cards back as they were afterwards.
  let closed = [];
  window.addEventListener("beforeprint", function () {
    closed = data.filter(function (item) { return !item.card.hidden && !item.details.open; });
    closed.forEach(function (item) { item.details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (item) { item.details.open = false; });
    closed = [];
  });
  apply();
})();
