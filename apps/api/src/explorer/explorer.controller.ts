import { Controller, Get, Inject, Logger, Param, Res } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { pipeline } from 'node:stream';
import type { Response } from 'express';
import { AppError, Public } from '@tel/core';
import { EXPLORER_ASSETS, ExplorerAssets } from './explorer-assets';
import { explorerCsp, explorerHtml } from './explorer-page';

const GRAPHQL_PATH = '/graphql';

/** Headers every explorer response carries. */
function setCommonHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * GET /explorer — GraphiQL, served entirely by this server (no CDN): the page, and the
 * allowlisted scripts and stylesheets it loads from /explorer/assets/.
 */
@Controller('explorer')
export class ExplorerController {
  private readonly logger = new Logger('Explorer');

  constructor(@Inject(EXPLORER_ASSETS) private readonly assets: ExplorerAssets) {}

  @Public()
  @Get()
  page(@Res() res: Response): void {
    const nonce = randomBytes(16).toString('base64');
    setCommonHeaders(res);
    res.setHeader('Content-Security-Policy', explorerCsp(nonce));
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(200)
      .type('html')
      .send(explorerHtml(this.assets, nonce, GRAPHQL_PATH));
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    // A route parameter never contains "/", and only names in the allowlist are served.
    const asset = this.assets.byUrlName.get(file);
    if (!asset) throw AppError.notFound('ROUTE_NOT_FOUND', 'Explorer asset');
    setCommonHeaders(res);
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Content-Length', String(asset.size));
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    res.status(200);
    pipeline(fs.createReadStream(asset.filePath), res, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error(`streaming ${asset.urlName}: ${error.message}`);
      }
    });
  }
}
