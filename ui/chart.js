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

export default function ({ data, parentElement }) {
  const figure = JSON.parse(data.figure);
  if (data.scale !== 1) {
    scaleFonts(figure, data.scale);
    lowerLegend(figure.layout, data.scale);
  }
  let box = parentElement.querySelector(".lab-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "lab-chart";
    parentElement.appendChild(box);
  }
  const height = figure.layout.height || 450;
  box.style.height = document.fullscreenElement === box ? "100vh" : `${height}px`;  // its place, before plotly.js is loaded
  const meta = figure.layout.meta || {};  // ui.chart's accessible name and summary
  box.setAttribute("role", "figure");
  box.setAttribute("aria-label", meta.a11y_name || "");
  box.setAttribute("aria-description", meta.a11y_summary || "");

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
  const fit = () => Plotly && box.clientWidth > 0 && Plotly.Plots.resize(box);
  const onFullScreen = () => {
    const full = document.fullscreenElement === box;
    box.style.height = full ? "100vh" : `${height}px`;
    box.style.background = full ? "white" : "";
    if (Plotly) Plotly.relayout(box, full ? { width: window.innerWidth, height: window.innerHeight } : { width: null, height });  // null: the width follows the column again
  };
  const resized = new ResizeObserver(fit);  // the column's width, not only the window's, decides the chart's
  resized.observe(box);
  box.addEventListener("fullscreenchange", onFullScreen);
  const draw = () => {
    box.dataset.drawn = "";
    plotly(data.src).then(
      (P) => { Plotly = P; return P.react(box, figure.data, figure.layout, config); },
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
  return () => {
    near?.disconnect();
    window.removeEventListener("beforeprint", drawOnce);
    resized.disconnect();
    box.removeEventListener("fullscreenchange", onFullScreen);
  };
}
