import { describe, expect, it } from 'vitest';
import { formatCommand, type CommitCommand, type FastImportCommand } from '../../../../scripts/bench/fast-import-stream.js';
import type { HistoryPlant } from '../../../../scripts/bench/history/history-plants.js';
import { planHistory, type HistoryOptions } from '../../../../scripts/bench/history/plan-history.js';

const options: HistoryOptions = { seed: 5, commitCount: 200, totalBytes: 3_000_000, plantedCount: 8 };

function run(o: HistoryOptions): { commands: FastImportCommand[]; plants: HistoryPlant[] } {
  const generator = planHistory(o);
  const commands: FastImportCommand[] = [];
  let step = generator.next();
  for (; step.done !== true; step = generator.next()) commands.push(step.value);
  return { commands, plants: step.value };
}

const { commands, plants } = run(options);
const commits = commands.filter((c): c is CommitCommand => c.type === 'commit');
const contentAt = (mark: number, path: string): string | undefined => {
  const change = commits.find((c) => c.mark === mark)?.changes.find((c) => c.path === path);
  return change?.kind === 'modify' ? change.content : undefined;
};

describe('planHistory', () => {
  it('is deterministic for a seed', () => {
    const text = commands.map(formatCommand).join('');
    expect(run(options).commands.map(formatCommand).join('')).toBe(text);
    expect(
      run({ ...options, seed: 6 })
        .commands.map(formatCommand)
        .join(''),
    ).not.toBe(text);
  });

  it('has the commits asked for, in mark order, with increasing times, branches, merges, tags and refs', () => {
    expect(commits.map((c) => c.mark)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(commits.every((c, i) => i === 0 || c.author.time > (commits[i - 1]?.author.time ?? 0))).toBe(true);
    expect(new Set(commits.map((c) => c.ref)).size).toBe(4);
    expect(commits.filter((c) => c.merge !== undefined)).toHaveLength(2);
    expect(commands.filter((c) => c.type === 'tag').map((c) => c.type === 'tag' && c.name)).toEqual(['v0.1.0', 'v0.2.0', 'v0.3.0', 'v1.0.0']);
    expect(commands.filter((c) => c.type === 'reset')).toHaveLength(2);
  });

  it('writes about the total size asked for', () => {
    const bytes = commits
      .filter((c) => c.merge === undefined)
      .flatMap((c) => c.changes)
      .reduce((sum, c) => sum + (c.kind === 'modify' ? c.content.length : 0), 0);
    expect(bytes).toBeGreaterThan(0.8 * options.totalBytes);
    expect(bytes).toBeLessThan(1.3 * options.totalBytes);
  });

  it('plants every secret even in a short history, where side branches live for a few commits', () => {
    for (const seed of [1, 2, 3, 4]) expect(run({ ...options, seed, commitCount: 120, totalBytes: 500_000 }).plants).toHaveLength(8);
  });

  it('plants each secret at the reported line of the commit that adds it, and removes it later', () => {
    expect(plants).toHaveLength(8);
    expect(plants.some((p) => p.ref !== 'refs/heads/main' && p.removedMark !== undefined)).toBe(true);
    expect(plants.filter((p) => p.removedMark === undefined).map((p) => p.ref)).toEqual(['refs/heads/experiment/legacy-sync']);
    for (const plant of plants) {
      const lines = (contentAt(plant.mark, plant.path) ?? '').split('\n');
      const secret = lines.slice(plant.line - 1, plant.line - 1 + plant.lineCount).join('\n');
      expect(secret).toMatch(/AWS_ACCESS_KEY_ID=|aws_secret_access_key|Stripe\(|slackToken|GITHUB_TOKEN=|-----BEGIN [\s\S]*-----END|DATABASE_URL=|Bearer eyJ/);
      if (plant.removedMark === undefined) continue;
      expect(plant.removedMark).toBeGreaterThan(plant.mark);
      expect(contentAt(plant.removedMark, plant.path)).not.toContain(lines[plant.line - 1]);
    }
  });
});
