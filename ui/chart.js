// One chart of the app, drawn with the app's own cartesian bundle of plotly.js (static/README.md
// says why: Streamlit's full bundle cost 0.6-0.8 s on every page open). Streamlit calls this on
// mount and whenever the figure changes; `Plotly.react` redraws only what changed.
//
// A chart is first drawn when it comes near the screen: drawing the six charts of /gradient-flow
// kept the browser busy for 0.3-0.6 s of every open, most of them below the first screen
// (bench/page_open.py). Its box has its height from the start, so nothing moves when it is drawn.
// Printing draws every chart (in time for the print once plotly.js is loaded, which the first chart
// drawn does), and from then on the page draws each chart at once; so do the browser tests.
function plotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  // one <script> per page, however many charts
  let script = document.querySelector("script[data-lab-plotly]");
  if (!script) {
    script = document.createElement("script");
    script.src = src;
    script.dataset.labPlotly = "";
    document.head.appendChild(script);
  }
  return new Promise((resolve, reject) => {
    script.addEventListener("load", () => resolve(window.Plotly));
    script.addEventListener("error", () => { script.remove(); reject(new Error(src)); });
  });
}

// A touch screen: a finger's drag over a chart scrolls the page, as everywhere else on it. plotly.js
// zoomed into the chart instead (on a phone a chart fills most of the screen: a learner scrolling down
// got stuck, looking at a cropped chart); the toolbar's zoom buttons still zoom
const TOUCH = matchMedia("(hover: none) and (pointer: coarse)").matches;

// "near": within half a screen; scrollMargin: Streamlit's page scrolls inside its own container
const NEAR = { rootMargin: "50% 0px", scrollMargin: "50% 0px" };
window.addEventListener("beforeprint", () => { window.__labDrawAll = true; });

// Streamlit's own chart toolbar had a full-screen button; this is the same in Plotly's toolbar
const FULL_SCREEN = {
  name: "fullscreen",
  icon: { width: 24, height: 24, path: "M3 3h7v2H5v5H3V3zm11 0h7v7h-2V5h-5V3zM3 14h2v5h5v2H3v-7zm16 5v-5h2v7h-7v-2h5z" },
  click: (gd) => (document.fullscreenElement ? document.exitFullscreen() : gd.requestFullscreen()),
};

// Teacher mode: every font of the figure `scale` times larger, for a projector (sizes left unset follow
// the layout's font, which its template sets)
function scaleFonts(node, scale) {
  if (Array.isArray(node)) node.forEach((item) => item && typeof item === "object" && scaleFonts(item, scale));
  else for (const [key, value] of Object.entries(node)) {
    if (!value || typeof value !== "object") continue;
    if (/font$/i.test(key) && typeof value.size === "number") value.size *= scale;
    scaleFonts(value, scale);
  }
}

// Teacher mode: tick labels as much farther from their axes as a line of them grew. plotly.js keeps them
// the same few px from the plot whatever their size: at a projector's 16 px /gradient-flow's first chart
// had the x axis's "0" and the log axis's lowest label, "10⁻²⁵", meet at the plot's corner
function standOff(layout, scale) {
  const grown = Math.round(LINE * fontOf(layout).size * (1 - 1 / scale));  // fontOf: already scaled
  for (const [key, axis] of Object.entries(layout)) {
    if (/^[xy]axis\d*$/.test(key) && axis && typeof axis === "object") axis.ticklabelstandoff = (axis.ticklabelstandoff ?? 0) + grown;
  }
}

// A legend under the x axis sits a fraction of the plot's height below it: with larger fonts the tick
// labels and the axis title grow into it, so it moves down by their growth and the bottom margin with it
function lowerLegend(layout, scale) {
  const legend = layout.legend;
  if (!legend || !(legend.y < 0)) return;
  const margin = layout.margin || {};
  const height = layout.height || 450, top = margin.t ?? 100, bottom = margin.b ?? 80;
  // a line of tick labels and one of the title, each with its line spacing and the title's standoff
  const grown = 2 * (layout.font?.size ?? 13) * (scale - 1) * 2.4;
  const below = -legend.y * (height - top - bottom) + grown;  // pixels from the plot's bottom edge
  layout.margin = { ...margin, b: bottom + grown };
  legend.y = -below / (height - top - bottom - grown);
}

// The top margin holds only text (plots/style.py: the title's lines, a legend or the panels' titles on
// the plot's top edge, their gaps): with larger fonts it grows as much, and the chart with it (the
// plot keeps its height, and a legend under it its place)
function raiseTop(layout, scale) {
  return taller(layout, (layout.margin?.t ?? 100) * (scale - 1));
}

// `layout` with `by` px more above its plot, and as much taller: the plot keeps its height
function taller(layout, by) {
  const margin = { t: 100, ...layout.margin };
  return { ...layout, height: Math.round((layout.height ?? 450) + by), margin: { ...margin, t: margin.t + by } };
}

// Narrow screens (a phone; a tablet beside the open sidebar). A figure of panels side by side
// (make_subplots's grid, plots/style.panels) keeps its columns at any width: on a phone /train's six
// curves had 100 px each, their titles ran into each other and past the edge. Drawn too narrow for
// its panels (a panel under PANEL.width, or under its title's width), the figure flows its panels
// into fewer columns, in reading order, down to one: each panel PANEL.height tall, the chart taller.
// A legend entry wider than the chart breaks at its spaces. Wide enough, the figure is drawn as built.
const PANEL = { width: 170, height: 170, gap: 60 };  // px: a panel's least width, its plot's height in a reflow, the gap between columns
const SAME = 1e-6;
let measure = null;

function textWidth(text, size, family) {
  measure ??= document.createElement("canvas").getContext("2d");
  measure.font = `${size}px ${family}`;
  return Math.max(...String(text).split(/<br\s*\/?>/i).map((line) => measure.measureText(line.replace(/<[^>]*>/g, "")).width));
}

