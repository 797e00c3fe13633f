// Deep zoom for the examination workspace: OpenSeadragon (served by the app from npm, see the project file).
//
// One coordinate system serves everything: the viewer's world is in millimetres of the questioned document (the
// server places each image, from its resolution or calibration, and a specimen image from its alignment). So
// switching light keeps position and zoom, two viewers kept in step show the same scale, an overlay lies where it
// belongs, and the ruler and scale bar read millimetres straight from the viewport.
// Layer 0 of a viewer is its main image: marks, tools and coordinates sent to the server are in its pixels.
let loading = null;

function loadLibrary() {
    if (window.OpenSeadragon) return Promise.resolve();
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "vendor/openseadragon/openseadragon.min.js";
        script.onload = resolve;
        script.onerror = () => reject(new Error("OpenSeadragon could not be loaded"));
        document.head.appendChild(script);
    });
    return loading;
}

/** The layer's pyramid, as the server gave it or as its endpoint answers; null while the job is making it. */
async function describe(layer) {
    if (layer.description) return layer.description;
    const response = await fetch(layer.describeUrl, { credentials: "same-origin" });
    return response.ok ? await response.json() : null;
}

async function sourceOf(layer) {
    const d = await describe(layer);
    // No pyramid yet: the plain image meanwhile.
    if (!d) return { source: { type: "image", url: layer.imageUrl }, tiled: false };
    return {
        tiled: true,
        source: {
            Image: {
                xmlns: "http://schemas.microsoft.com/deepzoom/2008",
                Url: d.tilesUrl, Format: d.format, Overlap: String(d.overlap), TileSize: String(d.tileSize),
                Size: { Width: String(d.width), Height: String(d.height) },
            },
        },
    };
}

/**
 * Shows layers in the element, keeping the view of what was shown before. Resolves to false when the element is not
 * in the page (the server draws again), true once the images are open.
 * layers: [{ key, description, describeUrl, imageUrl, x, y, width, degrees, opacity }], in millimetres; description
 * is the pyramid when the server already knows it, otherwise describeUrl is asked.
 * scaleKnown: whether the world's millimetres are measured (else the scale bar and ruler say so).
 */
export async function show(element, layers, scaleKnown) {
    if (!(element instanceof HTMLElement) || !element.isConnected) return false;
    await loadLibrary();
    const viewer = viewerOf(element);
    const signature = layers.map((l) => `${l.key}@${l.x},${l.y},${l.width},${l.degrees}`).join("|");
    element.__descScaleKnown = scaleKnown;
    if (element.__descLayers === signature) {
        layers.forEach((l, i) => viewer.world.getItemAt(i)?.setOpacity(l.opacity ?? 1));
        return true;
    }
    element.__descLayers = signature;
    element.__descMarks = []; // the new image's marks follow from the server
    await open(element, layers, signature);
    return true;
}

/** Opens the layers in the viewer, keeping the view (and the marks: they follow the main image, whatever its source). */
async function open(element, layers, signature) {
    const viewer = element.__descViewer;
    const kept = viewer.world.getItemCount() > 0 ? { center: viewer.viewport.getCenter(), zoom: viewer.viewport.getZoom() } : null;
    const sources = await Promise.all(layers.map(sourceOf));
    if (element.__descLayers !== signature) return; // other layers were asked for meanwhile
    element.dataset.tiled = String(sources[0].tiled);
    element.dataset.tilesLoaded = "0";
    await new Promise((resolve) => {
        viewer.addOnceHandler("open", () => {
            if (kept) {
                viewer.viewport.zoomTo(kept.zoom, null, true);
                viewer.viewport.panTo(kept.center, true);
            }
            refresh(element);
            resolve();
        });
        viewer.addOnceHandler("open-failed", resolve);
        viewer.open(layers.map((l, i) => ({
            tileSource: sources[i].source, x: l.x, y: l.y, width: l.width, degrees: l.degrees || 0, opacity: l.opacity ?? 1,
        })));
    });
    if (sources.some((s) => !s.tiled)) tilesLater(element, layers, signature, 1);
}

/**
 * An image opened whole because its pyramid was still being made (a case opened the moment it arrived): ask again
 * now and then, and once every pyramid is there, open the tiles in place of the whole image, where the view is.
 */
function tilesLater(element, layers, signature, attempt) {
    if (attempt > 40) return;
    setTimeout(async () => {
        if (element.__descLayers !== signature || !element.isConnected || !element.__descViewer) return;
        if (element.__descDraft) return void tilesLater(element, layers, signature, attempt); // not mid-shape
        try {
            const described = await Promise.all(layers.map(async (l) => {
                const description = await describe(l);
                return description && { ...l, description };
            }));
            if (element.__descLayers !== signature) return;
            if (described.every((l) => l)) await open(element, described, signature);
            else tilesLater(element, layers, signature, attempt + 1);
        } catch {
            tilesLater(element, layers, signature, attempt + 1);
        }
    }, Math.min(2000 * attempt, 10000));
}

