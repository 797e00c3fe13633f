// Drawing a rectangle on a specimen image, in the browser: the drag itself makes no round trip to the server; only
// the finished region (in the image's own pixels) goes to .NET. Attached once per stage element; it draws only while
// the stage says data-drawing="true", so the server turns drawing on and off by rendering an attribute.
const MIN_SIZE = 4;

export function attach(stage, dotnet) {
    if (!stage || stage.__descDraw) return;
    stage.__descDraw = true;
    stage.dataset.drawAttached = "true"; // from now on a drag draws (while data-drawing says so)
    let start = null, rect = null, svg = null;

    const point = (e) => {
        const p = svg.createSVGPoint();
        p.x = e.clientX; p.y = e.clientY;
        const m = svg.getScreenCTM();
        return m ? p.matrixTransform(m.inverse()) : null;
    };
    const bounds = () => svg.viewBox.baseVal;
    const clamp = (v, max) => Math.max(0, Math.min(max, v));
    const box = (a, b) => {
        const vb = bounds();
        const x1 = clamp(Math.min(a.x, b.x), vb.width), y1 = clamp(Math.min(a.y, b.y), vb.height);
        const x2 = clamp(Math.max(a.x, b.x), vb.width), y2 = clamp(Math.max(a.y, b.y), vb.height);
        return { x: Math.round(x1), y: Math.round(y1), width: Math.round(x2 - x1), height: Math.round(y2 - y1) };
    };
    const show = (b) => {
        rect.setAttribute("x", b.x); rect.setAttribute("y", b.y);
        rect.setAttribute("width", b.width); rect.setAttribute("height", b.height);
    };
    const stop = () => {
        rect?.remove();
        start = rect = null;
    };

    stage.addEventListener("pointerdown", (e) => {
        if (stage.dataset.drawing !== "true" || e.button !== 0) return;
        svg = stage.querySelector("svg.lib-overlay");
        const layer = svg?.querySelector(".lib-draw-layer");
        if (!layer) return;
        start = point(e);
        if (!start) return;
        e.preventDefault();
        stage.setPointerCapture(e.pointerId);
        rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        rect.setAttribute("class", "lib-drawing");
        rect.setAttribute("vector-effect", "non-scaling-stroke");
        layer.appendChild(rect);
        show(box(start, start));
    });
    stage.addEventListener("pointermove", (e) => {
        if (!start) return;
        const p = point(e);
        if (p) show(box(start, p));
    });
    stage.addEventListener("pointerup", (e) => {
        if (!start) return;
        const p = point(e);
        const b = p ? box(start, p) : null;
        stop();
        if (b && b.width >= MIN_SIZE && b.height >= MIN_SIZE) {
            dotnet.invokeMethodAsync("RegionDrawn", b.x, b.y, b.width, b.height);
        }
    });
    stage.addEventListener("pointercancel", stop);
}