// each x axis with the y axis it is anchored to, and the title above it (an annotation centred over its top)
function panelsOf(layout) {
  const panels = [];
  for (const [key, x] of Object.entries(layout)) {
    if (!/^xaxis\d*$/.test(key)) continue;
    const y = layout[`yaxis${(x.anchor ?? "y").slice(1)}`];
    if (!y || !/^y\d*$/.test(x.anchor ?? "y") || x.overlaying || y.overlaying) return [];  // twin axes: left as built
    const xd = x.domain ?? [0, 1], yd = y.domain ?? [0, 1];
    const title = (layout.annotations ?? []).find((a) => (a.xref ?? "paper") === "paper" && (a.yref ?? "paper") === "paper"
      && Math.abs(a.x - (xd[0] + xd[1]) / 2) < SAME && Math.abs(a.y - yd[1]) < SAME);
    panels.push({ x, y, xd, yd, title });
  }
  return panels.sort((a, b) => b.yd[1] - a.yd[1] || a.xd[0] - b.xd[0]);  // reading order: rows from the top
}

function fontOf(layout) {
  const font = { ...layout.template?.layout?.font, ...layout.font };
  return { size: font.size ?? 12, family: font.family ?? "sans-serif" };
}

// the layout with its panels in as many columns as fit `width` (their titles too), or null when it fits as built
function reflowed(layout, width, scale) {
  const panels = panelsOf(layout);
  const columns = new Set(panels.map((p) => Math.round(p.xd[0] / SAME)));
  if (columns.size < 2) return null;
  const font = fontOf(layout);
  const margin = { l: 80, r: 80, t: 100, b: 80, ...layout.margin };
  const plotWidth = width - margin.l - margin.r;
  const least = (p) => Math.max(PANEL.width * scale, p.title ? textWidth(p.title.text, p.title.font?.size ?? font.size, font.family) + 8 : 0);
  if (panels.every((p) => plotWidth * (p.xd[1] - p.xd[0]) >= least(p))) return null;
  const gap = PANEL.gap * scale;
  let cols = columns.size - 1;
  while (cols > 1 && panels.some((p) => (plotWidth - (cols - 1) * gap) / cols < least(p))) cols -= 1;
  const out = structuredClone(layout);
  const rows = Math.ceil(panels.length / cols);
  const titled = panels.filter((p) => p.x.title?.text);
  const oneTitle = titled.length > 0 && titled.every((p) => p.x.title.text === titled[0].x.title.text);
  // pixels of each row: its panels' titles above, their tick labels (and axis titles) below
  const titleBand = (r) => Math.max(0, ...panels.slice(r * cols, (r + 1) * cols).map((p) => (p.title ? 1.6 * (p.title.font?.size ?? font.size) : 0)));
  const keepsTitle = (i) => (oneTitle ? i + cols >= panels.length : Boolean(panels[i].x.title?.text));
  const below = (r) => font.size * (panels.slice(r * cols, (r + 1) * cols).some((_, j) => keepsTitle(r * cols + j)) ? 4.2 : 2.2);
  let plotHeight = rows * PANEL.height * scale;
  for (let r = 0; r < rows; r++) plotHeight += (r > 0 ? titleBand(r) : 0) + (r < rows - 1 ? below(r) : 0);
  const panelWidth = (1 - (cols - 1) * gap / plotWidth) / cols;
  let top = plotHeight;  // pixels from the plot area's bottom
  panels.forEach((p, i) => {
    const row = Math.floor(i / cols), col = i % cols;
    if (col === 0) top -= row > 0 ? below(row - 1) + titleBand(row) : 0;
    const xd = [col * (panelWidth + gap / plotWidth), col * (panelWidth + gap / plotWidth) + panelWidth];
    const yd = [(top - PANEL.height * scale) / plotHeight, top / plotHeight];
    const key = (axis) => Object.keys(layout).find((k) => layout[k] === axis);
    out[key(p.x)].domain = xd.map((v) => Math.min(1, Math.max(0, v)));
    out[key(p.y)].domain = yd.map((v) => Math.min(1, Math.max(0, v)));
    if (oneTitle && p.x.title?.text && !keepsTitle(i)) out[key(p.x)].title = { ...p.x.title, text: "" };
    if (oneTitle && !p.x.title?.text && keepsTitle(i)) out[key(p.x)].title = { ...titled[0].x.title };
    if (p.title) Object.assign(out.annotations[layout.annotations.indexOf(p.title)], { x: (xd[0] + xd[1]) / 2, y: yd[1] });
    if (col === cols - 1 || i === panels.length - 1) top -= PANEL.height * scale;
  });
  // a legend under the panels keeps its distance below them, in pixels
  const oldPlot = (layout.height ?? 450) - margin.t - margin.b;
  const legend = out.legend;
  if (legend && legend.y < 0 && (legend.yanchor ?? "auto") === "top") legend.y = (legend.y * oldPlot) / plotHeight;
  out.height = Math.round(plotHeight + margin.t + margin.b);
  return out;
}

// trace names broken at their spaces where a legend entry is wider than the chart (a copy of `traces`)
function wrappedNames(traces, layout, width) {
  const { size, family } = fontOf(layout);
  const legendSize = layout.legend?.font?.size ?? size;
  const room = width - 55;  // plotly.js moves a legend too wide for its place left, to the chart's edge; an entry's line sample takes 40 px
  return traces.map((trace) => {
    if (!trace.name || trace.showlegend === false || textWidth(trace.name, legendSize, family) <= room) return trace;
    const fits = (line) => textWidth(line, legendSize, family) <= room;
    const lines = [];
    // "run 1: LSTM, … · validation" breaks at its " · " first, then a part too wide at its spaces
    const parts = String(trace.name).split(" · ");
    parts.forEach((part, k) => {
      const piece = k < parts.length - 1 ? `${part} ·` : part;
      if (lines.length && fits(`${lines.at(-1)} ${piece}`)) lines[lines.length - 1] += ` ${piece}`;
      else piece.split(" ").forEach((word, w) => {
        if (w > 0 && fits(`${lines.at(-1)} ${word}`)) lines[lines.length - 1] += ` ${word}`;
        else lines.push(word);
      });
    });
    return { ...trace, name: lines.join("<br>") };
  });
}

