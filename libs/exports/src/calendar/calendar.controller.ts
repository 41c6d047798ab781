import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, Ctx, Public, RequestContext } from '@tel/core';
import { originOf } from '../http/origin';
import { sendRepresentation } from '../http/send';
import { CalendarService } from './calendar.service';

/** `{name}.ics` → name; anything else is not a calendar of ours. */
function icsName(file: string): string {
  const m = /^(.+)\.ics$/i.exec(file);
  if (!m) throw AppError.notFound('ROUTE_NOT_FOUND', 'Route');
  return m[1];
}

/**
 * iCalendar feeds (RFC 5545) to subscribe to in Google Calendar, Outlook or Apple Calendar:
 * GET /calendar/meetings.ics, GET /calendar/meetings/{code}.ics (public), and
 * GET /calendar/deadlines/{secret}.ics (the secret is the key; see regenerateCalendarFeed).
 */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Public()
  @Get('meetings.ics')
  async meetings(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { text, lastModified } = await this.calendars.allMeetings(ctx, originOf(req));
    sendRepresentation(req, res, { body: text, contentType: 'text/calendar; charset=utf-8', filename: 'apec-tel-meetings.ics', personal: !!ctx.actor, lastModified });
  }

  @Public()
  @Get('meetings/:file')
  async meeting(@Ctx() ctx: RequestContext, @Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { text, lastModified, code } = await this.calendars.meeting(ctx, icsName(file), originOf(req));
    sendRepresentation(req, res, { body: text, contentType: 'text/calendar; charset=utf-8', filename: `${code}.ics`, personal: !!ctx.actor, lastModified });
  }

  @Public()
  @Get('deadlines/:file')
  async deadlines(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { text, lastModified } = await this.calendars.deadlines(icsName(file), originOf(req));
    res.setHeader('Referrer-Policy', 'no-referrer'); // the address is the secret
    sendRepresentation(req, res, { body: text, contentType: 'text/calendar; charset=utf-8', filename: 'my-report-deadlines.ics', personal: true, lastModified });
  }
}
