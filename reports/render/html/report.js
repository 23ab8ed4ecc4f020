// The page's behaviour: a click on a finding scrolls its highlight into
// view and flashes it; the filters hide findings by severity and rule.
(function () {
  "use strict";
  function marksOf(id) {
    return id ? document.querySelectorAll('mark.hl[data-f~="' + id + '"]') : [];
  }
  function show(li) {
    var ms = marksOf(li.dataset.target);
    if (!ms.length) { return; }
    ms[0].scrollIntoView({ block: "center" });
    ms.forEach(function (m) {
      m.classList.remove("flash");
      void m.offsetWidth; // restart the animation
      m.classList.add("flash");
    });
  }
  document.querySelectorAll("li.finding").forEach(function (li) {
    li.addEventListener("click", function () { show(li); });
    li.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(li); } });
  });
  var form = document.getElementById("filters");
  if (!form) { return; }
  function apply() {
    var sevs = {};
    form.querySelectorAll('input[name="sev"]').forEach(function (c) { sevs[c.value] = c.checked; });
    var rule = form.elements.rule.value;
    var visible = {};
    document.querySelectorAll("li.finding").forEach(function (li) {
      var on = sevs[li.dataset.sev] !== false && (!rule || li.dataset.rule === rule);
      li.hidden = !on;
      if (on && li.dataset.target) { visible[li.dataset.target] = true; }
    });
    document.querySelectorAll("mark.hl").forEach(function (m) {
      var on = m.dataset.f.split(" ").some(function (id) { return visible[id]; });
      m.classList.toggle("off", !on);
    });
  }
  form.addEventListener("change", apply);
})();
