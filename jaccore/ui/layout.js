// The layout rule of every chart of matrices, where the width of the screen is known. The figure
// says what it is (jaccore/tiles.py writes layout.meta); `arrange` decides the sizes:
//
// - a grid keeps every panel where it is (a Jacobian: a grid shaped like y of slices shaped like x).
//   Where it does not fit, the whole grid is drawn smaller: narrower cells, smaller type, the numbers
//   in the cells left out below a legible size (the hover still has them). Past CELL.least it stops
//   shrinking and scrolls sideways as one unit. It never re-flows into another grid;
// - an equation (terms with a sign after each) stays on one line while its cells are at least
//   CELL.equation wide; otherwise it wraps between whole terms into the fewest lines that are,
//   each sign at the end of its line, and its last `together` terms always on one line (Σ beside
//   tape.gradient).
//
// Cells are placed in pixels: the heatmap gets the edges of its columns and rows (x and y), so
// that gaps between panels are as wide as the signs in them need and rows of panels are as far
// apart as their titles need. Every label (titles, signs, notes, the names of the cells' rows and
// columns) becomes an annotation at its place in those pixels, drawn in HTML by the panel.

// A figure of pictures (meta.pixels: an image's pixels, no numbers in them) has square cells from
// `pixels[1]` down to `pixels[0]`: a picture needs no room for numbers.
const CELL = { width: 72, height: 44, least: 14, equation: 32, pixels: [10, 28] };
const FONT = { cell: 12, title: 12, sign: 16, name: 11, least: 9, equation: 10 };
const LINE = 1.25; // line height, in ems

// The figure laid out in `room` pixels (changed in place; its geometry returned). `measure(text, px)`:
// the width of a text at a font size, in pixels.
function arrange(figure, room, measure) {
  const { layout } = figure;
  const { meta } = layout;
  const texts = { title: [], sign: [], note: [] };
  for (const note of layout.annotations) texts[note.name]?.push(note.text);
  const numbers = widestNumber(figure.data[0], measure);
  const sized = (placed, cw, force) => geometry(placed, texts, meta.cell_names, cw, numbers, measure, force, meta.pixels);
  const [least, most] = meta.pixels ? CELL.pixels : [CELL.least, CELL.width];
  const fits = (placed, cw) => {
    const g = sized(placed, cw);
    return g && g.width <= room ? g : null;
  };
  const panels = meta.panels.map(([r, c, h, w]) => ({ r, c, h, w }));
  let placed = { panels, shape: [figure.data[0].z.length, figure.data[0].z[0].length] };
  let chosen = null;
  if (meta.arrange === "equation") {
    // The fewest lines at which the cells and the titles still read; failing that, a term per line.
    const inCount = (count) => inLines(panels, lines(panels.length, count, meta.together ?? 0));
    for (let count = 1; count <= panels.length && !chosen; count += 1) {
      const candidate = inCount(count);
      for (let cw = most; cw >= (meta.pixels ? least : CELL.equation) && !chosen; cw -= 1) {
        const g = fits(candidate, cw);
        if (g && g.fonts.title >= FONT.equation) chosen = g;
      }
    }
    placed = chosen?.placed ?? inCount(panels.length);
  }
  for (let cw = most; cw >= least && !chosen; cw -= 1) chosen = fits(placed, cw);
  // Too wide even at the narrowest legible cells: the narrowest at which its titles fit, scrolled.
  for (let cw = least; cw <= 4 * CELL.width && !chosen; cw += 1) chosen = sized(placed, cw);
  chosen ??= sized(placed, CELL.width, true);
  apply(figure, chosen);
  return chosen;
}

// The widths of the widest number written in the cells, at each font size (null: no numbers).
function widestNumber(trace, measure) {
  if (!trace.texttemplate || !Array.isArray(trace.z)) return null;
  let widest = "";
  for (const row of trace.z) {
    for (const value of row) {
      const text = value === null || !Number.isFinite(value) ? "" : threeDigits(value);
      if (text.length > widest.length) widest = text;
    }
  }
  return (px) => measure(widest, px);
}

