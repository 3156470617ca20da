/** Splits a stream into NUL-terminated tokens, keeping one partial token between pieces. */
export async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let pending = Buffer.alloc(0);
  for await (const data of stream) {
    const buffer = pending.length === 0 ? data : Buffer.concat([pending, data]);
    let start = 0;
    for (let at = buffer.indexOf(0); at !== -1; at = buffer.indexOf(0, start)) {
      yield buffer.subarray(start, at).toString('utf8');
      start = at + 1;
    }
    pending = Buffer.from(buffer.subarray(start));
  }
}