function viewerOf(element) {
    if (element.__descViewer) return element.__descViewer;
    const viewer = OpenSeadragon({
        element, showNavigationControl: false, showNavigator: true, navigatorPosition: "BOTTOM_RIGHT",
        maxZoomPixelRatio: 8, visibilityRatio: 0.2, crossOriginPolicy: false, loadTilesWithAjax: true,
        ajaxWithCredentials: true, gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: false },
    });
    element.__descViewer = viewer;
    viewer.addHandler("viewport-change", () => { scale(element); follow(element); });
    viewer.addHandler("tile-loaded", () => {
        const loaded = Number(element.dataset.tilesLoaded || 0) + 1;
        element.dataset.tilesLoaded = String(loaded);
        // For tests and the benchmark: when the first tile arrived, in ms since the page's navigation started.
        if (loaded === 1 && !element.dataset.firstTileAt) element.dataset.firstTileAt = String(Math.round(performance.now()));
    });
    return viewer;
}

/** Keeps the pan and zoom of two viewers in step; both worlds are in millimetres, so the same view is the same scale. */
export function link(a, b) {
    if (!a || !b) return;
    a.__descPartner = b;
    b.__descPartner = a;
    follow(a);
}

function unlink(element) {
    if (element?.__descPartner) element.__descPartner.__descPartner = null;
    if (element) element.__descPartner = null;
}

function follow(element) {
    const partner = element.__descPartner;
    const from = element.__descViewer, to = partner?.__descViewer;
    if (!from || !to || element.__descFollowing || from.world.getItemCount() === 0) return;
    partner.__descFollowing = true; // the partner's own viewport-change must not echo back
    try {
        to.viewport.zoomTo(from.viewport.getZoom(true), null, true);
        to.viewport.panTo(from.viewport.getCenter(true), true);
    } finally {
        partner.__descFollowing = false;
    }
}

/** The scale bar: a round length of the document at the current zoom, about 80 to 200 screen pixels. */
function scale(element) {
    const viewer = element.__descViewer;
    const bar = element.parentElement?.querySelector("[data-scale-bar]");
    if (!bar || !viewer || viewer.world.getItemCount() === 0 || !element.__descScaleKnown) return;
    const screenPerMm = screenPixelsPerUnit(viewer);
    const candidates = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
    const mm = candidates.find((c) => c * screenPerMm >= 80) ?? 100;
    bar.style.width = `${Math.round(mm * screenPerMm)}px`;
    bar.dataset.mm = String(mm);
    bar.querySelector("span").textContent = `${mm} mm`;
}

function screenPixelsPerUnit(viewer) {
    return viewer.viewport.deltaPixelsFromPointsNoRotate(new OpenSeadragon.Point(1, 0), true).x;
}

export function dispose(element) {
    unlink(element);
    element?.__descViewer?.destroy();
    if (element) element.__descViewer = null;
}

// ---- marks on the main image ------------------------------------------------------------------------------------

/**
 * Draws marks on the main image: [{ id, kind: "Rectangle"|"Polygon"|"Point"|"Feature"|"Pick", points: [x, y, ...]
 * in image pixels (a rectangle's four corners), label, selected }].
 */
export function setMarks(element, marks) {
    element.__descMarks = marks;
    refresh(element);
}

function refresh(element) {
    scale(element);
    drawMarks(element);
    follow(element);
}

const svgNs = "http://www.w3.org/2000/svg";

function drawMarks(element) {
    const viewer = element.__descViewer;
    const item = viewer?.world.getItemAt(0);
    if (!item) return;
    viewer.clearOverlays();
    for (const m of element.__descMarks || []) {
        const div = shape(viewer, item, m.points, m.kind === "Point" || m.kind === "Pick" ? "point" : "polygon",
            `ws-mark ws-mark-${m.kind.toLowerCase()}${m.selected ? " is-selected" : ""}`);
        div.dataset.testid = m.kind === "Feature" ? "feature-overlay" : m.kind === "Pick" ? "alignment-point" : "annotation-mark";
        div.dataset.annotation = m.id;
        const tag = document.createElement("span");
        tag.textContent = String(m.label);
        div.appendChild(tag);
    }
    if (element.__descLine) drawLine(element, element.__descLine);
}

