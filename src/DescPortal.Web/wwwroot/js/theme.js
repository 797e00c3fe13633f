// Remembers the theme switched to, for a year, for every page of the portal (read by the server on the next load).
export function remember(name, value) {
    const path = new URL(document.baseURI).pathname;
    document.cookie = `${name}=${value}; path=${path}; max-age=31536000; samesite=lax`;
}
