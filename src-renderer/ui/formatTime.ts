/** A clock time in the UI language (24-hour in German). */
export function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
}
