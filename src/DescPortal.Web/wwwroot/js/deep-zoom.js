// Deep zoom for the examination workspace: OpenSeadragon (served by the app from npm, see the project file) showing
// one image at a time. Switching to another image of the same area (another light) keeps the position and zoom:
// OpenSeadragon's viewport coordinates are relative to the image's width, so they carry over between captures.
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

async function sourceOf(description, describeUrl, imageUrl) {
    let d = description;
    if (!d) {
        const response = await fetch(describeUrl, { credentials: "same-origin" });
        if (!response.ok) return { source: { type: "image", url: imageUrl }, tiled: false };
        d = await response.json();
    }
    return {
        tiled: true,
        width: d.width,
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
 * Shows an image in the element, keeping the view of the one shown before. Resolves once the image is open.
 * description: the pyramid, when the server already knows it; otherwise describeUrl is asked (and the plain image
 * at imageUrl is shown while the tiles are being made).
 */
export async function show(element, description, describeUrl, imageUrl, pixelsPerMm) {
    // A render can hand over an element that is not (or no longer) in the page; the next render tries again.
    if (!(element instanceof HTMLElement) || !element.isConnected) return false;
    await loadLibrary();
    let viewer = element.__descViewer;
    if (!viewer) {
        viewer = OpenSeadragon({
            element, showNavigationControl: false, showNavigator: true, navigatorPosition: "BOTTOM_RIGHT",
            maxZoomPixelRatio: 8, visibilityRatio: 0.5, crossOriginPolicy: false, loadTilesWithAjax: true,
            ajaxWithCredentials: true, gestureSettingsMouse: { clickToZoom: false },
        });
        element.__descViewer = viewer;
        viewer.addHandler("zoom", () => scale(element));
        viewer.addHandler("tile-loaded", () => {
            const loaded = Number(element.dataset.tilesLoaded || 0) + 1;
            element.dataset.tilesLoaded = String(loaded);
            // For tests and the benchmark: when the first tile arrived, in ms since the page's navigation started.
            if (loaded === 1 && !element.dataset.firstTileAt) element.dataset.firstTileAt = String(Math.round(performance.now()));
        });
    }
    const kept = viewer.world.getItemCount() > 0 ? { center: viewer.viewport.getCenter(), zoom: viewer.viewport.getZoom() } : null;
    const { source, tiled } = await sourceOf(description, describeUrl, imageUrl);
    element.dataset.tiled = String(tiled);
    element.dataset.tilesLoaded = "0";
    element.__descPixelsPerMm = pixelsPerMm;
    element.__descMarks = []; // the new image's marks follow from the server
    await new Promise((resolve) => {
        viewer.addOnceHandler("open", () => {
            if (kept) {
                viewer.viewport.zoomTo(kept.zoom, null, true);
                viewer.viewport.panTo(kept.center, true);
            }
            scale(element);
            drawMarks(element);
            resolve();
        });
        viewer.addOnceHandler("open-failed", resolve);
        viewer.open(source);
    });
    return true;
}

/** The scale bar: how many screen pixels a millimetre of the document takes at the current zoom. */
function scale(element) {
    const viewer = element.__descViewer;
    const bar = element.parentElement?.querySelector("[data-scale-bar]");
    const item = viewer?.world.getItemAt(0);
    if (!bar || !item || !element.__descPixelsPerMm) return;
    const screenPerImagePixel = item.viewportToImageZoom(viewer.viewport.getZoom(true)) ;
    const screenPerMm = element.__descPixelsPerMm * screenPerImagePixel;
    // A round length of about 120 screen pixels.
    const candidates = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
    const mm = candidates.find((c) => c * screenPerMm >= 80) ?? 100;
    bar.style.width = `${Math.round(mm * screenPerMm)}px`;
    bar.dataset.mm = String(mm);
    bar.querySelector("span").textContent = `${mm} mm`;
}

export function dispose(element) {
    element?.__descViewer?.destroy();
    if (element) element.__descViewer = null;
}

// ---- marks (annotations) on the image, and drawing new ones -------------------------------------------------

/** Draws the marks of the image shown: [{ id, kind: "Rectangle"|"Polygon"|"Point", x, y, width, height, n, selected }] in image pixels. */
export function setMarks(element, marks) {
    element.__descMarks = marks;
    drawMarks(element);
}

function drawMarks(element) {
    const viewer = element.__descViewer;
    if (!viewer || viewer.world.getItemCount() === 0) return;
    viewer.clearOverlays();
    for (const m of element.__descMarks || []) {
        const div = document.createElement("div");
        div.className = `ws-mark ws-mark-${m.kind.toLowerCase()}${m.selected ? " is-selected" : ""}`;
        div.dataset.testid = "annotation-mark";
        div.dataset.annotation = m.id;
        const tag = document.createElement("span");
        tag.textContent = String(m.n);
        div.appendChild(tag);
        const size = m.kind === "Point" ? { w: 0, h: 0 } : { w: m.width, h: m.height };
        const rect = viewer.viewport.imageToViewportRectangle(m.x, m.y, size.w, size.h);
        viewer.addOverlay({ element: div, location: rect, placement: m.kind === "Point" ? "CENTER" : "TOP_LEFT" });
    }
}

/** The drawing tool: "pan" (the viewer's own mouse), "rectangle" or "point"; a finished shape goes to dotnet.ShapeDrawn. */
export function setTool(element, tool, dotnet) {
    const viewer = element.__descViewer;
    if (!viewer) return;
    element.__descTool = tool;
    element.__descDotnet = dotnet;
    element.dataset.tool = tool;
    viewer.setMouseNavEnabled(tool === "pan");
    if (element.__descDrawing) return;
    element.__descDrawing = true;

    const image = () => viewer.world.getItemAt(0);
    const toImage = (e) => {
        const box = viewer.element.getBoundingClientRect();
        const p = image().viewerElementToImageCoordinates(new OpenSeadragon.Point(e.clientX - box.left, e.clientY - box.top));
        const size = image().getContentSize();
        return { x: Math.max(0, Math.min(size.x, p.x)), y: Math.max(0, Math.min(size.y, p.y)) };
    };
    let start = null, ghost = null;
    const place = (a, b) => {
        const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
        const r = { x: Math.round(x), y: Math.round(y), width: Math.round(Math.abs(a.x - b.x)), height: Math.round(Math.abs(a.y - b.y)) };
        if (ghost) viewer.updateOverlay(ghost, viewer.viewport.imageToViewportRectangle(r.x, r.y, r.width, r.height));
        return r;
    };
    viewer.element.addEventListener("pointerdown", (e) => {
        const tool = element.__descTool;
        if (tool === "pan" || e.button !== 0 || !image()) return;
        e.preventDefault();
        e.stopPropagation();
        const p = toImage(e);
        if (tool === "point") {
            element.__descDotnet?.invokeMethodAsync("ShapeDrawn", "Point", Math.round(p.x), Math.round(p.y), 0, 0);
            return;
        }
        start = p;
        ghost = document.createElement("div");
        ghost.className = "ws-mark ws-mark-drawing";
        viewer.addOverlay({ element: ghost, location: viewer.viewport.imageToViewportRectangle(p.x, p.y, 1, 1) });
        viewer.element.setPointerCapture(e.pointerId);
    }, true);
    viewer.element.addEventListener("pointermove", (e) => { if (start) place(start, toImage(e)); }, true);
    viewer.element.addEventListener("pointerup", (e) => {
        if (!start) return;
        const r = place(start, toImage(e));
        viewer.removeOverlay(ghost);
        start = ghost = null;
        if (r.width >= 2 && r.height >= 2) element.__descDotnet?.invokeMethodAsync("ShapeDrawn", "Rectangle", r.x, r.y, r.width, r.height);
    }, true);
}
