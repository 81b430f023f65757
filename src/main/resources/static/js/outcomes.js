// Draws the outcomes dashboard's charts with Chart.js from each canvas's data-chart attribute (kind: rates, steps,
// counts, safety). The tables under the charts hold every figure; the charts only draw them.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var BLUE = '#1d4ed8', LIGHT = 'rgba(29, 78, 216, 0.25)', GREEN = '#15803d', PURPLE = '#7c3aed', AMBER = '#b45309';
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var draw = { rates: rates, steps: steps, counts: counts, safety: safety }[data.kind];
    if (draw) { new Chart(canvas, draw(data)); }
  });

  function base(title, extra) {
    var options = { maintainAspectRatio: false, animation: false,
      plugins: { title: { display: true, text: title } } };
    return Object.assign(options, extra || {});
  }

  // Rates with their 95% intervals as floating bars, the rate as a point, matching published figures as dashes.
  function rates(data) {
    var labels = data.bars.map(function (b) { return b.label; });
    var datasets = [
      { type: 'bar', label: '95% CI', data: data.bars.map(function (b) { return b.lower === null ? null : [b.lower, b.upper]; }),
        backgroundColor: LIGHT, borderColor: BLUE, borderWidth: 1, barPercentage: 0.4 },
      { type: 'line', label: 'Clinic', data: data.bars.map(function (b) { return b.rate; }), showLine: false,
        backgroundColor: BLUE, borderColor: BLUE, pointRadius: 6 }
    ];
    data.bars.forEach(function (b, i) {
      b.references.forEach(function (r) {
        datasets.push({ type: 'line', label: r.label + ': ' + r.value + ' %', showLine: false, pointStyle: 'line',
          pointRadius: 30, borderWidth: 3, borderColor: AMBER, backgroundColor: AMBER,
          data: labels.map(function (l, j) { return j === i ? r.value : null; }) });
      });
    });
    return { type: 'bar', data: { labels: labels, datasets: datasets },
      options: base(data.title, { scales: { y: { min: 0, max: 100, title: { display: true, text: '% of courses' } } },
        plugins: { title: { display: true, text: data.title }, tooltip: { callbacks: { label: function (item) {
          var b = data.bars[item.dataIndex];
          if (item.datasetIndex === 0) { return b.lower === null ? 'no courses' : '95% CI ' + b.lower.toFixed(0) + '–' + b.upper.toFixed(0) + ' %'; }
          if (item.datasetIndex === 1) { return b.rate === null ? 'no courses' : b.rate.toFixed(0) + ' % (' + b.counts + ')'; }
          return item.dataset.label;
        } } } } }) };
  }

  function steps(data) {
    return { type: 'line', data: { datasets: [{ label: data.title, data: data.points, stepped: 'after',
        borderColor: data.title.indexOf('remission') >= 0 ? PURPLE : GREEN, pointRadius: 0, fill: false }] },
      options: base(data.title, { parsing: true, scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'Days since first dose' } },
        y: { min: 0, max: 100, title: { display: true, text: 'Cumulative % of courses' } } } }) };
  }

  function counts(data) {
    return { type: 'bar', data: { labels: data.labels, datasets: [{ label: 'Courses', data: data.values,
        backgroundColor: PURPLE }] },
      options: base(data.title, { scales: { x: { title: { display: true, text: 'Doses given up to remission' } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Courses' } } } }) };
  }

  function safety(data) {
    return { type: 'bar', data: { labels: data.labels, datasets: [{ label: '% of sessions', data: data.values,
        backgroundColor: BLUE }] },
      options: base(data.title, { indexAxis: 'y', scales: { x: { min: 0, title: { display: true, text: '% of dosed sessions' } } } }) };
  }
})();
