import path from 'node:path';
import { z } from 'zod';

/** Environment, parsed once. Every variable has a default that runs with nothing set. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  GUICHET_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  GUICHET_PUBLIC_URL: z.url().optional(),
  GUICHET_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'GUICHET_SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  GUICHET_MAIL_FROM: z.string().min(3).optional(),
  GUICHET_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'GUICHET_IMAP_URL must start with imap:// or imaps://')
    .optional(),
  GUICHET_SECRET: z.string().min(32, 'GUICHET_SECRET must have at least 32 characters').optional(),
  GUICHET_ADMIN_EMAIL: z.email().optional(),
  GUICHET_ADMIN_PASSWORD: z.string().min(10).optional(),
  GUICHET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUICHET_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  GUICHET_SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  GUICHET_PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  GUICHET_PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30000),
  GUICHET_JOB_POLL_MS: z.coerce.number().int().min(50).default(1000),
  GUICHET_WEB_DIR: z.string().optional(),
  GUICHET_WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
});

export type Role = 'web' | 'worker' | 'all';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  pgPoolMax: number;
  pgStatementTimeoutMs: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  imapUrl: string | undefined;
  secret: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: z.infer<typeof envSchema>['GUICHET_LOG_LEVEL'];
  trustProxy: boolean;
  jobPollMs: number;
  /** Directory holding the built staff app (index.html); absent in tests that need no UI. */
  webDir: string | undefined;
  /** HTTP server processes sharing the port (one per core uses the whole machine). */
  webProcesses: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.GUICHET_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqlitePath: path.join(dataDir, 'guichet.db'),
    sqliteSynchronous: e.GUICHET_SQLITE_SYNCHRONOUS,
    pgPoolMax: e.GUICHET_PG_POOL_MAX,
    pgStatementTimeoutMs: e.GUICHET_PG_STATEMENT_TIMEOUT_MS,
    publicUrl: (e.GUICHET_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.GUICHET_SMTP_URL,
    mailFrom: e.GUICHET_MAIL_FROM,
    imapUrl: e.GUICHET_IMAP_URL,
    secret: e.GUICHET_SECRET,
    adminEmail: e.GUICHET_ADMIN_EMAIL,
    adminPassword: e.GUICHET_ADMIN_PASSWORD,
    logLevel: e.GUICHET_LOG_LEVEL,
    trustProxy: e.GUICHET_TRUST_PROXY,
    jobPollMs: e.GUICHET_JOB_POLL_MS,
    webDir: e.GUICHET_WEB_DIR ? path.resolve(e.GUICHET_WEB_DIR) : undefined,
    webProcesses: e.GUICHET_WEB_PROCESSES,
  };
}
