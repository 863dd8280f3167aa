/**
 * What separates the items of a list parameter in one value, by its Swagger 2.0
 * `collectionFormat` (csv when none is given). `multi` has none: each item is a value of its own.
 */
export const COLLECTION_SEPARATORS: Readonly<Record<string, string>> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };
