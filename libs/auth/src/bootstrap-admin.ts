import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, systemContext } from '@tel/core';
import { AuthService } from './accounts/auth.service';

/** BOOTSTRAP_ADMIN_EMAIL + BOOTSTRAP_ADMIN_PASSWORD: the first start on a database without accounts creates that administrator. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminEmail, bootstrapAdminPassword } = this.config.auth;
    if (!bootstrapAdminEmail || !bootstrapAdminPassword) return;
    if (await this.auth.bootstrapAdmin(systemContext('bootstrap'), bootstrapAdminEmail, bootstrapAdminPassword)) {
      new Logger('Auth').log(`no accounts yet: created the administrator ${bootstrapAdminEmail.trim().toLowerCase()} (BOOTSTRAP_ADMIN_EMAIL)`);
    }
  }
}
