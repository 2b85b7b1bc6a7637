import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/**
 * Products without search terms (a database upgraded from before the search index) get them, `batch` products per
 * fire, without holding up the start; once every product has been looked at, a fire costs nothing until a restart.
 */
export const indexMissingSearchTermsJob = defineJob({
  name: 'index-missing-search-terms',
  schedule: '*/15 * * * * *',
  batch: 10_000,
  run: ({ shop }, batch) => shop.catalog.indexMissingSearchTerms(batch),
});
