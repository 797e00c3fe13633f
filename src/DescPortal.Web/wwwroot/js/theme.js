// Remembers the theme switched to, for a year, for every page of the portal (read by the server on the next load).
export function remember(name, value) {
    const path = new URL(document.baseURI).pathname;
    // Secure wherever the portal is served over HTTPS, as every other cookie of it is.
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${name}=${value}; path=${path}; max-age=31536000; samesite=lax${secure}`;
}
