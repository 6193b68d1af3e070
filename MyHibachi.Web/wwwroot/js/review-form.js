// The review form one step at a time (stars, words, photos, chef), with Back and Next.
// Without this script every step shows at once and the form works the same.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll(".form-step"));
  var nav = form.querySelector(".step-nav");
  var back = form.querySelector("[data-step-back]");
  var next = form.querySelector("[data-step-next]");
  var progress = form.querySelector(".step-progress");
  // A form sent back with errors opens at the first step that has one.
  var current = 0;
  steps.forEach(function (step, i) {
    if (current === 0 && step.querySelector(".field-validation-error, .input-validation-error")) { current = i; }
  });

  function valid(step) {
    var fields = step.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].checkValidity()) { fields[i].reportValidity(); return false; }
    }
    return true;
  }

  function show(index) {
    current = index;
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    progress.textContent = "Step " + (index + 1) + " of " + steps.length;
    var first = steps[index].querySelector("input, textarea, button");
    if (first && document.activeElement !== document.body) { first.focus(); }
  }

  next.addEventListener("click", function () { if (valid(steps[current])) { show(Math.min(current + 1, steps.length - 1)); } });
  back.addEventListener("click", function () { show(Math.max(current - 1, 0)); });
  nav.hidden = false;
  progress.hidden = false;
  show(current);
})();
