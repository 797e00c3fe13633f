// The page's heading takes the focus after a navigation (screen readers announce the new page), unless the user is
// already typing in a field: then their keystrokes stay where they are.
const typing = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function focusHeading(selector) {
    const active = document.activeElement;
    if (active && active !== document.body && active.matches(typing)) return false;
    const heading = document.querySelector(selector);
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    return true;
}
