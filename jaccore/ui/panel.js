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
// A figure whose results have a scale of their own (tiles.own_scale) gets a second key, headed by
// what it is the scale of.
function colourKey(key, axis) {
  if (!key.firstChild) {
    const stops = axis.colorscale.map(([at, colour]) => `${colour} ${100 * at}%`).join(", ");
    key.style.cssText = "display:grid;grid-template-columns:12px auto;gap:4px 6px;align-content:start;" +
      "margin-top:40px;font-size:12px;color:inherit";
    key.innerHTML =
      `<b style="grid-column:1 / -1;max-width:5em;font-weight:600;line-height:1.2"></b>` +
      `<div style="height:120px;background:linear-gradient(to top, ${stops})"></div>` +
      `<div style="display:flex;flex-direction:column;justify-content:space-between;height:120px">` +
      `<span></span><span>0</span><span></span></div>`;
  }
  const [top, , bottom] = key.querySelectorAll("span");
  top.textContent = Number(axis.cmax.toPrecision(3));
  bottom.textContent = Number(axis.cmin.toPrecision(3));
  const title = axis.colorbar?.title?.text ?? "";
  const heading = key.querySelector("b");
  if (heading.textContent !== title) heading.textContent = title;
  heading.hidden = !title;
}

// Plotly removes and redraws every annotation on each update (about a third of its time here).
// By the figures' contract (jaccore/figures.py), every annotation is a label: a "title" above a
// panel, a "sign" after one, a "note" under one, in Plotly's markup (<br>, <b>, <sub>). Where the
// layout rule places the panels (layout.js: both axes with fixed ranges, no automargin), the
// labels and the names of the cells' rows and columns are drawn in HTML at their places instead,
// and rebuilt only when they change. The flat view (automargin) keeps them in Plotly: its plot
// area is known only once Plotly has drawn it.
function htmlLabels(figure) {
  const { xaxis, yaxis } = figure.layout;
  return !xaxis.automargin && !yaxis.automargin && Array.isArray(xaxis.range) && Array.isArray(figure.layout.meta?.panels);
}

// A text's width in pixels at a font size, in the charts' font (measured once per text and size).
const measured = new Map();
let pen;
function measure(text, px) {
  const key = `${px}|${text}`;
  if (!measured.has(key)) {
    pen ??= document.createElement("canvas").getContext("2d");
    pen.font = `${px}px sans-serif`;
    measured.set(key, pen.measureText(text).width);
  }
  return measured.get(key);
}

// A label's markup as nodes: lines split at <br>, <sub> as a subscript, <b> dropped (signs are bold).
function labelNodes(markup) {
  return markup.split("<br>").flatMap((line, n) => {
    const parts = line.replace(/<\/?b>/g, "").split(/(<sub>.*?<\/sub>)/);
    const nodes = parts.filter(Boolean).map((part) => {
      if (!part.startsWith("<sub>")) return document.createTextNode(part);
      const sub = document.createElement("sub");
      sub.style.lineHeight = "0";  // a subscript does not lower its line
      sub.textContent = part.slice(5, -6);
      return sub;
    });
    return n ? [document.createElement("br"), ...nodes] : nodes;
  });
}

function drawLabels(layer, layout) {
  const key = JSON.stringify([layout.annotations, layout.margin]);
  if (layer.dataset.drawn === key) return;
  layer.dataset.drawn = key;
  const { l, t } = layout.margin;
  const across = { left: "0", right: "-100%" };
  const down = { bottom: "-100%", top: "0" };
  layer.replaceChildren(
    ...layout.annotations.map((note) => {
      const label = document.createElement("div");
      label.dataset.kind = note.name;  // title, sign, note or name: what the tests read the layout by
      label.append(...labelNodes(note.text));
      // Turned a quarter (names too wide for their cells): read upwards, ending under the cell.
      const place = note.textangle
        ? `rotate(${note.textangle}deg) translate(-100%,-50%)`
        : `translate(${across[note.xanchor] ?? "-50%"},${down[note.yanchor] ?? "-50%"})`;
      label.style.cssText =
        `position:absolute;left:${l + note.x}px;top:${t + note.y}px;transform:${place};transform-origin:0 0;` +
        `font-size:${note.font?.size ?? 12}px;font-weight:${note.name === "sign" ? 700 : 400};text-align:center;` +
        "line-height:1.25;white-space:nowrap;pointer-events:none";
      return label;
    }),
  );
}

