import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';

// AI agent configurations (MCP servers, Claude Code settings) hold keys in env blocks, headers and
// command-line arguments; every one of those places must be read, and references must stay quiet.
const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);

function ruleIdsIn(path: string, config: unknown): string[] {
  const text = `${JSON.stringify(config, null, 2)}\n`;
  return matcher
    .scanChunk({ origin: 'tree', path, text, startLine: 1 })
    .findings.map((f) => f.ruleId)
    .sort();
}

const KEY = ['Qm7vXk2pL9', 'sT4wR8zY1n', 'K3yH6cJ1'].join('');
const BEARER = ['Zn4tR6qLw2', 'pQm7vXk2pL', '9sT4'].join('');

describe('secrets in AI agent configurations', () => {
  it.each(['.mcp.json', '.cursor/mcp.json', '.windsurf/mcp.json'])('%s: env block, header and argument are each found', (path) => {
    const ids = ruleIdsIn(path, {
      mcpServers: {
        search: { command: 'npx', args: ['-y', '@acme/mcp-search', '--api-key', KEY] },
        db: { command: 'npx', env: { ACME_API_KEY: KEY.split('').reverse().join('') } },
        remote: { url: 'https://mcp.acme.test/sse', headers: { Authorization: `Bearer ${BEARER}` } },
      },
    });
    expect(ids).toEqual(['bearer-token.authorization-bearer', 'generic.secret-assignment', 'mcp.cli-argument']);
  });

  it('VS Code mcp.json and Claude Code settings: env values are found', () => {
    expect(ruleIdsIn('.vscode/mcp.json', { servers: { api: { type: 'stdio', env: { ACME_TOKEN: KEY } } } })).toEqual(['generic.secret-assignment']);
    expect(ruleIdsIn('.claude/settings.json', { env: { ACME_API_KEY: KEY } })).toEqual(['generic.secret-assignment']);
  });

  it('references (${VAR}, ${input:...}) are no findings', () => {
    const ids = ruleIdsIn('.vscode/mcp.json', {
      inputs: [{ id: 'acme-key', type: 'promptString', password: true }],
      servers: {
        search: { command: 'npx', args: ['--api-key', '${input:acme-key}'], env: { ACME_API_KEY: '${input:acme-key}' } },
        remote: { url: 'https://mcp.acme.test', headers: { Authorization: 'Bearer ${env:ACME_TOKEN}' } },
      },
    });
    expect(ids).toEqual([]);
  });
});
