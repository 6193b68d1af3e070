// Draws every <canvas data-chart="…"> with Chart.js (wwwroot/lib/chartjs, MIT). The spec comes from
// the page (Models/ChartModel); the same numbers sit in a table beside each chart.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  const ink = getComputedStyle(document.documentElement).getPropertyValue("--ink-soft").trim() || "#57534e";
  window.Chart.defaults.color = ink;
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const spec = JSON.parse(canvas.dataset.chart);
    const round = spec.type === "doughnut" || spec.type === "pie";
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.colors.length === 1 ? s.colors[0] : s.colors,
          borderColor: round ? "#ffffff" : (s.colors.length === 1 ? s.colors[0] : s.colors),
          borderRadius: spec.type === "bar" ? 4 : 0,
          tension: 0.25
        }))
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: round || spec.series.length > 1, position: "bottom" } },
        scales: round ? {} : {
          x: { stacked: spec.stacked, grid: { display: false } },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
})();
