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

// Plotly removes and redraws every annotation on each update (about a third of its time here).
// The titles above the panels and the signs between them are drawn in HTML instead, at the same
// places, and rebuilt only when they change. A figure with automargin (the flat view) keeps them
// in Plotly: its plot area is known only once Plotly has drawn it.
function htmlLabels(figure) {
  const { xaxis, yaxis } = figure.layout;
  return !xaxis.automargin && !yaxis.automargin && Array.isArray(xaxis.range) && Array.isArray(yaxis.range);
}

function drawLabels(layer, layout) {
  const key = JSON.stringify([layout.annotations, layout.width, layout.height]);
  if (layer.dataset.drawn === key) return;
  layer.dataset.drawn = key;
  const { l, r, t, b } = layout.margin;
  const [x0, x1] = layout.xaxis.range;
  const [y0, y1] = layout.yaxis.range;
  const left = (x) => l + ((x - x0) / (x1 - x0)) * (layout.width - l - r);
  const top = (y) => t + ((y1 - y) / (y1 - y0)) * (layout.height - t - b);
  layer.replaceChildren(
    ...layout.annotations.map((note) => {
      const label = document.createElement("div");
      const bold = note.text.startsWith("<b>");
      const lines = note.text.replace(/<\/?b>/g, "").split("<br>");
      label.append(...lines.flatMap((line, n) => (n ? [document.createElement("br"), line] : [line])));
      const lift = note.yanchor === "bottom" ? "-100%" : "-50%";
      label.style.cssText =
        `position:absolute;left:${left(note.x)}px;top:${top(note.y)}px;transform:translate(-50%,${lift});` +
        `font-size:${note.font?.size ?? 12}px;font-weight:${bold ? 700 : 400};text-align:center;` +
        "line-height:1.2;white-space:nowrap;pointer-events:none";
      return label;
    }),
  );
}

export default function (component) {
  const { data, parentElement } = component;
  // No figure: only start Plotly.js, while the server is still busy (the first run's TensorFlow).
  if (!data.figure) {
    loadPlotly(data.plotly).catch(() => {});
    return;
  }
  let chart = parentElement.querySelector("div.jacobian-heatmap");
  if (!chart) {
    const row = document.createElement("div");
    row.style.cssText = "display:flex;align-items:flex-start;max-width:100%;overflow-x:auto";
    const frame = document.createElement("div");
    frame.style.cssText = "position:relative;font-family:sans-serif;color:#31333f";
    chart = document.createElement("div");
    chart.className = "jacobian-heatmap";
    chart.setAttribute("role", "figure");
    const labels = document.createElement("div");
    labels.className = "jacobian-labels";
    labels.setAttribute("aria-hidden", "true");  // the chart's accessible name lists the titles
    const key = document.createElement("div");
    key.className = "jacobian-colour-key";
    key.setAttribute("aria-hidden", "true");
    frame.append(chart, labels);
    row.append(frame, key);
    parentElement.appendChild(row);
  }
  chart.setAttribute("aria-label", data.label);
  const figure = JSON.parse(data.figure);
  const { layout } = figure;
  // A figure wider than the page is narrowed to fit, beside its colour key (60 px).
  const room = parentElement.clientWidth - 60;
  if (room > 200 && layout.width > room) layout.width = room;
  layout.coloraxis.showscale = false;
  colourKey(parentElement.querySelector("div.jacobian-colour-key"), layout.coloraxis);
  const labels = parentElement.querySelector("div.jacobian-labels");
  if (htmlLabels(figure)) {
    drawLabels(labels, layout);
    layout.annotations = [];
  } else {
    labels.replaceChildren();
    delete labels.dataset.drawn;
  }
  // One drawing at a time per chart, in the order the figures arrived.
  chart.drawing = (chart.drawing ?? Promise.resolve())
    .then(() => loadPlotly(data.plotly))
    .then((Plotly) => Plotly.react(chart, figure.data, layout, { displaylogo: false }))
    .catch((error) => {
      chart.textContent = String(error);
    });
}
