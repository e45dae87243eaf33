import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../src/cli/commands/show.js';
import { extractRequirements } from '../../src/extract/index.js';
import { parseFile } from '../../src/parse/index.js';
import { PROJECT } from '../shared.js';

describe('kblint show explains a level', () => {
  it('names the words that decided it, in the main clause', async () => {
    const doc = await parseFile(`${PROJECT}content/nl-nl/18113913.md`, 'content/nl-nl/18113913.md');
    const reqs = extractRequirements(doc, { locale: 'nl-NL', doc: '4b8dd930-4105-4e73-918c-12d2b05d5fb5' });
    const byId = (id: string) => describeRequirement(reqs.find((r) => r.id === id)!);
    expect(byId('4b8dd930/windows-update-gebruiken/privilege')).toContain("  must because: 'vereist' in the main clause\n");
    expect(byId('4b8dd930/de-rms-client-distribueren/install')).toContain("  must-not because: 'kan niet langer' in the main clause\n");
    expect(byId('4b8dd930/de-rms-client-distribueren/network')).toContain("  may because: 'geen … nodig' in the main clause\n");
    expect(byId('4b8dd930/de-rms-client-distribueren/activation-2')).not.toContain('because');
  });
});
