import { exportLinks, webcalLink } from './links';

describe('export links', () => {
  it('encodes the meeting code', () => {
    expect(exportLinks.meetingCalendar('TEL37')).toBe('/calendar/meetings/TEL37.ics');
    expect(exportLinks.meetingDocumentsCsv('TEL 37/x')).toBe('/exports/meetings/TEL%2037%2Fx/documents.csv');
    expect(exportLinks.approvalsBoardCsv('2008-03-28')).toBe('/exports/approvals-board.csv?asOf=2008-03-28');
    expect(exportLinks.approvalsBoardCsv()).toBe('/exports/approvals-board.csv');
  });

  it('turns a feed address into webcal://', () => {
    expect(webcalLink('https://tel.example/calendar/deadlines/abc.ics')).toBe('webcal://tel.example/calendar/deadlines/abc.ics');
    expect(webcalLink('http://127.0.0.1:3000/calendar/meetings.ics')).toBe('webcal://127.0.0.1:3000/calendar/meetings.ics');
  });
});
