import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Ctx, Public, RequestContext } from '@tel/core';
import { sendRepresentation } from '../http/send';
import { CsvText, ExportsService } from './exports.service';

/**
 * CSV exports (UTF-8 with a BOM, CRLF, formula cells neutralised). Public routes: what a row shows
 * follows the caller — a signed-in member (bearer token or session cookie) gets the restricted
 * rows, an anonymous caller never does. Those answers are `private`; the others `public`.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Public()
  @Get('meetings/:code/documents.csv')
  async meetingDocuments(@Ctx() ctx: RequestContext, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const meeting = await this.exports.meeting(code);
    this.send(ctx, req, res, `${meeting.code}-documents.csv`, await this.exports.meetingDocuments(ctx, meeting));
  }

  @Public()
  @Get('meetings/:code/progress-reports.csv')
  async meetingReports(@Ctx() ctx: RequestContext, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const meeting = await this.exports.meeting(code);
    this.send(ctx, req, res, `${meeting.code}-progress-reports.csv`, await this.exports.meetingReports(ctx, meeting));
  }

  @Public()
  @Get('projects.csv')
  async projects(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(ctx, req, res, 'project-register.csv', await this.exports.projectRegister(ctx));
  }

  @Public()
  @Get('approvals-board.csv')
  async board(@Ctx() ctx: RequestContext, @Query('asOf') asOf: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(ctx, req, res, 'approvals-board.csv', await this.exports.approvalsBoard(ctx, typeof asOf === 'string' ? asOf : null));
  }

  private send(ctx: RequestContext, req: Request, res: Response, filename: string, csv: CsvText): void {
    sendRepresentation(req, res, { body: csv.text, contentType: 'text/csv; charset=utf-8', filename, personal: !!ctx.actor, lastModified: csv.lastModified });
  }
}
