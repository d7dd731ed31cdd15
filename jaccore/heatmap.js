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

// Plotly redraws its colour bar on every restyle, which about doubles the cost of a slider move;
// the same scale is drawn once here, in HTML, and only its three numbers change.
function colourKey(key, axis) {
  if (!key.firstChild) {
    const stops = axis.colorscale.map(([at, colour]) => `${colour} ${100 * at}%`).join(", ");
    key.style.cssText = "display:flex;gap:6px;height:120px;margin-top:40px;font-size:12px;color:#31333f";
    key.innerHTML =
      `<div style="width:12px;background:linear-gradient(to top, ${stops})"></div>` +
      `<div style="display:flex;flex-direction:column;justify-content:space-between">` +
      `<span></span><span>0</span><span></span></div>`;
  }
  const [top, , bottom] = key.querySelectorAll("span");
  top.textContent = Number(axis.cmax.toPrecision(3));
  bottom.textContent = Number(axis.cmin.toPrecision(3));
}

export default function (component) {
  const { data, parentElement } = component;
  let chart = parentElement.querySelector("div.jacobian-heatmap");
  if (!chart) {
    const row = document.createElement("div");
    row.style.cssText = "display:flex;align-items:flex-start;max-width:100%;overflow-x:auto";
    chart = document.createElement("div");
    chart.className = "jacobian-heatmap";
    chart.setAttribute("role", "figure");
    const key = document.createElement("div");
    key.className = "jacobian-colour-key";
    key.setAttribute("aria-hidden", "true");
    row.append(chart, key);
    parentElement.appendChild(row);
  }
  chart.setAttribute("aria-label", data.label);
  const figure = JSON.parse(data.figure);
  // A figure wider than the page is narrowed to fit, beside its colour key (60 px).
  const room = parentElement.clientWidth - 60;
  if (room > 200 && figure.layout.width > room) figure.layout.width = room;
  const axis = figure.layout.coloraxis;
  axis.showscale = false;
  colourKey(parentElement.querySelector("div.jacobian-colour-key"), axis);
  // One drawing at a time per chart, in the order the figures arrived.
  chart.drawing = (chart.drawing ?? Promise.resolve())
    .then(() => loadPlotly(data.plotly))
    .then((Plotly) => Plotly.react(chart, figure.data, figure.layout, { displaylogo: false }))
    .catch((error) => {
      chart.textContent = String(error);
    });
}
