import { Action, Controller, Get, Public, Returns } from '@flowport/core';
import { Health } from '../health.dto';

@Controller()
export class HealthController {
  @Get('/health')
  @Public()
  @Action({
    id: 'GetHealth',
    summary: 'Check service health',
    description: 'Answers while the service is up; used by load balancers, not by flows.',
    visibility: 'internal',
  })
  @Returns(200, Health, { description: 'The service is up' })
  health(): Health {
    return { status: 'ok' };
  }
}
