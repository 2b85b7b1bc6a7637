import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isObject } from '../wechatpay/json-shape';
import { SandboxNotification, SandboxRefund, SandboxTrade } from './sandbox-records';

export interface SandboxState {
  trades: SandboxTrade[];
  refunds: SandboxRefund[];
  notifications: SandboxNotification[];
}

export const emptyState = (): SandboxState => ({ trades: [], refunds: [], notifications: [] });

/** Reads the state a previous run left; a missing file is a fresh start, a damaged one is an error to fix. */
export function loadStateFile(file: string): SandboxState {
  if (!existsSync(file)) return emptyState();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`sandbox state file ${file} is not valid JSON (${(e as Error).message}); fix or delete it`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.trades) || !Array.isArray(parsed.refunds)) {
    throw new Error(`sandbox state file ${file} does not hold {trades, refunds}; fix or delete it`);
  }
  // The file is ours, written by saveStateFile below; its records are trusted to have our shape.
  return {
    trades: parsed.trades as SandboxTrade[],
    refunds: parsed.refunds as SandboxRefund[],
    notifications: Array.isArray(parsed.notifications) ? (parsed.notifications as SandboxNotification[]) : [],
  };
}

/** Write-then-rename, so a crash mid-write leaves the previous state rather than half a file. */
export function saveStateFile(file: string, state: SandboxState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, file);
}
