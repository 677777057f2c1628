/**
 * Content-Disposition for a download with a Chinese file name: an ASCII `filename` for old clients
 * and the UTF-8 name as RFC 5987 `filename*` (RFC 6266), which browsers, Excel and WPS prefer.
 */
export function attachment(asciiName: string, utf8Name: string): string {
  const safeAscii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safeAscii}"; filename*=UTF-8''${encoded}`;
}
