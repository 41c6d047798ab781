import { Controller, Get, Inject, Logger, Next, Param, Req, Res } from '@nestjs/common';
import * as fs from 'node:fs';
import { pipeline } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { AppError, Public } from '@tel/core';
import { WEB_BUILD, WebBuild } from './web-assets';
import { isApiPath, isAppRoute, webCsp } from './web-csp';

function setCommonHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}

/**
 * The delegates' web app (apps/web): hashed assets under /assets/, and index.html for the app's
 * routes (/search, /documents/…), so they load on reload and when shared.
 * Registered last, so every API route has already had its turn.
 */
@Controller()
export class WebController {
  private readonly logger = new Logger('Web');

  constructor(@Inject(WEB_BUILD) private readonly build: WebBuild) {
    if (!build.indexHtml) this.logger.warn(`the web app is not built (no ${build.dir}/index.html); run npm run build`);
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = this.build.assets.get(file);
    if (!asset) throw AppError.notFound('ROUTE_NOT_FOUND', 'Asset');
    setCommonHeaders(res);
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Content-Length', String(asset.size));
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // Vite puts a content hash in every name under assets/: a name never changes content.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.status(200);
    pipeline(fs.createReadStream(asset.filePath), res, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error(`streaming ${asset.urlName}: ${error.message}`);
      }
    });
  }

  @Public()
  @Get('{*path}')
  page(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    // /graphql (Apollo's middleware), unknown /api/… (JSON 404) and the rest keep their meaning.
    if (isApiPath(req.path)) return next();
    // The app's routes get the app; any other page a browser asks for gets it with a 404 (the app
    // says "Page not found"); anything else (/package.json from a script) the usual JSON 404.
    let status = 200;
    if (!isAppRoute(req.path)) {
      if (!req.accepts('html') || !(req.headers.accept ?? '').includes('text/html')) return next();
      status = 404;
    }
    setCommonHeaders(res);
    res.setHeader('Cache-Control', 'no-store');
    if (!this.build.indexHtml) {
      res.status(503).type('text').send('The web app is not built: run npm run build (or npm start).\n');
      return;
    }
    res.setHeader('Content-Security-Policy', webCsp());
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.status(status).type('html').send(this.build.indexHtml);
  }
}