/**
 * An overlay for a shape given in the item's pixels: a point (a dot centred on it), or a polygon / line drawn in SVG
 * inside its bounding box, so rotated images and any polygon come out right. Returns the overlay's element.
 */
function shape(viewer, item, points, kind, className, existing) {
    const corners = [];
    for (let i = 0; i + 1 < points.length; i += 2) corners.push(item.imageToViewportCoordinates(points[i], points[i + 1]));
    const div = existing ?? document.createElement("div");
    div.className = className;
    // An element kept between draws (the ruler's line, a shape being drawn) may have lost its overlay meanwhile: the
    // marks' redraw and opening an image clear every overlay. Such an element is added again, not updated.
    const attached = existing && viewer.getOverlayById(existing);
    if (kind === "point") {
        if (attached) viewer.updateOverlay(div, corners[0]);
        else viewer.addOverlay({ element: div, location: corners[0], placement: "CENTER" });
        return div;
    }
    const xs = corners.map((p) => p.x), ys = corners.map((p) => p.y);
    // A margin around the shape, so that a horizontal or vertical line still has a box (and an SVG) with a height.
    const pad = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6) * 0.02;
    const box = new OpenSeadragon.Rect(Math.min(...xs) - pad, Math.min(...ys) - pad,
        Math.max(...xs) - Math.min(...xs) + 2 * pad, Math.max(...ys) - Math.min(...ys) + 2 * pad);
    let svg = div.querySelector("svg");
    if (!svg) {
        svg = document.createElementNS(svgNs, "svg");
        svg.setAttribute("preserveAspectRatio", "none");
        svg.appendChild(document.createElementNS(svgNs, kind === "line" ? "polyline" : "polygon"));
        div.appendChild(svg);
    }
    svg.setAttribute("viewBox", `0 0 ${box.width} ${box.height}`);
    svg.firstChild.setAttribute("points", corners.map((p) => `${p.x - box.x},${p.y - box.y}`).join(" "));
    svg.firstChild.setAttribute("vector-effect", "non-scaling-stroke");
    if (attached) viewer.updateOverlay(div, box);
    else viewer.addOverlay({ element: div, location: box });
    return div;
}

// ---- tools ------------------------------------------------------------------------------------------------------

/**
 * The tool in use: "pan" (the viewer's own mouse), "rectangle", "polygon", "point" (a mark), "ruler" (measures in
 * millimetres; the examiner may record the line as a measurement), "calibrate" (a line whose known length sets the scale) or "pick" (a point for an
 * alignment). Finished shapes go to dotnet in the main image's pixels; role names the viewer to the server.
 */
export function setTool(element, tool, dotnet, role) {
    const viewer = element.__descViewer;
    if (!viewer) return;
    element.__descTool = tool;
    element.__descDotnet = dotnet;
    element.__descRole = role;
    element.dataset.tool = tool;
    viewer.setMouseNavEnabled(tool === "pan");
    cancelDrawing(element);
    if (tool !== "ruler" && tool !== "calibrate") clearLine(element);
    if (!element.__descDrawing) {
        element.__descDrawing = true;
        listen(element, viewer);
    }
}

/** Forgets the line of the ruler or calibration (after it was recorded, say). */
export function clearLine(element) {
    element.__descLine = null;
    if (element.__descLineDiv) element.__descViewer?.removeOverlay(element.__descLineDiv);
    element.__descLineDiv = null;
    const label = element.parentElement?.querySelector("[data-testid=ruler-length]");
    if (label) label.hidden = true;
}

function cancelDrawing(element) {
    const d = element.__descDraft;
    if (d?.div) element.__descViewer?.removeOverlay(d.div);
    element.__descDraft = null;
}