// d3-format's ".3~g", which the figure's texttemplate asks of Plotly: 3 significant digits, no trailing zeros.
function threeDigits(value) {
  const text = value.toPrecision(3);
  return text.includes("e") ? text.replace(/\.?0+e/, "e") : String(Number(text));
}

// `n` terms in `count` lines of about equal length, the last `together` on one line.
function lines(n, count, together) {
  const per = Math.ceil(n / count);
  const out = [];
  for (let start = 0; start < n; start += per) out.push(Array.from({ length: Math.min(per, n - start) }, (_, k) => start + k));
  while (out.length > 1 && out.at(-1).length < Math.min(together, n)) {
    out.at(-1).unshift(out.at(-2).pop());
    if (!out.at(-2).length) out.splice(-2, 1);
  }
  return out;
}

// The panels placed line by line, one empty cell between neighbours and between lines; a line
// that wraps keeps a last empty column for the sign that ends it.
function inLines(panels, groups) {
  const placed = [];
  let row = 0;
  let cols = 0;
  groups.forEach((group, n) => {
    let col = 0;
    for (const k of group) {
      placed[k] = { ...panels[k], r: row, c: col };
      col += panels[k].w + 1;
    }
    cols = Math.max(cols, n < groups.length - 1 ? col : col - 1);
    row += Math.max(...group.map((k) => panels[k].h)) + 1;
  });
  return { panels: placed, shape: [row - 1, cols], moved: groups.length > 1 };
}

