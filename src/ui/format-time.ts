// Times as people in the districts read them: China time, whatever the browser's zone.
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string, locale: string): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formats.set(locale, f);
  }
  return f.format(new Date(iso));
}