function listen(element, viewer) {
    const item = () => viewer.world.getItemAt(0);
    const toImage = (e) => {
        const box = viewer.element.getBoundingClientRect();
        const p = item().viewerElementToImageCoordinates(new OpenSeadragon.Point(e.clientX - box.left, e.clientY - box.top));
        const size = item().getContentSize();
        return { x: Math.max(0, Math.min(size.x, p.x)), y: Math.max(0, Math.min(size.y, p.y)) };
    };
    const send = (method, ...args) => element.__descDotnet?.invokeMethodAsync(method, ...args);
    const round = (points) => points.map(Math.round);

    viewer.element.addEventListener("pointerdown", (e) => {
        const tool = element.__descTool;
        if (tool === "pan" || e.button !== 0 || !item()) return;
        e.preventDefault();
        e.stopPropagation();
        const p = toImage(e);
        if (tool === "point") return void send("ShapeDrawn", "Point", round([p.x, p.y]));
        if (tool === "pick") return void send("PointPicked", element.__descRole, Math.round(p.x), Math.round(p.y));
        if (tool === "polygon") return void polygonClick(element, viewer, item(), p, e, send);
        // rectangle, ruler, calibrate: a drag
        element.__descDraft = { tool, start: p, div: null };
        viewer.element.setPointerCapture(e.pointerId);
    }, true);
    viewer.element.addEventListener("pointermove", (e) => {
        const d = element.__descDraft;
        if (!d || !item()) return;
        const p = toImage(e);
        if (d.tool === "polygon") {
            d.div = shape(viewer, item(), [...d.points, p.x, p.y], "line", "ws-mark ws-mark-drawing ws-mark-line", d.div);
        } else if (d.tool === "rectangle") {
            d.div = shape(viewer, item(), corners(d.start, p), "polygon", "ws-mark ws-mark-drawing", d.div);
        } else if (d.start) {
            drawLine(element, [d.start.x, d.start.y, p.x, p.y]);
        }
    }, true);
    viewer.element.addEventListener("pointerup", (e) => {
        const d = element.__descDraft;
        if (!d || d.tool === "polygon" || !item()) return;
        const p = toImage(e);
        cancelDrawing(element);
        if (d.tool === "rectangle") {
            const r = corners(d.start, p);
            if (Math.abs(p.x - d.start.x) >= 2 && Math.abs(p.y - d.start.y) >= 2) send("ShapeDrawn", "Rectangle", round(r));
        } else if (Math.hypot(p.x - d.start.x, p.y - d.start.y) >= 2) {
            drawLine(element, [d.start.x, d.start.y, p.x, p.y]);
            if (d.tool === "calibrate") send("LineDrawn", round([d.start.x, d.start.y, p.x, p.y]));
            // The ruler's line goes to the server too, which offers to record it as a measurement when it may.
            else send("RulerDrawn", round([d.start.x, d.start.y, p.x, p.y]));
        }
    }, true);
    element.addEventListener("keydown", (e) => { if (e.key === "Escape") cancelDrawing(element); });
}

function corners(a, b) {
    const x0 = Math.min(a.x, b.x), y0 = Math.min(a.y, b.y), x1 = Math.max(a.x, b.x), y1 = Math.max(a.y, b.y);
    return [x0, y0, x1, y0, x1, y1, x0, y1];
}

/** A polygon: each click adds a corner; a click near the first corner, or a double click, closes it. */
function polygonClick(element, viewer, item, p, e, send) {
    let d = element.__descDraft;
    if (!d || d.tool !== "polygon") d = element.__descDraft = { tool: "polygon", points: [], div: null, last: 0 };
    const now = performance.now();
    const doubleClick = now - d.last < 350;
    d.last = now;
    const n = d.points.length / 2;
    if (n >= 3) {
        const first = item.imageToViewerElementCoordinates(new OpenSeadragon.Point(d.points[0], d.points[1]));
        const here = item.imageToViewerElementCoordinates(new OpenSeadragon.Point(p.x, p.y));
        if (doubleClick || Math.hypot(first.x - here.x, first.y - here.y) <= 8) {
            const points = d.points.map(Math.round);
            cancelDrawing(element);
            send("ShapeDrawn", "Polygon", points);
            return;
        }
    }
    if (!doubleClick) d.points.push(p.x, p.y);
    d.div = shape(viewer, item, d.points.length >= 4 ? d.points : [...d.points, p.x + 0.01, p.y + 0.01], "line",
        "ws-mark ws-mark-drawing ws-mark-line", d.div);
}

/** The ruler's (or calibration's) line, with its length in millimetres of the world, or in pixels when unmeasured. */
function drawLine(element, line) {
    const viewer = element.__descViewer, item = viewer?.world.getItemAt(0);
    if (!item) return;
    element.__descLine = line;
    element.__descLineDiv = shape(viewer, item, line, "line", "ws-mark ws-mark-line", element.__descLineDiv);
    const a = item.imageToViewportCoordinates(line[0], line[1]), b = item.imageToViewportCoordinates(line[2], line[3]);
    const label = element.parentElement?.querySelector("[data-testid=ruler-length]");
    if (!label) return;
    label.hidden = false;
    if (element.__descScaleKnown) {
        const mm = Math.hypot(b.x - a.x, b.y - a.y);
        label.dataset.mm = mm.toFixed(2);
        label.textContent = `${mm.toFixed(mm < 10 ? 2 : 1)} mm`;
    } else {
        const px = Math.hypot(line[2] - line[0], line[3] - line[1]);
        label.dataset.mm = "";
        label.textContent = `${Math.round(px)} px`;
    }
}