// Sizes in pixels for cells `cw` wide, or null where the titles do not fit over their panels.
function geometry({ panels, shape, moved }, texts, names, cw, numbers, measure, force = false, square = false) {
  const [rows, cols] = shape;
  const scale = cw / CELL.width;
  const ch = square ? cw : Math.round(Math.max(22, Math.min(CELL.height, CELL.height * scale)));
  const dataCol = Array(cols).fill(false);
  const dataRow = Array(rows).fill(false);
  for (const p of panels) {
    for (let j = 0; j < p.w; j += 1) dataCol[p.c + j] = true;
    for (let i = 0; i < p.h; i += 1) dataRow[p.r + i] = true;
  }
  // The gaps: as wide as the signs in them, at least a third of a cell.
  const signFont = Math.max(11, Math.round(FONT.sign * Math.min(1, scale + 0.2)));
  const gap = Array(cols).fill(Math.max(8, Math.round(cw / 3)));
  texts.sign.forEach((text, k) => {
    const p = panels[k];
    if (p && p.c + p.w < cols) gap[p.c + p.w] = Math.max(gap[p.c + p.w], 1.1 * measure(plainText(text), signFont) + 10);  // bold
  });
  // The titles: the largest type at which each fits over its panel and the gap after it, else
  // broken after its '/' (∂Y[0,3]/ over ∂W).
  const titles = fitTitles(texts.title, panels, cw, gap, measure, force);
  if (!titles) return null;
  const noteFont = Math.max(FONT.least, Math.min(FONT.name, Math.floor(FONT.name * (scale + 0.3))));
  const band = (lineCount, px) => Math.ceil(lineCount * px * LINE) + 4;
  // Names of the cells' columns (under the bottom row of panels) and rows (beside the first column).
  const named = names ?? { columns: [], rows: [] };
  const nameFont = Math.max(FONT.least, Math.min(FONT.name, Math.round(FONT.name * (scale + 0.3))));
  const widestColumn = Math.max(0, ...named.columns.map((t) => measure(t, nameFont)));
  const upright = widestColumn <= cw - 2;
  const columnFont = upright ? nameFont : Math.min(nameFont, Math.floor((cw - 2) / LINE));
  const showColumns = named.columns.length > 0 && columnFont >= 8;
  const columnBand = showColumns ? (upright ? band(1, nameFont) : Math.ceil(Math.max(...named.columns.map((t) => measure(t, columnFont)))) + 6) : 0;
  const rowsWidth = named.rows.length ? Math.ceil(Math.max(...named.rows.map((t) => measure(t, nameFont)))) + 8 : 0;
  const noteBand = texts.note.length ? band(1, noteFont) + 2 : 0;
  // Rows: a gap row holds the notes of the panels above it and the titles of those below it.
  const starts = new Map();
  panels.forEach((p, k) => starts.set(p.r, Math.max(starts.get(p.r) ?? 0, titles.lines[k])));
  const heights = Array.from({ length: rows }, (_, r) => (dataRow[r] ? ch : 6 + noteBand + band(starts.get(r + 1) ?? 1, titles.font)));
  const widths = Array.from({ length: cols }, (_, c) => (dataCol[c] ? cw : gap[c]));
  const xEdges = edges(widths);
  const yEdges = edges(heights);
  // A title wider than its panel at either end of a line reaches into the margin: room for it there.
  const reach = (p, k) => Math.max(...titles.texts[k].split("<br>").map((line) => measure(plainText(line), titles.font))) / 2;
  const centre = (p) => (xEdges[p.c] + xEdges[p.c + p.w]) / 2;
  const margin = {
    l: Math.ceil(Math.max(4, rowsWidth, ...panels.map((p, k) => reach(p, k) - centre(p) + 2))),
    r: Math.ceil(Math.max(4, ...panels.map((p, k) => centre(p) + reach(p, k) - xEdges.at(-1) + 2))),
    t: band(starts.get(0) ?? 1, titles.font) + 2,
    b: noteBand + columnBand + 4,
  };
  const cellFont = numbers && [12, 11, 10, 9].find((px) => numbers(px) <= cw - 4 && px + 4 <= ch);
  return {
    placed: { panels, shape, moved },
    width: margin.l + xEdges.at(-1) + margin.r,
    height: margin.t + yEdges.at(-1) + margin.b,
    margin, xEdges, yEdges, cw, ch,
    fonts: { title: titles.font, sign: signFont, note: noteFont, name: nameFont, column: columnFont, cell: cellFont || 0 },
    titles: titles.texts, upright, showColumns,
  };
}

function edges(sizes) {
  const out = [0];
  for (const size of sizes) out.push(out.at(-1) + size);
  return out;
}

function plainText(markup) {
  return markup.replace(/<br>/g, " ").replace(/<\/?(b|sub)>/g, "");
}

// A title is centred over its panel: it may reach halfway into the gaps on either side (past the
// first and last panels of a line, a little way into the margin).
function fitTitles(titles, panels, cw, gap, measure, force) {
  const side = (col) => (col < 0 || col >= gap.length ? 12 : gap[col] / 2);
  const room = panels.map((p) => p.w * cw + side(p.c - 1) + side(p.c + p.w) - 4);
  const split = (text, broken) => {
    const parts = text.split("<br>");
    return broken ? parts.flatMap((line) => line.replace(/\/(?=∂)/, "/<br>").split("<br>")) : parts;
  };
  for (const broken of [false, true]) {
    for (let px = FONT.title; px >= FONT.least; px -= 1) {
      const texts = titles.map((t) => split(t, broken).join("<br>"));
      const ok = texts.every((t, k) => t.split("<br>").every((line) => measure(plainText(line), px) <= room[k]));
      if (ok || (force && broken && px === FONT.least)) return { font: px, texts, lines: texts.map((t) => t.split("<br>").length) };
    }
  }
  return null;
}

// A point of the grid of cells (x, y: a cell's column and row, .5 its edge) in pixels of the plot area.
function toPx(edgesOf, u) {
  const k = Math.min(Math.max(u + 0.5, 0), edgesOf.length - 1);
  const i = Math.min(Math.floor(k), edgesOf.length - 2);
  return edgesOf[i] + (k - i) * (edgesOf[i + 1] - edgesOf[i]);
}

