import { Field, IsDateString, IsInt, IsNumber, IsOptional, IsString, Max, Min, Schema } from '@flowport/core';

@Schema({ description: 'A document whose text scored as negative.' })
export class NegativeTextEvent {
  @Field({ summary: 'Document ID', description: 'The identifier sent with the document.' })
  @IsString()
  id!: string;

  @Field({ summary: 'Score', description: 'The sentiment score, from 0 (negative) to 1 (positive).', format: 'double' })
  @IsNumber()
  @Min(0)
  @Max(1)
  score!: number;

  @Field({ summary: 'Excerpt', description: 'The first 200 characters of the text.' })
  @IsString()
  excerpt!: string;

  @Field({ summary: 'Scored At', description: 'When the document was scored (UTC).' })
  @IsDateString()
  scoredAt!: string;
}

@Schema({ description: 'When to fire: scores at or below the threshold.' })
export class ScoreThreshold {
  @Field({
    summary: 'Threshold',
    description: 'Fire for documents scoring at or below this value; 0.3 when empty.',
    default: 0.3,
    format: 'double',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  threshold?: number;
}

@Schema({ description: 'A document that was scored.' })
export class ScoredDocument {
  @Field({
    summary: 'Sequence',
    description: 'Position in the score log; increases by one per document, and across restarts.',
    format: 'int64',
  })
  @IsInt()
  sequence!: number;

  @Field({ summary: 'Document ID', description: 'The identifier sent with the document.' })
  @IsString()
  id!: string;

  @Field({ summary: 'Score', description: 'From 0 (negative) to 1 (positive).', format: 'double' })
  @IsNumber()
  @Min(0)
  @Max(1)
  score!: number;

  @Field({ summary: 'Scored At', description: 'When the document was scored (UTC).' })
  @IsDateString()
  scoredAt!: string;
}
