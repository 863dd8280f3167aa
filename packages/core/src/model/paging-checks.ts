import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaTable } from '../schema/model';
import { successSchema } from './references';
import type { OperationModel } from './types';

/**
 * Paged operations the runtime cannot page as the definition says. The platform reads the next
 * page's URL from the answer's root property `nextLinkName`; an answer without it published
 * paging that never goes past the first page (and `page(…)` then broke the declared schema). A
 * long-running action answers once, from its job, which kept `page(…)`'s own shape
 * (`{ items, next }`) as the result.
 */
export function checkPaging(operations: readonly OperationModel[], schemas: SchemaTable, bag: DiagnosticBag): void {
  for (const op of operations) {
    if (!op.pageable) continue;
    if (op.async) {
      bag.report('asyncPageable', op.at);
      continue;
    }
    const name = op.pageable.nextLinkName;
    const answer = successSchema(op);
    const root = answer?.ref !== undefined ? schemas.get(answer.ref) : answer;
    if (!root?.properties || !Object.hasOwn(root.properties, name)) {
      bag.report('pageWithoutNextLink', op.at, { name });
    }
  }
}