// Plotly writes each cell's number as SVG text (a trace with a texttemplate), measured and laid
// out on every update (about a quarter of its time here). The numbers are HTML instead, over the
// cells, at the size the layout chose (none where the cells are too small for them: the hover
// still says): built once per grid, then only their text and colour change.
//
// Until Plotly.js has drawn the chart once (a new learner's browser fetches and evaluates it: ~0.5 s
// after the panel arrives), the cells are also painted in HTML, in the colours Plotly will give
// them: the first picture does not wait for Plotly, and Plotly then adds the hover.
const MAX_PAINTED = 4096;  // cells painted in HTML before Plotly draws; past this, the chart waits

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

function drawCells(layer, layout, figure, px, paint) {
  const [trace, over] = figure.data;
  const { z } = trace;
  const key = JSON.stringify([trace.x, trace.y, layout.margin, px]);
  if (layer.dataset.drawn !== key) {
    layer.dataset.drawn = key;
    const { l, t } = layout.margin;
    const size = (edges, k) => Math.max(0, edges[k + 1] - edges[k] - 1);  // 1 px between cells, as Plotly's gap
    const cells = [];
    z.forEach((row, r) => {
      row.forEach((_, c) => {
        const cell = document.createElement("span");
        cell.style.cssText =
          `position:absolute;left:${l + trace.x[c]}px;top:${t + trace.y[r]}px;` +
          `width:${size(trace.x, c)}px;height:${size(trace.y, r)}px;display:flex;align-items:center;` +
          `justify-content:center;font-size:${px}px;white-space:nowrap;pointer-events:none`;
        cells.push(cell);
      });
    });
    layer.replaceChildren(...cells);
  }
  const own = over?.z.flat() ?? [];  // the panels on a scale of their own: their colour from it
  z.flat().forEach((value, n) => {
    const cell = layer.children[n];
    const finite = value !== null && Number.isFinite(value);
    const shown = finite && px ? threeDigits(value) : "";
    if (cell.textContent !== shown) cell.textContent = shown;
    const axis = own[n] !== null && own[n] !== undefined && Number.isFinite(own[n]) ? layout.coloraxis2 : layout.coloraxis;
    const colour = finite ? colourAt(axis, value) : null;
    const background = colour ? `rgb(${colour.map(Math.round).join(",")})` : "";
    if (shown) {
      cell.dataset.background = background;  // what the number is read on
      cell.style.color = readableOn(colour);
    }
    cell.style.background = paint ? background : "";
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

const KEY_PX = 56;  // the colour key beside a chart

// A chart of the panel: its figure drawn in `node`, which it keeps across slider moves, in
// `width` pixels with its colour key; `hint` says, when the chart scrolls, that it does.
function drawChart(node, block, width, component) {
  let chart = node.querySelector("div.jacobian-heatmap");
  if (!chart) {
    const row = document.createElement("div");
    row.style.cssText = "display:flex;flex-wrap:wrap;align-items:flex-start;max-width:100%";
    const hint = document.createElement("p");
    hint.className = "jacobian-scroll-hint";
    hint.style.cssText = "margin:0 0 0.25rem;font-size:0.875rem";
    // A chart wider than the screen at its narrowest legible cells scrolls inside its own box.
    const scroller = document.createElement("div");
    scroller.className = "jacobian-scroller";
    scroller.style.cssText = "overflow-x:auto;max-width:100%";
    const frame = document.createElement("div");
    frame.style.cssText = "position:relative;font-family:sans-serif;color:inherit";
    chart = document.createElement("div");
    chart.className = "jacobian-heatmap";
    chart.setAttribute("role", "figure");
    const labels = document.createElement("div");
    labels.className = "jacobian-labels";
    labels.setAttribute("aria-hidden", "true");  // the chart's accessible name lists the titles
    const keys = document.createElement("div");
    keys.style.cssText = "display:flex;gap:8px";
    for (const name of ["jacobian-colour-key", "jacobian-colour-key jacobian-colour-key-own"]) {
      const key = document.createElement("div");
      key.className = name;
      key.setAttribute("aria-hidden", "true");
      keys.append(key);
    }
    const cells = document.createElement("div");
    cells.className = "jacobian-cells";
    cells.setAttribute("aria-hidden", "true");
    frame.append(chart, labels, cells);
    scroller.append(frame);
    row.append(scroller, keys);
    // The numbers the cells show, as tables a screen reader reads after the chart's name.
    const readout = document.createElement("div");
    readout.className = "jacobian-readout";
    node.append(hint, row, readout);
  }
  chart.setAttribute("aria-label", block.label);
  const readout = node.querySelector("div.jacobian-readout");
  if (readout.shownHtml !== block.table) {
    showTables(readout, block.table ?? "");
    readout.shownHtml = block.table;
  }
  const { figure } = block;  // parsed afresh on each update: changing it below is safe
  const { layout } = figure;
  const [trace] = figure.data;
  const room = width - KEY_PX * ((layout.coloraxis ? 1 : 0) + (layout.coloraxis2 ? 1 : 0));
  const labels = node.querySelector("div.jacobian-labels");
  const cells = node.querySelector("div.jacobian-cells");
  const placed = htmlLabels(figure) && Array.isArray(trace.z);
  let cellFont = 0;
  if (placed) cellFont = arrange(figure, room, measure).fonts.cell;
  else if (!layout.width) layout.width = Math.min(width, 900);  // a line chart: the page's width
  else if (room > 200 && layout.width > room) layout.width = room;  // the flat view: narrowed to fit
  const scrolls = layout.width > room + 1;
  node.querySelector("p.jacobian-scroll-hint").textContent = scrolls ? block.hint ?? "" : "";
  const scroller = node.querySelector("div.jacobian-scroller");
  // A chart that scrolls has the whole width, its keys under it: beside it, they would hide a column
  // that the scroll hint says is there.
  scroller.style.maxWidth = `${scrolls ? width : room}px`;
  scroller.nextElementSibling.style.marginTop = scrolls ? "-28px" : "";  // the keys: no titles to line up with
  // A chart that scrolls sideways takes the keyboard's focus, so that the arrow keys scroll it.
  if (scrolls) {
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "group");
    scroller.setAttribute("aria-label", block.hint ?? "");
  } else {
    scroller.removeAttribute("tabindex");
    scroller.removeAttribute("role");
    scroller.removeAttribute("aria-label");
  }
  // The theme's text colour (Streamlit's light or dark theme); the backgrounds are transparent.
  const ink = getComputedStyle(node).color;
  layout.font = { ...layout.font, color: ink };
  layout.paper_bgcolor = layout.plot_bgcolor = "rgba(0,0,0,0)";
  // Outlines in the text's colour, grid lines in it at 3 : 1 or more, on the light and the dark theme.
  for (const shape of layout.shapes ?? []) shape.line = { ...shape.line, color: ink };
  const [red, green, blue] = ink.match(/[\d.]+/g);
  const faint = `rgba(${red}, ${green}, ${blue}, 0.55)`;
  for (const axis of [layout.xaxis, layout.yaxis]) {
    if (axis?.gridcolor) Object.assign(axis, { gridcolor: faint, zerolinecolor: ink });
  }
  const [shared, own] = node.querySelectorAll("div.jacobian-colour-key");
  for (const [key, axis] of [[shared, layout.coloraxis], [own, layout.coloraxis2]]) {
    if (axis) {
      axis.showscale = false;
      colourKey(key, axis);
    } else {
      key.replaceChildren();  // a line chart, or no scale of its own: no key
    }
  }
  if (placed) {
    drawLabels(labels, layout);
    layout.annotations = [];
    // The chart's own size before Plotly has drawn in it: what the HTML first picture is laid on.
    chart.style.width = `${layout.width}px`;
    chart.style.height = `${layout.height}px`;
    const numbers = Boolean(trace.texttemplate && cellFont);
    const paint = !chart.plotted && trace.z.length * (trace.z[0]?.length ?? 0) <= MAX_PAINTED;
    if (numbers || paint) drawCells(cells, layout, figure, numbers ? cellFont : 0, paint);
    else {
      cells.replaceChildren();
      delete cells.dataset.drawn;
    }
    delete trace.texttemplate;
  } else {
    for (const layer of [labels, cells]) {
      layer.replaceChildren();
      delete layer.dataset.drawn;
    }
  }
  // One drawing at a time per chart, in the order the figures arrived.
  chart.drawing = (chart.drawing ?? Promise.resolve())
    .then(() => loadPlotly(component.data.plotly))
    // No tool bar: it covers the titles (on a phone, always), and its ten buttons would be ten Tab
    // stops before the next slider. A line chart still zooms by dragging, and resets by a double click.
    .then((Plotly) => Plotly.react(chart, figure.data, layout, { displaylogo: false, displayModeBar: false }))
    .then(() => {
      if (!chart.plotted) {
        chart.plotted = true;  // Plotly paints the cells from now on
        for (const cell of cells.children) cell.style.background = "";
      }
      readableLabels(chart, layout.coloraxis);
    })
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

// The answer on screen belongs to the slider values it was computed from (`data.inputs`: each slider's
// class on the page → its value). Where the sliders say otherwise (a move whose run has not come back
// yet; after a server restart, a move the new server never saw), the panel is marked stale, a screen
// reader told it is busy, and, if the page has finished its runs and none brought it up to date, the
// panel asks for one, once for those slider values: the page never rests on an answer that is not
// that of its sliders. (Asking while a run is under way would restart that run, again and again.)
const STALE_MS = 800;

function running() {
  return document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState !== "notRunning";
}

function slidersNow(inputs) {
  return JSON.stringify(Object.keys(inputs ?? {}).map((name) => document.querySelector(`.${name} input[type="range"]`)?.getAttribute("aria-valuetext")));
}

function slidersDiffer(inputs) {
  for (const [name, value] of Object.entries(inputs ?? {})) {
    const thumb = document.querySelector(`.${name} [data-testid="stSlider"] input[type="range"], .${name} input[type="range"]`);
    const shown = Number(thumb?.getAttribute("aria-valuetext") ?? thumb?.value);
    if (thumb && Number.isFinite(shown) && Math.abs(shown - value) > 1e-6 * Math.max(1, Math.abs(value))) return true;
  }
  return false;
}

function watchSliders(panel, component) {
  const check = () => {
    const stale = slidersDiffer(panel.inputs);
    panel.toggleAttribute("data-stale", stale);
    panel.setAttribute("aria-busy", String(stale));
    clearTimeout(panel.resync);
    if (!stale) return;
    const ask = () => {
      if (!slidersDiffer(panel.inputs)) return;
      if (running()) {
        panel.resync = setTimeout(ask, STALE_MS);  // the run under way may bring it: look again after it
        return;
      }
      const now = slidersNow(panel.inputs);
      if (panel.asked === now) return;  // asked once for these values already
      panel.asked = now;
      component.setTriggerValue("resync", Date.now());
    };
    panel.resync = setTimeout(ask, STALE_MS);
  };
  panel.check = check;
  if (!panel.watching) {
    panel.watching = new MutationObserver(() => panel.check());
    panel.watching.observe(document.querySelector('[data-testid="stMain"]') ?? document.body,
      { subtree: true, attributes: true, attributeFilter: ["aria-valuetext"] });
  }
  check();
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
  panel.inputs = data.inputs ? JSON.parse(data.inputs) : {};
  watchSliders(panel, component);
}

// The readout's tables, as `markup` has them. A slider move changes their numbers, not their
// structure: then only the text that differs is replaced, in place. New elements would be styled
// and laid out afresh, thousands of them on a page of many small panels (~50 ms a move).
function showTables(readout, markup) {
  const fresh = document.createElement("template");
  fresh.innerHTML = markup;
  const texts = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) found.push(walker.currentNode);
    return found;
  };
  const now = texts(readout);
  const next = texts(fresh.content);
  const same = now.length === next.length && now.every((n, k) => n.nodeName === next[k].nodeName);
  if (!same) {
    readout.replaceChildren(fresh.content);
    return;
  }
  now.forEach((n, k) => {
    if (n.nodeType === Node.TEXT_NODE && n.data !== next[k].data) n.data = next[k].data;
  });
}
