// What `docker compose config` and a reviewer would check, without a Docker engine: the compose file, the
// Dockerfile and the monitoring files read as the deploy expects them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  profiles?: string[];
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number | string };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  volumes?: string[];
  healthcheck?: { disable?: boolean; test?: unknown };
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has the services of the topology, the optional ones behind their profiles', () => {
    expect(Object.keys(services).sort()).toEqual(['bot', 'grafana', 'migrate', 'mysql', 'prometheus', 'redis', 'sandbox', 'shop']);
    const defaults = Object.entries(services)
      .filter(([, s]) => !s.profiles)
      .map(([name]) => name);
    expect(defaults.sort()).toEqual(['bot', 'migrate', 'mysql', 'redis', 'shop']);
    expect(services.sandbox?.profiles).toEqual(['demo']);
    expect(services.prometheus?.profiles).toEqual(['monitoring']);
    expect(services.grafana?.profiles).toEqual(['monitoring']);
  });

  it('builds the image once and runs it everywhere else without pulling or rebuilding', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name]) => name)).toEqual(['migrate']);
    const image = services.migrate?.image;
    for (const name of ['shop', 'bot', 'sandbox']) {
      expect(services[name]?.image).toBe(image);
      expect(services[name]?.pull_policy).toBe('never');
    }
    // No bind mount of the source tree (the old file built into one shared folder).
    for (const [name, s] of Object.entries(services)) for (const v of s.volumes ?? []) expect(`${name}: ${v}`).not.toMatch(/^\w+: \.:/);
  });

  it('runs N shop replicas with api and jobs, and exactly one bot process', () => {
    expect(services.shop?.environment?.TILLBOT_ROLES).toBe('api,jobs');
    expect(String(services.shop?.deploy?.replicas)).toMatch(/SHOP_REPLICAS/);
    expect(services.bot?.environment?.TILLBOT_ROLES).toBe('bot');
    expect(services.bot?.deploy?.replicas).toBe(1);
    // Replicas share Redis (job fires taken once) and one MySQL; generated secrets would differ per container.
    for (const name of ['shop', 'bot', 'migrate']) {
      const env = services[name]?.environment ?? {};
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.DATABASE_URL).toMatch(/^mysql:\/\/.+@mysql:3306\/tillbot$/);
      expect(env.ADMIN_API_KEY).toBeTruthy();
      expect(env.WEBHOOK_SIGNING_SECRET).toBeTruthy();
    }
    expect(services.shop?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.shop?.depends_on?.sandbox).toEqual({ condition: 'service_healthy', required: false });
  });

  it('the demo sandbox writes the merchant settings the shops source', () => {
    const command = [services.sandbox?.command ?? []].flat().join(' ');
    expect(command).toContain('dist/infrastructure/payment/sandbox/shop-env.js /sandbox http://sandbox:8090 http://shop:3000');
    expect(command).toContain('dist/infrastructure/payment/sandbox/standalone.js');
    expect(services.shop?.entrypoint?.join(' ')).toContain('. /sandbox/shop.env');
    expect(services.shop?.volumes).toContain('sandbox-keys:/sandbox:ro');
    expect(Object.keys(compose.volumes)).toContain('sandbox-keys');
  });

  it('mounts monitoring files that exist, and Grafana is provisioned with the dashboard', () => {
    for (const name of ['prometheus', 'grafana']) {
      for (const volume of services[name]?.volumes ?? []) {
        const host = volume.split(':')[0] ?? '';
        if (host.startsWith('./')) expect(existsSync(join(root, host))).toBe(true);
      }
    }
    const prometheus = parse(read('docs/prometheus/prometheus.yml')) as {
      scrape_configs: Array<{ metrics_path: string; dns_sd_configs: Array<{ names: string[]; port: number }> }>;
    };
    const job = prometheus.scrape_configs[0];
    expect(job?.metrics_path).toBe('/metrics');
    expect(job?.dns_sd_configs[0]).toMatchObject({ names: ['shop'], port: 3000 });
    const provider = parse(read('docs/grafana/provisioning/dashboards/tillbot.yml')) as { providers: Array<{ options: { path: string } }> };
    expect(services.grafana?.volumes).toContain(`./docs/grafana/dashboards:${provider.providers[0]?.options.path}:ro`);
    const dashboard = JSON.parse(read('docs/grafana/dashboards/tillbot.json')) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
    expect(dashboard.panels.flatMap((p) => p.targets ?? []).length).toBeGreaterThan(10);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split('\n').filter((l) => /^FROM /.test(l));

  it('is multi-stage, and the runtime stage has production dependencies only', () => {
    expect(stages).toHaveLength(2);
    expect(dockerfile).toMatch(/npm ci\b/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    const runtime = dockerfile.slice(dockerfile.indexOf(stages[1] ?? ''));
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).toMatch(/NODE_ENV=production/);
  });

  it('runs as a non-root user with a health check', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf(stages[1] ?? ''));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main.js"\]$/m);
  });

  it('copies every runtime static file next to the compiled module that serves it', () => {
    expect(dockerfile).toContain('cp -r infrastructure/telegram/local-chat/public dist/infrastructure/telegram/local-chat/public');
    // Any other non-TypeScript file under the runtime folders would need the same: there is none today.
    const files = execFileSync('git', ['ls-files', 'domain', 'infrastructure', 'api', 'bot', 'jobs'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !f.endsWith('.ts') && !f.endsWith('.md'));
    expect(files.every((f) => f.startsWith('infrastructure/telegram/local-chat/public/'))).toBe(true);
  });

  it('leaves secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'data', 'node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });
});
