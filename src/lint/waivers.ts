import type { Waiver } from '../rollout/types.js';
import { Glob } from './glob.js';
import type { WaiverReport } from './types.js';

export class WaiverSet {
  private readonly entries: { waiver: Waiver; pattern: Glob; expired: boolean; matched: number }[];

  constructor(waivers: Waiver[], today: string) {
    this.entries = waivers.map((waiver) => ({ waiver, pattern: new Glob(waiver.target), expired: waiver.expires < today, matched: 0 }));
  }

  /** The active waiver for a (rule, target), counting matches of active and expired ones alike. */
  match(rule: string, target: string, group: string): Waiver | undefined {
    let active: Waiver | undefined;
    for (const e of this.entries) {
      if (e.waiver.rule !== rule && e.waiver.rule !== '*') continue;
      if (!e.pattern.matches(target) && !e.pattern.matches(group)) continue;
      e.matched++;
      if (!e.expired) active ??= e.waiver;
    }
    return active;
  }

  report(): WaiverReport[] {
    return this.entries.map(({ waiver, expired, matched }) => ({
      rule: waiver.rule,
      target: waiver.target,
      reason: waiver.reason,
      expires: waiver.expires,
      location: waiver.location,
      status: expired ? 'expired' : matched === 0 ? 'unmatched' : 'active',
      matched,
    }));
  }
}
