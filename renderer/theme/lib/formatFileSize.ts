const UNITS = ['octets', 'Ko', 'Mo', 'Go'];

/**
 * A size in French, as « 1,2 Mo »: binary multiples, one decimal at most, a decimal comma. Computed by hand
 * rather than with Intl, whose output may differ between the server and the browser and break hydration.
 */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} ${bytes === 1 ? 'octet' : 'octets'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} ${UNITS[unit]}`;
}
