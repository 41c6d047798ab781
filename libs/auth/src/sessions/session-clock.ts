import { Injectable } from '@nestjs/common';

/** The time browser sessions are judged by; tests move it to cross idle timeouts and expiry. */
@Injectable()
export class SessionClock {
  now(): Date {
    return new Date();
  }
}
