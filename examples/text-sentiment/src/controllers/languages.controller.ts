import { Action, Controller, Get, Returns } from '@flowport/core';
import { LanguageList } from '../languages.dto';
import { LANGUAGES } from '../scoring';

@Controller('/text/analytics/v2.0')
export class LanguagesController {
  @Get('/languages')
  @Action({
    id: 'ListLanguages',
    summary: 'List supported languages',
    description: 'Lists the languages the sentiment scorer understands; feeds the Language field.',
    visibility: 'internal',
  })
  @Returns(200, LanguageList, { description: 'The supported languages' })
  list(): LanguageList {
    return { languages: LANGUAGES.map((l) => ({ ...l })) };
  }
}