// The figure, changed to follow the geometry: its panels moved (an equation's lines), its cells'
// edges in pixels, and every label an annotation at its place.
function apply(figure, g) {
  const { layout } = figure;
  const { panels, shape, moved } = g.placed;
  if (moved) {
    const copy = (grid, fill) => {
      const out = Array.from({ length: shape[0] }, () => Array(shape[1]).fill(fill));
      layout.meta.panels.forEach(([r0, c0, h, w], n) => {
        const { r, c } = panels[n];
        for (let i = 0; i < h; i += 1) for (let j = 0; j < w; j += 1) out[r + i][c + j] = grid[r0 + i][c0 + j];
      });
      return out;
    };
    for (const t of figure.data) {  // the numbers' heatmap, and the one that paints an own scale
      t.z = copy(t.z, null);
      if (Array.isArray(t.text)) t.text = copy(t.text, "");
    }
  }
  const { xEdges, yEdges, fonts } = g;
  const x = (u) => toPx(xEdges, u);
  const y = (u) => toPx(yEdges, u);
  const notes = [];
  const note = (text, at, size, extra = {}) => notes.push({ text, x: at[0], y: at[1], font: { size }, ...extra });
  const signs = layout.annotations.filter((a) => a.name === "sign");
  const under = layout.annotations.filter((a) => a.name === "note");
  panels.forEach((p, k) => {
    const centre = x(p.c + (p.w - 1) / 2);
    note(g.titles[k], [centre, y(p.r - 0.5) - 2], fonts.title, { name: "title", yanchor: "bottom" });
    if (signs[k]) note(signs[k].text, [x(p.c + p.w), y(p.r + (p.h - 1) / 2)], fonts.sign, { name: "sign" });
    if (under[k]) note(under[k].text, [centre, y(p.r + p.h - 0.5) + 2], fonts.note, { name: "note", yanchor: "top" });
  });
  const names = layout.meta.cell_names;
  if (names) {
    const bottom = Math.max(...panels.map((p) => p.r + p.h));
    const below = y(bottom - 0.5) + 2 + (under.length ? g.fonts.note * LINE + 6 : 0);
    for (const p of panels) {
      if (g.showColumns && p.r + p.h === bottom) {
        names.columns.forEach((text, j) => note(text, [x(p.c + j), below], fonts.column, { name: "name", yanchor: "top", textangle: g.upright ? 0 : -90 }));
      }
      if (p.c === 0) names.rows.forEach((text, i) => note(text, [-4, y(p.r + i)], fonts.name, { name: "name", xanchor: "right" }));
    }
  }
  layout.annotations = notes;
  // Outlines (a cell, a block) move with the panel they are drawn on when an equation wraps.
  const along = (s) => {
    const [cx, cy] = [(s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2];
    const n = layout.meta.panels.findIndex(([r, c, h, w]) => cx > c - 0.5 && cx < c + w - 0.5 && cy > r - 0.5 && cy < r + h - 0.5);
    if (!moved || n < 0) return [0, 0];
    return [panels[n].c - layout.meta.panels[n][1], panels[n].r - layout.meta.panels[n][0]];
  };
  for (const s of layout.shapes ?? []) {
    const [dx, dy] = along(s);
    Object.assign(s, { x0: x(s.x0 + dx), x1: x(s.x1 + dx), y0: y(s.y0 + dy), y1: y(s.y1 + dy) });
  }
  for (const t of figure.data) Object.assign(t, { x: xEdges, y: yEdges });
  Object.assign(layout.xaxis, { range: [0, xEdges.at(-1)], showticklabels: false });
  Object.assign(layout.yaxis, { range: [yEdges.at(-1), 0], showticklabels: false });
  Object.assign(layout, { width: g.width, height: g.height, margin: { ...g.margin, pad: 0 } });
}
