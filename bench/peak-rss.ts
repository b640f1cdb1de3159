/**
 * This process's peak resident memory, in kilobytes. On Linux it is `VmHWM` of
 * /proc/self/status, which belongs to this program's own memory image:
 * `process.resourceUsage().maxRSS` there also holds the parent's peak from before the exec
 * (Linux keeps it across fork and exec), so a child of a 500 MB parent reports 500 MB. Other
 * systems fall back to maxRSS.
 */
import { readFileSync } from 'node:fs';

export function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS;
}
