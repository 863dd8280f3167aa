import { Action, Controller, Get, Identity, Page, Query, Returns } from '@flowport/core';
import { page, type PageResult } from '@flowport/express-adapter';
import { scoreLog } from '../score-log';
import { ScoredDocument } from '../trigger.dto';

@Controller('/text/analytics/v2.0')
export class HistoryController {
  @Get('/history')
  @Action({
    id: 'ListScoringHistory',
    summary: 'List scoring history',
    description: 'Lists the documents scored through this connection, newest first, a page at a time.',
    pageable: { nextLinkName: 'nextLink' },
    visibility: 'advanced',
  })
  @Returns(200, Page(ScoredDocument), { description: 'One page of scored documents' })
  history(
    // The default is filled in when a request leaves `top` out: the handler never sees undefined.
    @Query('top', {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 50,
      summary: 'Page Size',
      description: 'Documents per page.',
    })
    top: number,
    @Query('cursor', {
      type: String,
      pattern: '^[1-9][0-9]{0,15}$',
      visibility: 'internal',
      summary: 'Cursor',
      description: 'The sequence the page starts below; set by the next link.',
    })
    cursor: string | undefined,
    @Identity() caller: Identity,
  ): PageResult<ScoredDocument> {
    const { items, next } = scoreLog.page(caller.subject, cursor === undefined ? undefined : Number(cursor), top);
    return page(items, next === undefined ? undefined : String(next));
  }
}
