// Draws a patient's scores on one instrument with Chart.js: the scores, and dashed baseline, response and remission
// lines. The data comes from the canvas's data-chart attribute; the table under the chart has every value too.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  document.querySelectorAll('canvas[data-chart]').forEach(draw);

  function draw(canvas) {
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  var doses = data.doses || [];
  var xs = data.points.map(function (p) { return p.x; }).concat(doses);
  var first = xs.length ? Math.min.apply(null, xs) : 0;
  var last = xs.length ? Math.max.apply(null, xs) : 0;
  function line(label, y, color) {
    return { label: label, data: [{ x: first, y: y }, { x: last, y: y }], borderColor: color, borderDash: [6, 4],
      borderWidth: 1.5, pointRadius: 0, fill: false };
  }
  var datasets = [{ label: data.name, data: data.points, borderColor: '#1d4ed8', backgroundColor: '#1d4ed8',
    pointRadius: 4, tension: 0 }];
  if (data.baseline !== null) { datasets.push(line('Baseline', data.baseline, '#6b7280')); }
  if (data.responseLine !== null) { datasets.push(line('Response (50% of baseline)', data.responseLine, '#15803d')); }
  if (data.remissionLine !== null) { datasets.push(line('Remission', data.remissionLine, '#7c3aed')); }
  if (doses.length) {
    datasets.push({ label: 'Dosing session', type: 'scatter', data: doses.map(function (x) { return { x: x, y: 0 }; }),
      pointStyle: 'triangle', pointRadius: 7, borderColor: '#b45309', backgroundColor: '#f59e0b' });
  }
  var format = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  new Chart(canvas, {
    type: 'line',
    data: { datasets: datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      parsing: true,
      scales: {
        x: { type: 'linear', ticks: { callback: function (v) { return format.format(new Date(v)); }, maxTicksLimit: 6 } },
        y: { min: 0, suggestedMax: data.maximum === null ? undefined : data.maximum, title: { display: true, text: 'Total' } }
      },
      plugins: { tooltip: { callbacks: { title: function (items) { return format.format(new Date(items[0].parsed.x)); } } } }
    }
  });
  }
})();
