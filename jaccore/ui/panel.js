// What a fragment shows below its sliders, as one element: blocks of HTML and charts, in order.
// Each element a fragment draws costs the browser time on every slider move; here a move rewrites
// only the blocks whose HTML changed and restyles each chart in place with Plotly.react, which
// redraws only what changed. (st.plotly_chart remounts its chart whenever the figure changes: a
// full Plotly.newPlot, several times over, on every slider move.)
//
// Plotly.js comes from the app's static files by a relative URL (app/static/…), so that it loads
// under any path prefix (Community Cloud's /~/+/, a proxy, server.baseUrlPath). If it cannot load,
// the component tells the server ("unavailable"), which draws the same figures with st.plotly_chart.
let plotlyLoading;

function loadPlotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  plotlyLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      plotlyLoading = undefined;  // a later page may try again
      script.remove();
      reject(new Error(`could not load ${url}`));
    };
    document.head.appendChild(script);
  });
  return plotlyLoading;
}

// Plotly redraws its colour bar on every restyle, which about doubles the cost of a slider move;
// the same scale is drawn once here, in HTML, and only its three numbers change.
function colourKey(key, axis) {
  if (!key.firstChild) {
    const stops = axis.colorscale.map(([at, colour]) => `${colour} ${100 * at}%`).join(", ");
    key.style.cssText = "display:flex;gap:6px;height:120px;margin-top:40px;font-size:12px;color:inherit";
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
// By the figures' contract (jaccore/figures.py), every annotation is a label: a "title" above a
// panel or a "sign" between panels, in Plotly's markup (<br>, <b>). They are drawn in HTML
// instead, at the same places, and rebuilt only when they change. A figure with automargin (the
// flat view) keeps them in Plotly: its plot area is known only once Plotly has drawn it.
function htmlLabels(figure) {
  const { xaxis, yaxis } = figure.layout;
  return !xaxis.automargin && !yaxis.automargin && Array.isArray(xaxis.range) && Array.isArray(yaxis.range);
}

// Where a point of the data (x, y) is drawn, in pixels from the chart's top left corner.
function plotArea(layout) {
  const { l, r, t, b } = layout.margin;
  const [x0, x1] = layout.xaxis.range;
  const [y0, y1] = layout.yaxis.range;
  return {
    left: (x) => l + ((x - x0) / (x1 - x0)) * (layout.width - l - r),
    top: (y) => t + ((y1 - y) / (y1 - y0)) * (layout.height - t - b),
  };
}

function drawLabels(layer, layout) {
  const key = JSON.stringify([layout.annotations, layout.width, layout.height]);
  if (layer.dataset.drawn === key) return;
  layer.dataset.drawn = key;
  const { left, top } = plotArea(layout);
  layer.replaceChildren(
    ...layout.annotations.map((note) => {
      const label = document.createElement("div");
      const bold = note.name === "sign";
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

// Plotly writes each cell's number as SVG text (a trace with a texttemplate), measured and laid
// out on every update (about a quarter of its time here). With the plot area known (fixed ranges,
// as for the labels), the numbers are HTML instead, over the cells: built once per grid, then only
// their text and colour change.
function colourAt(axis, value) {
  const at = Math.min(1, Math.max(0, (value - axis.cmin) / (axis.cmax - axis.cmin || 1)));
  const stops = axis.colorscale;
  let n = 1;
  while (n < stops.length - 1 && stops[n][0] < at) n += 1;
  const [a, from] = stops[n - 1];
  const [b, to] = stops[n];
  const mix = (at - a) / (b - a || 1);
  const rgb = (colour) => colour.match(/[\d.]+/g).map(Number);
  return rgb(from).map((channel, k) => channel + mix * (rgb(to)[k] - channel));
}

// d3-format's ".3~g", which the figure's texttemplate asks of Plotly: 3 significant digits, no trailing zeros.
function threeDigits(value) {
  const text = value.toPrecision(3);
  return text.includes("e") ? text.replace(/\.?0+e/, "e") : String(Number(text));
}

function drawCells(layer, layout, z) {
  const rows = z.length;
  const cols = z[0].length;
  const key = JSON.stringify([rows, cols, layout.width, layout.height, layout.margin]);
  if (layer.dataset.drawn !== key) {
    layer.dataset.drawn = key;
    const { left, top } = plotArea(layout);  // cell (row, col) is centred on the point (col, row)
    const cells = [];
    for (let row = 0; row < rows; row += 1) {
      for (let col = 0; col < cols; col += 1) {
        const cell = document.createElement("span");
        cell.style.cssText =
          `position:absolute;left:${left(col)}px;top:${top(row)}px;` +
          "transform:translate(-50%,-50%);font-size:12px;white-space:nowrap;pointer-events:none";
        cells.push(cell);
      }
    }
    layer.replaceChildren(...cells);
  }
  const axis = layout.coloraxis;
  z.flat().forEach((value, n) => {
    const cell = layer.children[n];
    const shown = value === null || !Number.isFinite(value) ? "" : threeDigits(value);
    if (cell.textContent !== shown) cell.textContent = shown;
    if (shown) {
      const colour = colourAt(axis, value);
      cell.dataset.background = `rgb(${colour.map(Math.round).join(",")})`;  // what the number is read on
      cell.style.color = readableOn(colour);
    }
  });
}

// Black or white, whichever contrasts more with the colour (WCAG's relative luminance): one of
// them always reaches 4.5 : 1.
function readableOn([red, green, blue]) {
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? "#fff" : "#000";
}

// On a screen too narrow for a figure's panels side by side (a phone), the panels wrap onto more
// rows instead of shrinking until their titles and signs run into each other. The figure keeps
// where each panel sits in layout.meta (jaccore/figures.py); a sign that ends a row stays at its end.
function retile(figure, room) {
  const { layout } = figure;
  const [trace] = figure.data;
  const { panels, panel_shape: [h, w] } = layout.meta;
  const { l, r, t, b } = layout.margin;
  const rows0 = trace.z.length;
  const cols0 = trace.z[0].length;
  const cellW = (layout.width - l - r) / cols0;
  const cellH = (layout.height - t - b) / rows0;
  const across = Math.max(1, Math.floor((room - l - r + cellW) / ((w + 1) * cellW)));
  const perRow = Math.max(1, ...panels.map(([, c]) => c / (w + 1) + 1));
  if (across >= perRow || !Array.isArray(trace.z)) return;
  const rows = Math.ceil(panels.length / across);
  const cols = across * (w + 1);  // a last empty column: room for the sign that ends a row
  const moved = panels.map((_, n) => [Math.floor(n / across) * (h + 1), (n % across) * (w + 1)]);
  const copy = (grid, fill) => {
    const out = Array.from({ length: rows * (h + 1) - 1 }, () => Array(cols).fill(fill));
    panels.forEach(([r0, c0], n) => {
      const [r1, c1] = moved[n];
      for (let i = 0; i < h; i += 1) for (let j = 0; j < w; j += 1) out[r1 + i][c1 + j] = grid[r0 + i][c0 + j];
    });
    return out;
  };
  trace.z = copy(trace.z, null);
  if (Array.isArray(trace.text)) trace.text = copy(trace.text, "");
  let title = 0;
  let sign = 0;
  for (const note of layout.annotations) {
    const [r1, c1] = moved[note.name === "title" ? title++ : sign++];
    note.x = note.name === "title" ? c1 + (w - 1) / 2 : c1 + w;
    note.y = note.name === "title" ? r1 - 0.5 : r1 + (h - 1) / 2;
  }
  for (const shape of layout.shapes ?? []) {  // outlines follow their panels (the batch's diagonal)
    const n = panels.findIndex(([r0, c0]) => r0 === shape.y0 + 0.5 && c0 === shape.x0 + 0.5);
    if (n < 0) continue;
    const [dy, dx] = [moved[n][0] - panels[n][0], moved[n][1] - panels[n][1]];
    Object.assign(shape, { x0: shape.x0 + dx, x1: shape.x1 + dx, y0: shape.y0 + dy, y1: shape.y1 + dy });
  }
  layout.meta = { ...layout.meta, panels: moved };
  nameCells(layout, h, w);
  layout.xaxis.range = [-0.5, cols - 0.5];
  layout.yaxis.range = [rows * (h + 1) - 1.5, -0.5];
  layout.width = l + r + cols * cellW;
  layout.height = t + b + (rows * (h + 1) - 1) * cellH;
}

// The names of the panels' rows and columns (layout.meta.cell_names, jaccore/figures.py), as tick
// labels beside and under every panel where it now sits.
function nameCells(layout, h, w) {
  const names = layout.meta.cell_names;
  if (!names) return;
  // Under the panels of the bottom row, beside those of the first column: where the axes are.
  const { panels } = layout.meta;
  const bottom = Math.max(...panels.map(([r]) => r));
  const columns = panels.filter(([r]) => r === bottom).map(([, c]) => c);
  const rows = panels.filter(([, c]) => c === 0).map(([r]) => r);
  if (names.columns.length) {
    layout.xaxis.tickvals = columns.flatMap((c) => names.columns.map((_, j) => c + j));
    layout.xaxis.ticktext = columns.flatMap(() => names.columns);
  }
  if (names.rows.length) {
    layout.yaxis.tickvals = rows.flatMap((r) => names.rows.map((_, i) => r + i));
    layout.yaxis.ticktext = rows.flatMap(() => names.rows);
  }
}

// A chart of the panel: its figure drawn in `node`, which it keeps across slider moves,
// at most `width` pixels wide with its colour key.
function drawChart(node, block, width, component) {
  let chart = node.querySelector("div.jacobian-heatmap");
  if (!chart) {
    const row = document.createElement("div");
    // The colour key goes below the chart when there is no room beside it; what is still too wide
    // for the screen (one very large panel) scrolls inside its own box.
    row.style.cssText = "display:flex;flex-wrap:wrap;align-items:flex-start;max-width:100%;overflow-x:auto";
    const frame = document.createElement("div");
    frame.style.cssText = "position:relative;font-family:sans-serif;color:inherit";
    chart = document.createElement("div");
    chart.className = "jacobian-heatmap";
    chart.setAttribute("role", "figure");
    const labels = document.createElement("div");
    labels.className = "jacobian-labels";
    labels.setAttribute("aria-hidden", "true");  // the chart's accessible name lists the titles
    const key = document.createElement("div");
    key.className = "jacobian-colour-key";
    key.setAttribute("aria-hidden", "true");
    const cells = document.createElement("div");
    cells.className = "jacobian-cells";
    cells.setAttribute("aria-hidden", "true");
    frame.append(chart, labels, cells);
    row.append(frame, key);
    node.appendChild(row);
  }
  chart.setAttribute("aria-label", block.label);
  const { figure } = block;  // parsed afresh on each update: changing it below is safe
  const { layout } = figure;
  // Wider than the page beside its colour key (60 px): its panels wrap onto more rows; a figure of
  // one panel (the flat view) is narrowed to fit instead.
  const room = width - 60;
  if (!layout.width) layout.width = Math.min(width, 900);  // a line chart (no colour key): the page's width
  if (layout.width > room && htmlLabels(figure) && layout.meta?.panels?.length > 1) retile(figure, room);
  else if (room > 200 && layout.width > room) layout.width = room;
  // The theme's text colour (Streamlit's light or dark theme); the backgrounds are transparent.
  layout.font = { ...layout.font, color: getComputedStyle(node).color };
  layout.paper_bgcolor = layout.plot_bgcolor = "rgba(0,0,0,0)";
  const key = node.querySelector("div.jacobian-colour-key");
  if (layout.coloraxis) {
    layout.coloraxis.showscale = false;
    colourKey(key, layout.coloraxis);
  } else {
    key.replaceChildren();  // a line chart: no colour scale
  }
  const labels = node.querySelector("div.jacobian-labels");
  const cells = node.querySelector("div.jacobian-cells");
  const [trace] = figure.data;
  if (htmlLabels(figure)) {
    drawLabels(labels, layout);
    layout.annotations = [];
    if (trace.texttemplate && Array.isArray(trace.z)) {
      drawCells(cells, layout, trace.z);
      delete trace.texttemplate;
    } else {
      cells.replaceChildren();
      delete cells.dataset.drawn;
    }
  } else {
    for (const layer of [labels, cells]) {
      layer.replaceChildren();
      delete layer.dataset.drawn;
    }
  }
  // One drawing at a time per chart, in the order the figures arrived.
  chart.drawing = (chart.drawing ?? Promise.resolve())
    .then(() => loadPlotly(component.data.plotly))
    .then((Plotly) => Plotly.react(chart, figure.data, layout, { displaylogo: false }))
    .then(() => readableLabels(chart, layout.coloraxis))
    .catch(() => component.setTriggerValue("unavailable", true));
}

// Where Plotly writes the numbers in the cells itself (the flat view), it colours each #444 or white
// by its own rule of light and dark: #444 on a mid blue is 3.9 : 1. Each number is recoloured black or
// white by WCAG's rule instead, from the cell's colour (its value, read back from its text).
function readableLabels(chart, axis) {
  if (!axis) return;
  for (const label of chart.querySelectorAll(".heatmap-label text")) {
    const value = Number(label.textContent.replace("\u2212", "-"));  // Plotly writes minus as U+2212
    if (Number.isFinite(value)) label.style.fill = readableOn(colourAt(axis, value));
  }
}

export default function (component) {
  const { data, parentElement } = component;
  // No blocks: only start Plotly.js, while the server is still busy (the first run's TensorFlow).
  if (!data.blocks) {
    loadPlotly(data.plotly).catch(() => component.setTriggerValue("unavailable", true));
    return;
  }
  let panel = parentElement.querySelector("div.jx-panel");
  if (!panel) {
    panel = document.createElement("div");
    panel.className = "jx-panel";
    panel.style.cssText = "display:flex;flex-direction:column;gap:1rem";  // Streamlit's gap between elements
    parentElement.appendChild(panel);
  }
  // Read before any block is written: a read after a write makes the browser lay out the page again.
  const width = panel.clientWidth;
  // A block keeps its node while its kind stays (a chart keyed by its name): a chart is
  // restyled, not rebuilt, and an HTML block is rewritten only when its HTML changed.
  const blocks = JSON.parse(data.blocks);
  blocks.forEach((block, n) => {
    const kind = block.figure ? `chart:${block.name}` : "html";
    let node = panel.children[n];
    if (node?.dataset.kind !== kind) {
      const fresh = document.createElement("div");
      fresh.dataset.kind = kind;
      // The browser lays out and paints a block only while it is on screen (most of the panel is
      // below the sliders); off screen, it keeps the block's last size.
      fresh.style.cssText = "content-visibility:auto;contain-intrinsic-size:auto 300px";
      if (node) node.replaceWith(fresh);
      else panel.appendChild(fresh);
      node = fresh;
    }
    if (block.figure) drawChart(node, block, width, component);
    else if (node.shownHtml !== block.html) {
      node.innerHTML = block.html;
      node.shownHtml = block.html;
    }
  });
  while (panel.children.length > blocks.length) panel.lastChild.remove();
}
