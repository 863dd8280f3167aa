import { Field, IsString, Schema } from '@flowport/core';

@Schema({ description: 'A language the scorer supports.' })
export class Language {
  @Field({ summary: 'Language Code', description: 'Two-letter ISO 639-1 code.' })
  @IsString()
  code!: string;

  @Field({ summary: 'Language Name', description: 'English name of the language.' })
  @IsString()
  name!: string;
}

@Schema({ description: 'The languages the scorer supports.' })
export class LanguageList {
  @Field({ summary: 'Languages', description: 'Every supported language.', type: [Language] })
  languages!: Language[];
}
