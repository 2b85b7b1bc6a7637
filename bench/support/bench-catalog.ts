// The catalog context over a bench database, wired as the shop wires it, for timing its searches in the bench process.
import { STRICT_WEBHOOK_URL_RULES, catalogContext } from '../../domain/catalog';
import { systemClock } from '../../domain/shared/clock';
import { DEFAULT_LIMITS } from '../../domain/shared/limits';
import { TempImportFiles } from '../../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../../infrastructure/fulfilment/webhook-target-guard';
import { randomIds } from '../../infrastructure/ids/random-ids';
import { Persistence } from '../../infrastructure/persistence/create-persistence';

export const benchCatalog = (persistence: Persistence) =>
  catalogContext({
    uow: persistence.uow,
    clock: systemClock,
    ids: randomIds,
    limits: DEFAULT_LIMITS,
    importFiles: new TempImportFiles(),
    webhookTargets: { rules: STRICT_WEBHOOK_URL_RULES, resolver: dnsWebhookHostResolver },
  });
