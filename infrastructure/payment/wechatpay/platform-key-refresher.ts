import { ProviderError } from '../../../domain/payment';
import { Result } from '../../../domain/shared/result';
import { PlatformCertificate, readPlatformCertificate } from './platform-certificates';
import { PlatformKeyRing } from './platform-key-ring';

/** The platform certificates every instance has learned, in the shared database: one download serves them all. */
export interface PlatformCertificateStore {
  load(): Promise<Array<{ serial: string; pem: string }>>;
  /** Inserts new serials; a serial already stored is left as it is (the same certificate). */
  save(certificates: ReadonlyArray<PlatformCertificate>): Promise<void>;
}

export interface RefreshReport {
  /** Serials this instance trusts now that it did not before. */
  learned: string[];
  /** Whether WeChat was asked (false: the store had what was needed, or a download was too recent). */
  downloaded: boolean;
}

export interface PlatformKeyRefresherDeps {
  ring: PlatformKeyRing;
  store: PlatformCertificateStore;
  download: () => Promise<Result<PlatformCertificate[], ProviderError>>;
  now: () => Date;
  log: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  /** Unknown serials trigger a download at most this often (a forger could send any serial). Default 30 s. */
  minDownloadIntervalMs?: number;
  /** …and a look at the store at most this often, so a flood of forged serials costs no query each. Default 2 s. */
  minStoreReadIntervalMs?: number;
}

/**
 * Keeps the platform key ring in step with WeChat's certificate rotation, across instances: on a schedule and when
 * something arrives signed by an unknown serial, it first reads what another instance stored, and only then asks
 * WeChat. Old and new certificates are both trusted during the overlap; each until it expires.
 */
export class PlatformKeyRefresher {
  private inFlight: Promise<RefreshReport> | null = null;
  private lastTriggeredDownloadAt = -Infinity;
  private lastTriggeredAt = -Infinity;
  private readonly minDownloadIntervalMs: number;
  private readonly minStoreReadIntervalMs: number;

  constructor(private readonly deps: PlatformKeyRefresherDeps) {
    this.minDownloadIntervalMs = deps.minDownloadIntervalMs ?? 30_000;
    this.minStoreReadIntervalMs = deps.minStoreReadIntervalMs ?? 2_000;
  }

  /** The scheduled refresh: always asks WeChat (the list also tells of a rotation announced ahead of use). */
  refresh(): Promise<RefreshReport> {
    return this.once(() => this.run({ download: 'always' }));
  }

  /** At start: what the other instances learned, without a call to WeChat. */
  loadStored(): Promise<RefreshReport> {
    return this.once(() => this.run({ download: 'never' }));
  }

  /** Fire and forget, from a verifier: a failure is logged, never thrown into the request that noticed. */
  onUnknownSerial(serial: string): void {
    if (this.deps.ring.get(serial)) return;
    const now = this.deps.now().getTime();
    if (now - this.lastTriggeredAt < this.minStoreReadIntervalMs) return;
    this.lastTriggeredAt = now;
    void this.once(() => this.run({ download: 'if-still-unknown', serial })).catch((e: unknown) =>
      this.deps.log('warn', 'platform certificates: refresh after an unknown serial failed', { serial, err: e instanceof Error ? e.message : String(e) }),
    );
  }

  private once(work: () => Promise<RefreshReport>): Promise<RefreshReport> {
    if (this.inFlight) return this.inFlight;
    const flight = work().finally(() => {
      if (this.inFlight === flight) this.inFlight = null;
    });
    this.inFlight = flight;
    return flight;
  }

  private async run(mode: { download: 'always' | 'never' } | { download: 'if-still-unknown'; serial: string }): Promise<RefreshReport> {
    const learned = this.learnStored(await this.deps.store.load());
    const wanted = mode.download === 'always' || (mode.download === 'if-still-unknown' && this.deps.ring.get(mode.serial) === undefined);
    if (!wanted) return { learned, downloaded: false };
    // Only downloads set off by a serial are paced: anyone can send a notification with a made-up one.
    if (mode.download === 'if-still-unknown') {
      const now = this.deps.now().getTime();
      if (now - this.lastTriggeredDownloadAt < this.minDownloadIntervalMs) return { learned, downloaded: false };
      this.lastTriggeredDownloadAt = now;
    }
    const downloaded = await this.deps.download();
    if (!downloaded.ok) {
      this.deps.log('warn', 'platform certificates: download failed; the keys already trusted stay', {
        code: downloaded.error.code,
        err: downloaded.error.message,
      });
      return { learned, downloaded: true };
    }
    // Stored before trusted here, so an instance that restarts a moment later still has what this one learned.
    await this.deps.store.save(downloaded.value);
    const fresh = this.deps.ring.learn(downloaded.value);
    if (fresh.length > 0) this.deps.log('info', 'platform certificates: new WeChat Pay platform keys trusted', { serials: fresh });
    return { learned: [...learned, ...fresh], downloaded: true };
  }

  private learnStored(rows: Array<{ serial: string; pem: string }>): string[] {
    const now = this.deps.now();
    const certificates: PlatformCertificate[] = [];
    for (const row of rows) {
      const cert = readPlatformCertificate(row.serial, row.pem, now);
      if (cert.ok) certificates.push(cert.value);
    }
    const fresh = this.deps.ring.learn(certificates);
    if (fresh.length > 0) this.deps.log('info', 'platform certificates: keys learned by another instance trusted', { serials: fresh });
    return fresh;
  }
}
