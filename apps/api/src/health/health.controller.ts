import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public, TEL_DATA_SOURCE } from '@tel/core';

/** GET /health — is the service up and can it reach its database? 200 or 503, always JSON. */
@Controller('health')
export class HealthController {
  constructor(@Inject(TEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const started = process.hrtime.bigint();
    const dialect = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      res.status(200).json({
        status: 'ok',
        database: { status: 'up', dialect, latencyMs: Math.round(latencyMs * 100) / 100, pendingMigrations: pending },
        uptimeSeconds: Math.round(process.uptime()),
      });
    } catch {
      res.status(503).json({ status: 'error', database: { status: 'down', dialect } });
    }
  }
}