// Titles wider than their room: the figure's (from the chart's left edge), a panel's (an annotation
// centred over its panel) and an x axis's (centred under it) ran past the chart's edge, where the SVG
// cut them ("each step: σₘₐₓ(Jₜ) and the actual factor" beside the sidebar in teacher mode, "Looked-up
// embedding rows (…)" on a phone). Such a title breaks into lines that fit, at its spaces and, in
// Chinese, between characters (never before a closing mark or after an opening one), and the chart
// grows by its extra lines: the figure's title pushes the plot down, a panel's title pushes up what is
// above its panel, an x axis's title pushes its panel up, away from what is below (the legend).
const LINE = 1.3;  // plotly.js's line spacing, in ems
const WIDE = "\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF";  // CJK characters and their punctuation
const PIECE = new RegExp(`(\\s*)([${WIDE}]|[^\\s${WIDE}]+)`, "g");  // the spaces before a piece: a word, or one CJK character
const NO_START = /^[，。、；：！？）》」』,.;:!?)\]]/;  // stays with the piece before it
const NO_END = /[（《「『([]$/;  // stays with the piece after it
const BINDS = /^[=<>≤≥≈]$/;  // stays with the pieces on both sides: "(AUC = 0.955)" is one piece
// A line ends best where a phrase does: after a pause (a comma, a colon) or before a parenthesis, "and",
// "or" or "vs". A break inside a phrase costs PHRASE ems of width (five Chinese characters): "each step:
// σₘₐₓ(Jₜ) / and the actual factor", not the evener "… and the actual / factor"; "查出的嵌入行 /
// （第 4 步中后置填充的那一行）", not "查出的嵌入行（第 4 步 / 中后置填充的那一行）"
const PAUSE_AFTER = /[,;:，；：、。!?！？]$/;
const PAUSE_BEFORE = /^(?:[(（《「『]|(?:and|or|vs\.?)$)/i;
const PHRASE = 5;

// `text` in as few lines of at most `room` px as it takes (a piece wider than that alone on its
// line), broken where the widest line plus PHRASE ems per break inside a phrase is least: as even as
// those lines allow, at the edges of phrases: "Normalised by true class / (rows sum to 1)"
function wrapText(text, size, family, room) {
  return String(text).split(/<br\s*\/?>/i).map((line) => {
    if (textWidth(line, size, family) <= room) return line;
    const pieces = [];  // [spaces before, text]
    for (const [, space, piece] of line.matchAll(PIECE)) {
      const last = pieces.at(-1);
      if (last && ((!space && (NO_START.test(piece) || NO_END.test(last[1]))) || BINDS.test(piece) || BINDS.test(last[1].split(" ").at(-1)))) {
        last[1] += space + piece;
      } else pieces.push([space, piece]);
    }
    const n = pieces.length, widths = new Map();
    const joined = (j, i) => pieces.slice(j, i).map(([space, piece], k) => (k ? space : "") + piece).join("");
    const width = (j, i) => {  // of pieces j..i-1 on a line
      const key = j * (n + 1) + i;
      if (!widths.has(key)) widths.set(key, textWidth(joined(j, i), size, family));
      return widths.get(key);
    };
    const inPhrase = (j) => j > 0 && !PAUSE_AFTER.test(pieces[j - 1][1]) && !PAUSE_BEFORE.test(pieces[j][1]);  // a break before piece j
    // rows[k][i]: pieces 0..i-1 in k lines, per count of breaks inside a phrase: the least widest line,
    // and where its last line starts
    const rows = [[new Map([[0, { widest: 0, from: 0 }]]), ...Array(n).fill(null)]];
    while (!rows.at(-1)[n]) {
      const before = rows.at(-1), row = Array(n + 1).fill(null);
      for (let j = 0; j < n; j++) {
        if (!before[j]) continue;
        for (let i = j + 1; i <= n && (i === j + 1 || width(j, i) <= room); i++) {
          for (const [bad, { widest }] of before[j]) {
            const count = bad + (inPhrase(j) ? 1 : 0), wide = Math.max(widest, width(j, i));
            row[i] ??= new Map();
            if (!(row[i].get(count)?.widest <= wide)) row[i].set(count, { widest: wide, from: j, bad });
          }
        }
      }
      rows.push(row);
    }
    const cost = ([bad, { widest }]) => widest + PHRASE * size * bad;
    let [bad] = [...rows.at(-1)[n]].reduce((a, b) => (cost(b) < cost(a) ? b : a));
    const lines = [];
    for (let k = rows.length - 1, i = n; k > 0; k--) {
      const { from, bad: earlier } = rows[k][i].get(bad);
      lines.unshift(joined(from, i));
      [i, bad] = [from, earlier];
    }
    return lines.join("<br>");
  }).join("<br>");
}

// the layout with its too-wide titles broken into lines (a copy), or `layout` itself when all fit.
// `asked`: the px its row asks above each level of panel titles, from the top (alignRow); `own` is
// filled with [level, px, hanging] of each level, the px its own titles' new lines take there.
function wrappedTitles(layout, width, asked = [], own = []) {
  const font = fontOf(layout);
  const margin = { l: 80, r: 80, t: 100, b: 80, ...layout.margin };
  const plotWidth = width - margin.l - margin.r;
  const plotHeight = (layout.height ?? 450) - margin.t - margin.b;
  const room = (x, anchor) => Math.max(0, anchor === "left" ? width - x : anchor === "right" ? x : 2 * Math.min(x, width - x)) - 8;
  const bands = [];  // [level (a fraction of the plot's height), pixels, whether what is at the level moves up too]
  let out = null, top = 0;
  // `title` (an object with `text`) broken to fit at x px, its anchor: the extra pixels of its new lines
  const wrap = (title, size, x, anchor) => {
    const text = wrapText(title.text, size, font.family, room(x, anchor));
    if (text === title.text) return 0;
    const lines = (t) => String(t).split(/<br\s*\/?>/i).length;
    const extra = LINE * size * (lines(text) - lines(title.text));
    title.text = text;  // on the copy
    return extra;
  };
  const copy = () => (out ??= structuredClone(layout));
  const title = layout.title;
  if (title?.text && (title.xref ?? "container") === "container") {
    const x = title.x ?? 0.5;
    const anchor = (title.xanchor ?? "auto") === "auto" ? (x < 1 / 3 ? "left" : x > 2 / 3 ? "right" : "center") : title.xanchor;
    const size = title.font?.size ?? Math.round(1.4 * font.size);  // plotly.js's own size for a title
    if (textWidth(title.text, size, font.family) > room(x * width, anchor)) top = wrap(copy().title, size, x * width, anchor);
    // plotly.js centres a title's lines on where its first would be: hung from the top, they rose above the chart
    if (top && title.yanchor === "top") out.title.pad = { ...title.pad, t: (title.pad?.t ?? 0) + top / 2 };
  }
  (layout.annotations ?? []).forEach((a, i) => {
    if (!a.text || typeof a.x !== "number" || typeof a.y !== "number" || a.showarrow !== false || (a.xref ?? "paper") !== "paper" || (a.yref ?? "paper") !== "paper") return;
    const size = a.font?.size ?? font.size, x = margin.l + a.x * plotWidth, anchor = a.xanchor ?? "center";
    const at = a.yanchor === "top", level = own.find(([y, , also]) => Math.abs(y - a.y) < SAME && also === at) ?? own[own.push([a.y, 0, at]) - 1];
    if (textWidth(a.text, size, font.family) <= room(x, anchor)) return;
    // over its panel (anchored at its bottom): what is above moves up; hanging from its level: it moves up too.
    // Titles side by side at one level take the room of the tallest, not of them all.
    const pixels = wrap(copy().annotations[i], size, x, anchor), before = level[1];
    level[1] = Math.max(before, pixels);
    if (level[1] > before) bands.push([a.y, level[1] - before, at]);
  });
  // Stacked panels beside another figure's (/gradient-flow's RNN and LSTM): a panel whose title took
  // one line less than its neighbour's sat a line off it. Each level of titles takes the lines its row asks.
  own.sort((a, b) => b[0] - a[0]);
  own.forEach(([level, pixels, at], k) => {
    if (!((asked[k] ?? 0) > pixels + 0.5)) return;
    copy();
    bands.push([level, asked[k] - pixels, at]);
  });
  for (const [key, axis] of Object.entries(layout)) {
    if (!/^xaxis\d*$/.test(key) || !axis.title?.text) continue;
    const size = axis.title.font?.size ?? Math.round(1.2 * font.size), domain = axis.domain ?? [0, 1];  // plotly.js's size
    const x = margin.l + ((domain[0] + domain[1]) / 2) * plotWidth;
    if (textWidth(axis.title.text, size, font.family) <= room(x, "center")) continue;
    const y = layout[`yaxis${(axis.anchor ?? "y").slice(1)}`];
    copy()[key].title = { ...axis.title };
    bands.push([(y?.domain ?? [0, 1])[0], wrap(out[key].title, size, x, "center"), true]);  // under its panel: the panel moves up
  }
  if (!out) return layout;
  const grown = bands.reduce((sum, [, pixels]) => sum + pixels, 0);
  const moved = (v) => {  // a height as a fraction of the plot's, in the grown plot
    const px = v * plotHeight;
    const up = bands.reduce((sum, [level, pixels, at]) => sum + ((at ? px >= level * plotHeight - 0.5 : px > level * plotHeight + 0.5) ? pixels : 0), 0);
    return (px + up) / (plotHeight + grown);
  };
  if (grown) {
    for (const key of Object.keys(out)) if (/^yaxis\d*$/.test(key)) out[key].domain = (layout[key].domain ?? [0, 1]).map(moved);
    (out.annotations ?? []).forEach((a) => { if ((a.yref ?? "paper") === "paper" && typeof a.y === "number") a.y = moved(a.y); });
    (out.shapes ?? []).forEach((s) => { if (s.yref === "paper") { s.y0 = moved(s.y0); s.y1 = moved(s.y1); } });
    if (out.legend && typeof out.legend.y === "number" && (out.legend.yref ?? "paper") === "paper") out.legend.y = moved(out.legend.y);
  }
  out.margin = { ...margin, t: margin.t + top };
  out.height = Math.round((layout.height ?? 450) + grown + top);
  return out;
}

// A heat map writes its values in its cells (texttemplate): plotly.js shrinks the text to fit a cell
// (textfont.size unset) or lets it run over (set). On a phone /text-pipeline's embedding rows were
// written 4 px high. A text that fits only smaller than TEXT_MIN is left out, the cells' colours kept
// (each value is in the hover and in the chart's data table); one that fits smaller than it was set
// (or than the layout's font, plotly.js's most) is set that small.
const TEXT_MIN = 10;  // px: smaller, a number cannot be read

const TYPED = { f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array, i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array };

// a heat map's z as rows of numbers (plotly.py sends a NumPy array as {dtype, bdata: base64, shape}), or null
function rowsOf(z) {
  if (Array.isArray(z)) return z.every((row) => Array.isArray(row)) ? z : null;
  if (!z?.bdata || !TYPED[z.dtype]) return null;
  const values = new TYPED[z.dtype](Uint8Array.from(atob(z.bdata), (c) => c.charCodeAt(0)).buffer);
  const [rows, columns] = String(z.shape ?? "").split(",").map(Number);
  return columns > 0 ? Array.from({ length: rows }, (_, i) => values.subarray(i * columns, (i + 1) * columns)) : null;
}

// the text plotly.js writes in a cell (`values`: its z, text, x and y), near enough to measure it
function cellText(template, values) {
  return template.replace(/%\{(\w+)(?::[^}]*?\.(\d+)f)?[^}]*\}/g, (_, key, digits) => {
    const value = values[key];
    return typeof value === "number" && digits !== undefined ? value.toFixed(Number(digits)) : String(value ?? "");
  });
}

// `traces` (a copy where one changes) with each heat map's text sized to its cells, as drawn `width` px wide
function cellTexts(traces, layout, width) {
  const { size, family } = fontOf(layout);
  const margin = { l: 80, r: 80, t: 100, b: 80, ...layout.margin };
  const plotWidth = width - margin.l - margin.r, plotHeight = (layout.height ?? 450) - margin.t - margin.b;
  return traces.map((trace) => {
    if (trace.type === "scatter") return markerCells(trace, traces, layout, plotWidth, plotHeight, size, family);
    const z = trace.type === "heatmap" && trace.texttemplate ? rowsOf(trace.z) : null;
    if (!z?.length) return trace;
    const x = layout[`xaxis${(trace.xaxis ?? "x").slice(1)}`] ?? {}, y = layout[`yaxis${(trace.yaxis ?? "y").slice(1)}`] ?? {};
    const [x0, x1] = x.domain ?? [0, 1], [y0, y1] = y.domain ?? [0, 1];
    const columns = Math.max(...z.map((row) => row.length));
    const cell = { width: (plotWidth * (x1 - x0)) / columns - (trace.xgap ?? 0), height: (plotHeight * (y1 - y0)) / z.length - (trace.ygap ?? 0) };
    const wanted = trace.textfont?.size ?? size;
    let widest = 0, lines = 1;
    z.forEach((row, i) => row.forEach((value, j) => {
      const text = cellText(trace.texttemplate, { z: value, text: trace.text?.[i]?.[j], x: trace.x?.[j], y: trace.y?.[i] });
      widest = Math.max(widest, textWidth(text, wanted, family));
      lines = Math.max(lines, text.split(/<br\s*\/?>/i).length);
    }));
    const fits = Math.min(wanted, (wanted * (cell.width - 4)) / (widest || 1), cell.height / (lines * LINE));
    if (fits >= wanted) return trace;
    if (fits < TEXT_MIN) return { ...trace, texttemplate: "" };
    return { ...trace, textfont: { ...trace.textfont, size: Math.floor(fits) } };
  });
}

// A grid drawn as square markers with their values written on them (/forecast's windows and targets: a
// column per time step over the x axis's range, a row per category of the y axis). Each marker was
// drawn at the size it was built with, its text at 9 px, whatever the width: on a phone 34 px squares
// stood on 14 px columns and covered each other (a target's square under the next grey one), and the
// numbers of neighbouring cells ran together. A marker is at most its cell; its text is sized to the
// cell as a heat map's is, or left out below TEXT_MIN (each value stays in the hover).
function markerCells(trace, traces, layout, plotWidth, plotHeight, size, family) {
  const x = layout[`xaxis${(trace.xaxis ?? "x").slice(1)}`] ?? {}, y = layout[`yaxis${(trace.yaxis ?? "y").slice(1)}`] ?? {};
  if (trace.marker?.symbol !== "square" || typeof trace.marker.size !== "number" || !Array.isArray(x.range) || y.type !== "category") return trace;
  const [x0, x1] = x.domain ?? [0, 1], [y0, y1] = y.domain ?? [0, 1];
  const rows = new Set(traces.filter((other) => (other.yaxis ?? "y") === (trace.yaxis ?? "y") && Array.isArray(other.y)).flatMap((other) => other.y)).size;
  const cell = { width: (plotWidth * (x1 - x0)) / Math.abs(x.range[1] - x.range[0]), height: (plotHeight * (y1 - y0)) / (rows || 1) };
  const marker = Math.min(trace.marker.size, cell.width, cell.height);
  let out = marker < trace.marker.size ? { ...trace, marker: { ...trace.marker, size: marker } } : trace;
  if (!/text/.test(trace.mode ?? "") || !trace.text?.length) return out;
  const wanted = trace.textfont?.size ?? size;
  const widest = Math.max(...[...trace.text].map((text) => textWidth(text, wanted, family)));
  const fits = Math.min(wanted, (wanted * (marker - 4)) / (widest || 1), marker / LINE);
  if (fits >= wanted) return out;
  out = { ...out, mode: fits < TEXT_MIN ? out.mode.split("+").filter((part) => part !== "text").join("+") : out.mode };
  return fits < TEXT_MIN ? out : { ...out, textfont: { ...trace.textfont, size: Math.floor(fits) } };
}

// the texts of a layout's titles, as drawn (a fit's key)
const titles = (layout) => [layout.title?.text, ...(layout.annotations ?? []).map((a) => a.text),
  ...Object.keys(layout).filter((key) => /^xaxis\d*$/.test(key)).map((key) => layout[key].title?.text)];

// the figure as drawn `width` px wide: as built, or reflowed (`flowed`), with its legend's names fitted
// and the chart as much taller as their extra lines (plotly.js would otherwise take them from the plot).
// `key` tells two fits apart (plotly.js changes the layout it is given: its height is read here, once).
// `rowTop`: the px its row asks it to leave above its plot (alignRow), if more than it needs. `top`: the
// px it needs there itself: its title's lines, and `raise`, what its legend above the plot took when it
// met the title (clearTitle). `own` tells two fits apart whatever their row. `rowBands`: the px its row
// asks above each level of its panels' titles (alignRow); `bands`, the px its own titles take there.
function fitted(figure, width, scale, rowTop = 0, raise = 0, rowBands = []) {
  const drawn = (data, layout, flowed, top = layout.margin?.t ?? 100, own = "") => {
    const height = layout.height || 450;
    return { data, layout, flowed, height, top, own, key: JSON.stringify([height, flowed, data.map((trace) => [trace.name, trace.texttemplate, trace.textfont?.size, trace.mode, trace.marker?.size]), titles(layout)]) };
  };
  if (!(width > 0)) return { ...drawn(figure.data, figure.layout, false), bands: [] };
  const flowed = reflowed(figure.layout, width, scale);
  const built = flowed ?? figure.layout;
  const bands = [];
  let layout = wrappedTitles(built, width, rowBands, bands);
  const wrapped = layout.margin?.t ?? 100, top = wrapped + raise;
  const above = rowTop > top + 1 ? rowTop : top;  // a px of difference is the page's rounding, not the row's
  if (above > wrapped) layout = taller(layout, above - wrapped);
  const data = wrappedNames(figure.data, layout, width);
  const extra = data.reduce((lines, trace, i) => lines + (trace === figure.data[i] ? 0 : trace.name.split("<br>").length - 1), 0);
  if (extra && layout.height && layout.legend?.y < 0) {
    const grown = extra * 1.3 * (layout.legend.font?.size ?? fontOf(layout).size);
    const margin = { b: 80, ...layout.margin };
    layout = { ...layout, height: Math.round(layout.height + grown), margin: { ...margin, b: margin.b + grown } };
  }
  const own = JSON.stringify([flowed, titles(layout), data.map((trace) => trace.name)]);
  return { ...drawn(cellTexts(data, layout, width), layout, Boolean(flowed), top, own), bands };
}

// Charts side by side (st.columns, one horizontal block) whose titles took different numbers of lines
// had their plots a line apart (/train's two confusion matrices at 1,000 px, "Normalised by true class
// (rows sum to 1)" in two lines beside "Confusion matrix (counts)" in one); so had charts below
// different text in their columns (/gradient-flow's RNN and LSTM charts at 1,000 px and on a projector,
// 44 px). Each leaves room above its plot down to the lowest plot top in its row: its title's lines,
// and a legend's that met its title (at 1,000 px /train's ROC curve had not made room for its
// neighbour's second title line: its own legend had met its title, and the chart's growth for it
// replaced the row's). Stacked (a phone), each is alone.
const BLOCK = '[data-testid="stHorizontalBlock"]';

// the charts beside `box` in its horizontal block (another column, half the shorter one's height level
// with it), itself included
function rowOf(box) {
  const block = box.closest(BLOCK), a = box.getBoundingClientRect();
  return !block ? [box] : [...block.querySelectorAll(".lab-chart")].filter((other) => {
    if (other === box) return true;
    if (other.closest(BLOCK) !== block || !(other.clientWidth > 0)) return false;
    const b = other.getBoundingClientRect();
    return (b.left >= a.right || a.left >= b.right) && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= Math.min(a.height, b.height) / 2;
  });
}

function alignRow(box) {
  const row = rowOf(box), at = (other) => other.getBoundingClientRect().top;
  const plot = Math.max(...row.map((other) => at(other) + (other.labTop ?? 0)));  // the lowest plot top
  // panels stacked alike (their titles at the same levels): each level of titles as tall as the row's tallest
  const levels = (other) => (other.labBands ?? []).map(([level]) => level);
  const alike = row.every((other) => levels(other).length === levels(box).length && levels(other).every((level, k) => Math.abs(level - levels(box)[k]) < SAME));
  const bands = alike ? levels(box).map((_, k) => Math.max(...row.map((other) => other.labBands[k][1]))) : [];
  row.forEach((other) => other.labAlign?.(Math.round(plot - at(other)), bands));
}

// Their plots' bottoms too: plotly.js makes a legend under the plot room by raising the plot's bottom
// edge, so two charts of one height whose legends took different rows ended at different heights (at
// 1,400 px /gradient-flow's RNN and LSTM charts, 34 px apart). Once drawn, charts whose plots start
// level end where the highest of their own bottoms is: each leaves more room under its plot, keeps its
// height (nothing on the page moves), and a legend under the plot keeps its place under it.
function alignBottoms(box) {
  const at = (other) => other.getBoundingClientRect().top, plotTop = (other) => at(other) + other._fullLayout._size.t;
  const row = rowOf(box).filter((other) => other.labBottom && other._fullLayout?._size && Math.abs(plotTop(other) - plotTop(box)) <= 1);
  const end = Math.min(...row.map((other) => at(other) + other.labBottom[1] - other.labBottom[0]));  // the highest plot bottom
  row.forEach((other) => other.labBottomAlign?.(Math.round(at(other) + other.labBottom[1] - end)));
}

// Keyboard: plotly.js's toolbar (role="toolbar") had no name and put each of its 8-10 buttons in the
// Tab order: /gradient-flow's six charts held 52 Tab stops. As WAI-ARIA's toolbar pattern has it,
// each toolbar is now one Tab stop, named in the page's language:
// Tab enters it at the button last used (the first, at the start), the arrow keys move along it (past
// its end, round to its start), Home and End go to its ends, Tab leaves it. plotly.js builds its
// buttons again when they change (a new figure, a new language): all but one leave the Tab order again.
const TOOLBAR_BUTTONS = ".modebar button.modebar-btn";

function toolbarKeys(box, name) {
  box.labToolbarName = name;
  const buttons = () => [...box.querySelectorAll(TOOLBAR_BUTTONS)];
  const rove = (to) => buttons().forEach((button) => {
    const index = button === to ? "0" : "-1";
    if (button.getAttribute("tabindex") !== index) button.setAttribute("tabindex", index);
  });
  const settle = () => {
    const bar = box.querySelector(".modebar");
    if (!bar) return;
    if (bar.getAttribute("aria-label") !== box.labToolbarName) bar.setAttribute("aria-label", box.labToolbarName);
    const all = buttons();
    if (all.length) rove(all.find((button) => button.getAttribute("tabindex") === "0") ?? all[0]);
  };
  settle();
  if (box.labToolbarWatch) return;  // once per box: a new figure only renames its toolbar
  box.labToolbarWatch = new MutationObserver(settle);  // attributes set here are not watched: no loop
  box.labToolbarWatch.observe(box, { childList: true, subtree: true });
  box.addEventListener("focusin", (e) => { if (e.target.matches?.(TOOLBAR_BUTTONS)) rove(e.target); });
  box.addEventListener("keydown", (e) => {
    const all = buttons(), at = all.indexOf(e.target);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    all[(to + all.length) % all.length].focus();  // the Tab stop moves with it (focusin)
  });
}

export default function ({ data, parentElement }) {
  const figure = JSON.parse(data.figure);
  if (data.scale !== 1) {
    scaleFonts(figure, data.scale);
    standOff(figure.layout, data.scale);
    lowerLegend(figure.layout, data.scale);
    figure.layout = raiseTop(figure.layout, data.scale);
  }
  let box = parentElement.querySelector(".lab-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "lab-chart";
    parentElement.appendChild(box);
  }
  box.labCleanup?.();  // the previous figure's watchers: Streamlit calls a cleanup only when the chart goes
  const full = () => document.fullscreenElement === box;
  const strip = () => parseFloat(getComputedStyle(box).paddingTop) || 0;  // in full screen, the toolbar's (ui.STYLE)
  let rowTop = 0;  // px above the plot its row asks for (alignRow)
  let raise = 0, raisedFor = null;  // px above the plot its legend took when it met the title (clearTitle), and the fit it was for
  // a fit at a width: a legend's rows, and so a raise, change with the width whatever the figure
  const raiseFor = (fit) => `${fit.own} ${box.clientWidth}`;
  let rowBottom = 0, natural = null;  // px under the plot: as the row asks (alignBottoms); its own, as plotly.js drew it
  let rowBands = [];  // px above each level of panel titles its row asks for (alignRow)
  const fitNow = () => {
    const width = full() ? window.innerWidth : box.clientWidth;
    return { ...fitted(figure, width, data.scale, full() ? 0 : rowTop, full() ? 0 : raise, full() ? [] : rowBands), width };
  };
  let shown = fitNow();  // as it fits the box's width (0: hidden, as built)
  box.labTop = shown.top;
  box.labBands = shown.bands;
  box.labBottom = null;
  const place = () => {  // its place on the page, before plotly.js is loaded; the full screen, where a reflow scrolls
    box.style.height = full() && !shown.flowed ? "100vh" : `${shown.height}px`;
    box.style.overflowY = full() && shown.flowed ? "auto" : "";
  };
  place();
  const meta = figure.layout.meta || {};  // ui.chart's accessible name and summary
  box.setAttribute("role", "figure");
  box.setAttribute("aria-label", meta.a11y_name || "");
  box.setAttribute("aria-description", meta.a11y_summary || "");
  toolbarKeys(box, data.toolbar);

  let Plotly = null;
  const config = {
    displaylogo: false,
    toImageButtonOptions: { format: "png", scale: 2 },
    modeBarButtonsToAdd: [{ ...FULL_SCREEN, title: data.fullscreen }],
    modeBarButtonsToRemove: ["sendChartToCloud"],  // it would upload the learner's chart to Plotly's cloud
    // plotly.js's toolbar and notes in the page's language (ui/strings/common.py, "plotly.*")
    locale: "lab",
    locales: { lab: { dictionary: JSON.parse(data.plotly_words) } },
  };
  // A legend under the plot that plotly.js made room for by shrinking the plot (its entries in rows, on a
  // narrow screen) came up against the x axis's title (27 px into it on a phone in teacher mode): where
  // they meet, the chart grows by what the legend needs instead, once a fit (then plotly.js has the
  // room it asked for). Elsewhere it keeps the height it was given before it was drawn.
  // A legend above the plot in more rows than plots/style.py left room for (its entries in two or three
  // rows on a phone) grew up into the title: plotly.js makes it room at the chart's top edge only. Where
  // they meet, the chart grows by the overlap above its plot, once a fit.
  // its layout with the room under the plot its row asks for (alignBottoms); a legend under the plot
  // keeps its place in px (its y is a fraction of the plot's height)
  const laidOut = () => {
    const layout = shown.layout, margin = { t: 100, b: 80, ...layout.margin };
    if (full() || natural === null || !(rowBottom > natural + 0.5)) return layout;
    const height = layout.height ?? 450, before = height - margin.t - natural, after = height - margin.t - rowBottom;
    const legend = layout.legend?.y < 0 ? { ...layout.legend, y: (layout.legend.y * before) / after } : layout.legend;
    return { ...layout, margin: { ...margin, b: rowBottom }, ...(legend ? { legend } : {}) };
  };
  // A legend above or under the plot whose rows changed (a new width) was left where plotly.js first
  // drew it, before the plot's edge moved with the legend's new height: back at 1,400 px /train's ROC
  // legend lay over the top of its plot, 19 px low, and /gradient-flow's adding-problem legend over its
  // x axis's title, 20 px high. Drawn again there, it is where its layout says.
  const relegend = () => {
    const legend = box._fullLayout?.legend, size = box._fullLayout?._size, drawn = box.querySelector(".legend");
    const above = legend?.y >= 1 && legend.yanchor === "bottom", under = legend?.y < 0 && legend.yanchor === "top";
    if (!drawn || !(above || under) || legend.yref !== "paper") return box;
    const top = drawn.transform.baseVal.consolidate()?.matrix.f;  // its translate(x, y)
    const wanted = Math.max(0, size.t + size.h * (1 - legend.y) - (above ? legend._height : 0));
    return Math.abs(top - wanted) > 1 ? Plotly.relayout(box, { "legend.y": legend.y }) : box;
  };
  // a copy: plotly.js keeps the layout it is given and changes it (Plots.resize deletes its height, which
  // the next fit then read as plotly.js's default: /train's ROC chart came back 500 px tall, not 380)
  const paint = () => Plotly.react(box, shown.data, { ...laidOut(), ...(TOUCH ? { dragmode: false } : {}) }, config).then(relegend);
  const resize = () => Plotly.Plots.resize(box).then(relegend);
  // drawn at another width than its box's (a new width; see fit)
  const offWidth = () => Math.abs(box._fullLayout.width - box.clientWidth) > 0.5;
  // the room under its plot as drawn is the room its row asked for (or its own, if more). Not so after
  // a paint before it was measured (natural unknown: drawn as built), though rowBottom was then set.
  const bottomDrawn = () => full() || natural === null || !box._fullLayout?._size || Math.abs(box._fullLayout._size.b - Math.max(rowBottom, natural)) <= 0.5;
  const clearTitle = () => {
    const layout = shown.layout;
    if (full() || raisedFor === raiseFor(shown) || !(layout.legend?.y >= 1) || layout.legend.yanchor !== "bottom") return null;
    const title = box.querySelector(".gtitle")?.getBoundingClientRect(), legend = box.querySelector(".legend")?.getBoundingClientRect();
    if (!title?.height || !legend?.height || !(legend.top < title.bottom + 6)) return null;
    // the top margin it needs, less what its title's lines take
    const t = box._fullLayout._size.t + Math.ceil(title.bottom + 6 - legend.top);
    raise = t - (shown.top - raise);
    raisedFor = raiseFor(shown);
    shown = fitNow();
    box.labTop = shown.top;
    box.labBands = shown.bands;
    place();
    alignRow(box);  // the others in its row make as much room
    return paint();
  };
  // drawn and settled: its own room under the plot, which its row lines up
  const measured = () => {
    if (full() || !box._fullLayout?._size) return;
    if (natural === null || !(rowBottom > natural + 0.5)) natural = box._fullLayout._size.b;
    box.labBottom = [natural, shown.height];
    alignBottoms(box);
  };
  const settle = () => {
    const raised = clearTitle();
    if (raised) return raised.then(settle);
    const legend = box._fullLayout?.legend, layout = shown.layout;
    if (full() || shown.settled || !legend?._height || !(layout.legend?.y < 0) || layout.legend.yanchor !== "top") return;
    const axisTitles = [...box.querySelectorAll('[class^="g-x"][class$="title"] text')].map((e) => e.getBoundingClientRect().bottom);
    const legendTop = box.querySelector(".legend")?.getBoundingClientRect().top;
    if (!axisTitles.length || !(legendTop < Math.max(...axisTitles) + 4)) return;
    const margin = { t: 100, b: 80, ...layout.margin };
    const below = -layout.legend.y * (shown.height - margin.t - margin.b) + legend._height + 8;  // px under the plot
    if (below <= margin.b + 1) return;
    const height = Math.round(shown.height + below - margin.b);
    shown = { ...shown, settled: true, height, layout: { ...layout, height, margin: { ...margin, b: below } } };
    natural = box.labBottom = null;
    place();
    return paint();
  };
  // a new width: drawn again if it changes how the figure fits (its columns, its legend's lines), else resized
  const fit = () => {
    if (!(box.clientWidth > 0)) return;
    let next = fitNow();
    if (raise && raisedFor !== raiseFor(next)) {  // a raise holds for the fit and width it was measured on
      raise = 0;
      next = fitNow();
    }
    box.labTop = next.top;
    box.labBands = next.bands;
    // A new width: fitted afresh, as if opened at it (its legend's rows, and with them the room under
    // and above its plot, change with the width). Measured from a drawing as built, before its row
    // lines up again; resized after that drawing, as Plotly.react draws a new figure as wide as the
    // last one (/train's training curves, drawn 668 px wide in a 940 px box, made room for a legend in
    // more rows and kept it: 30 px taller than when opened at that width).
    // A width is new to the fit, not only to the drawing: plotly.js's own resize (100 ms after its
    // call) can draw the chart at the box's new width before this fit sees it, which then kept the fit
    // of the old width (a judging CI run: /gradient-flow's adding-problem chart 120 px short at 1,000 px).
    const drawn = Plotly && box._fullLayout;
    const widened = drawn && (offWidth() || next.width !== shown.width);
    if (next.key === shown.key && !widened) {
      if (drawn) resize().then(measured);
    } else {
      if (widened || next.own !== shown.own) natural = box.labBottom = null;  // its row waits for its new measure
      shown = next;
      place();
      if (Plotly) paint().then(() => (offWidth() ? resize() : box)).then(settle).then(measured);
    }
    if (!full()) alignRow(box);  // its title, or its place beside the others, may have changed
  };
  // drawn again only when the room under its plot differs: a chart alone in its row, or already as its
  // row asks, had been drawn a second time on every open (25-30 ms each, /forecast's two charts)
  box.labBottomAlign = (most) => {
    rowBottom = most;
    if (!bottomDrawn()) paint();
  };
  box.labAlign = (most, bands = []) => {
    if (most === rowTop && JSON.stringify(bands) === JSON.stringify(rowBands)) return;
    rowTop = most;
    rowBands = bands;
    fit();
  };
  const onFullScreen = () => {
    box.style.background = full() ? "white" : "";
    shown = fitNow();
    place();
    if (!Plotly) return;
    if (shown.flowed) Plotly.react(box, shown.data, { ...shown.layout }, config);  // reflowed: its own height, scrolled
    else Plotly.react(box, shown.data, full() ? { ...shown.layout, width: window.innerWidth, height: window.innerHeight - strip() } : { ...laidOut(), width: null, height: shown.height }, config).then(settle);  // null: the width follows the column again
  };
  const resized = new ResizeObserver(fit);  // the column's width, not only the window's, decides the chart's
  resized.observe(box);
  // A web font come in: the fit and the row were measured with a fallback's widths. The text above two
  // charts in a row (a formula, a caption) then took more lines in one column, one chart left room above
  // its plot for it and kept that room, 22 px taller than its neighbour (tests/test_layout5.py). Moving
  // the chart does not resize it, so the ResizeObserver does not see this.
  const fontsIn = () => (fitNow().key !== shown.key ? fit() : !full() && alignRow(box));
  document.fonts.addEventListener("loadingdone", fontsIn);
  alignRow(box);
  box.addEventListener("fullscreenchange", onFullScreen);
  const draw = () => {
    box.dataset.drawn = "";
    plotly(data.src).then(
      (P) => { Plotly = P; return paint().then(settle).then(measured); },
      () => { box.textContent = data.failed; },
    );
  };
  let near = null;  // watches for the box coming near the screen, until it is first drawn
  const drawOnce = () => { near.disconnect(); window.removeEventListener("beforeprint", drawOnce); draw(); };
  if (box.dataset.drawn !== undefined || window.__labDrawAll) draw();  // drawn before: the new figure at once
  else {
    near = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && drawOnce(), NEAR);
    near.observe(box);
    window.addEventListener("beforeprint", drawOnce);
  }
  box.labCleanup = () => {
    near?.disconnect();
    window.removeEventListener("beforeprint", drawOnce);
    resized.disconnect();
    document.fonts.removeEventListener("loadingdone", fontsIn);
    box.removeEventListener("fullscreenchange", onFullScreen);
    box.labCleanup = box.labAlign = box.labBottomAlign = box.labBottom = box.labBands = null;
  };
  return box.labCleanup;
}
