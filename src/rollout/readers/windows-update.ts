import type { PolEntry } from './registry-pol.js';

/** Windows Update policy from a Registry.pol (`…\Windows\WindowsUpdate` and `…\WindowsUpdate\AU`). */
export interface WindowsUpdatePolicy {
  wuServer?: string;
  wuStatusServer?: string;
  /** `ElevateNonAdmins` = 1: users who are not administrators may install updates. */
  elevateNonAdmins?: boolean;
  noAutoUpdate?: boolean;
  /** `AUOptions`: 2 notify, 3 download and notify, 4 scheduled install, 5 local admin chooses. */
  auOptions?: number;
  useWuServer?: boolean;
  entries: PolEntry[];
}

const WU = /^software\\policies\\microsoft\\windows\\windowsupdate(\\au)?$/i;

export function windowsUpdatePolicy(entries: PolEntry[]): WindowsUpdatePolicy | undefined {
  const policy: WindowsUpdatePolicy = { entries: [] };
  for (const e of entries) {
    const m = WU.exec(e.key);
    if (!m || e.value.startsWith('**')) continue;
    policy.entries.push(e);
    const name = e.value.toLowerCase();
    const num = typeof e.data === 'number' ? e.data : undefined;
    const str = typeof e.data === 'string' ? e.data : undefined;
    if (!m[1]) {
      if (name === 'wuserver' && str !== undefined) policy.wuServer = str;
      if (name === 'wustatusserver' && str !== undefined) policy.wuStatusServer = str;
      if (name === 'elevatenonadmins' && num !== undefined) policy.elevateNonAdmins = num === 1;
    } else {
      if (name === 'noautoupdate' && num !== undefined) policy.noAutoUpdate = num === 1;
      if (name === 'auoptions' && num !== undefined) policy.auOptions = num;
      if (name === 'usewuserver' && num !== undefined) policy.useWuServer = num === 1;
    }
  }
  return policy.entries.length ? policy : undefined;
}
