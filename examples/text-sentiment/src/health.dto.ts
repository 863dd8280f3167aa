import { Field, Schema } from '@flowport/core';
import { IsIn } from 'class-validator';

@Schema({ description: 'Whether the service is up.' })
export class Health {
  @Field({ summary: 'Status', description: 'Always "ok" while the service answers.' })
  @IsIn(['ok'])
  status!: 'ok';
}
