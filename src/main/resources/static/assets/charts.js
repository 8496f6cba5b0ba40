// The dashboard's charts: each .chart carries its days (data-x, Unix seconds) and two series as JSON.
(function () {
  var colours = ["#0b6e4f", "#c2410c"];
  function draw(el) {
    var x = JSON.parse(el.dataset.x), first = JSON.parse(el.dataset.first), second = JSON.parse(el.dataset.second);
    el.innerHTML = "";
    var width = Math.max(260, el.clientWidth);
    var opts = {
      width: width, height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{ stroke: "#52606d", grid: { stroke: "#eef1f4" } },
             { stroke: "#52606d", grid: { stroke: "#eef1f4" }, size: 48 }],
      series: [{},
        { label: el.dataset.firstLabel, stroke: colours[0], width: 2, fill: "rgba(11,110,79,0.08)" },
        { label: el.dataset.secondLabel, stroke: colours[1], width: 2, dash: [6, 4] }]
    };
    new uPlot(opts, [x, first, second], el);
  }
  function drawAll() {
    document.querySelectorAll(".chart[data-x]").forEach(draw);
  }
  if (window.uPlot) {
    drawAll();
    var pending;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(drawAll, 150);
    });
  }
})();
