/**
 * Addresses of the server's calendar feeds and CSV exports (README: Calendars and exports), for
 * any page that offers them. They are plain server routes, not pages of the app: link to them
 * with <a href>, never react-router's <Link>. The browser sends its session cookie with them, so a
 * signed-in member's download holds the restricted rows too.
 */

const code = (meetingCode: string) => encodeURIComponent(meetingCode);

export const exportLinks = {
  /** Every meeting with dates and its sessions (iCalendar). */
  meetingsCalendar: () => '/calendar/meetings.ics',
  /** One meeting and its sessions (iCalendar). */
  meetingCalendar: (meetingCode: string) => `/calendar/meetings/${code(meetingCode)}.ics`,
  /** A meeting's document list as APEC lists it (CSV). */
  meetingDocumentsCsv: (meetingCode: string) => `/exports/meetings/${code(meetingCode)}/documents.csv`,
  /** The progress reports for a meeting (CSV). */
  meetingProgressReportsCsv: (meetingCode: string) => `/exports/meetings/${code(meetingCode)}/progress-reports.csv`,
  /** The project register (CSV). */
  projectRegisterCsv: () => '/exports/projects.csv',
  /** The approvals board (CSV), as of a date (YYYY-MM-DD) or today. */
  approvalsBoardCsv: (asOf?: string) => (asOf ? `/exports/approvals-board.csv?asOf=${encodeURIComponent(asOf)}` : '/exports/approvals-board.csv'),
} as const;

/**
 * The private feed's address comes only from the `regenerateCalendarFeed` mutation's answer
 * (`url`): it holds a secret the server does not keep. Turns it into a webcal:// link, which opens
 * the subscription dialog of Apple Calendar and Outlook.
 */
export function webcalLink(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}
