// A Plotly chart that stays mounted: new figures go through Plotly.react, which redraws only
// what changed. (st.plotly_chart remounts its chart whenever the figure changes: a full
// Plotly.newPlot, several times over, on every slider move.)
let plotlyLoading;

function loadPlotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  plotlyLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  });
  return plotlyLoading;
}

export default function (component) {
  const { data, parentElement } = component;
  let chart = parentElement.querySelector("div.jacobian-heatmap");
  if (!chart) {
    chart = document.createElement("div");
    chart.className = "jacobian-heatmap";
    chart.setAttribute("role", "figure");
    chart.style.maxWidth = "100%";
    chart.style.overflowX = "auto";
    parentElement.appendChild(chart);
  }
  chart.setAttribute("aria-label", data.label);
  const figure = JSON.parse(data.figure);
  // One drawing at a time per chart, in the order the figures arrived.
  chart.drawing = (chart.drawing ?? Promise.resolve())
    .then(() => loadPlotly(data.plotly))
    .then((Plotly) => Plotly.react(chart, figure.data, figure.layout, { displaylogo: false }))
    .catch((error) => {
      chart.textContent = String(error);
    });
}
