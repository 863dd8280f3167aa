import { Field, IsIn, Schema } from '@flowport/core';

@Schema({ description: 'Whether the service is up.' })
export class Health {
  @Field({ summary: 'Status', description: 'Always "ok" while the service answers.' })
  @IsIn(['ok'])
  status!: 'ok';
}
