import {
  ArrayMaxSize,
  ArrayMinSize,
  Field,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Schema,
  Summary,
} from '@flowport/core';
import { LanguagesController } from './controllers/languages.controller';

@Schema({ description: 'A text to score.' })
export class Document {
  @Summary('Document ID')
  @Field({ description: 'An identifier you choose; it is echoed in the result.', example: '1' })
  @IsString()
  @IsNotEmpty()
  @Length(1, 64)
  id!: string;

  @Field({
    summary: 'Language',
    description: 'Two-letter ISO 639-1 code of the text; English when omitted.',
    visibility: 'advanced',
    example: 'en',
    dynamicValues: {
      operation: () => LanguagesController.prototype.list,
      collection: 'languages',
      value: 'code',
      title: 'name',
    },
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2}$/)
  language?: string;

  @Field({
    summary: 'Text',
    description: 'The text to score, up to 5,120 characters.',
    visibility: 'important',
    example: 'I love this',
  })
  @IsString()
  @Length(1, 5120)
  text!: string;
}

@Schema({ description: 'Documents to score.' })
export class SentimentRequest {
  @Field({ summary: 'Documents', description: 'One to a thousand documents.', type: [Document] })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  documents!: Document[];
}

@Schema({ description: 'The sentiment score of one document.' })
export class DocumentScore {
  @Field({ summary: 'Document ID', description: 'The identifier sent with the document.' })
  @IsString()
  id!: string;

  @Field({
    summary: 'Score',
    description: 'From 0 (negative) through 0.5 (neutral) to 1 (positive).',
    format: 'double',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  score!: number;
}

@Schema({ description: 'Why one document could not be scored.' })
export class DocumentError {
  @Field({ summary: 'Document ID', description: 'The identifier sent with the document.' })
  @IsString()
  id!: string;

  @Field({ summary: 'Error Message', description: 'What was wrong with the document.' })
  @IsString()
  message!: string;
}

@Schema({ description: 'Scores for the documents that could be scored, errors for the others.' })
export class SentimentResult {
  @Field({ summary: 'Scored Documents', description: 'One entry per scored document.', type: [DocumentScore] })
  documents!: DocumentScore[];

  @Field({ summary: 'Errors', description: 'One entry per document that could not be scored.', type: [DocumentError] })
  errors!: DocumentError[];
}
