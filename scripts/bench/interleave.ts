/** A named command to time. */
export interface TimedCommand<T> {
  name: string;
  run: () => T;
}

/**
 * Runs every command once per round. Even rounds go in list order and odd rounds in reverse (ABBA),
 * so neither side always runs first, right after the other has warmed the caches.
 */
export function interleave<T>(commands: ReadonlyArray<TimedCommand<T>>, rounds: number): Map<string, T[]> {
  const samples = new Map<string, T[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? commands : [...commands].reverse();
    for (const command of order) samples.get(command.name)?.push(command.run());
  }
  return samples;
}
