// The ```graphql examples of README.md, read at test time so a new example is picked up on its own,
// each with the ```json block right after it when there is one (its documented answer).
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';

export interface ReadmeExample {
  /** 1-based line of the opening fence. */
  line: number;
  source: string;
  operation: OperationDefinitionNode['operation'];
  /** The operation's name, or `line N` for an anonymous one. */
  name: string;
  /** The ```json block that follows with only prose between (no other fenced block), parsed. */
  answer?: unknown;
}

const README = new URL('../../README.md', import.meta.url);

export function readmeExamples(): ReadmeExample[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const blocks: Array<{ lang: string; line: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !/^```\s*$/.test(lines[i]!)) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, line: start + 1, text: body.join('\n') });
  }
  return blocks.flatMap((block, index) => {
    if (block.lang !== 'graphql') return [];
    const operation = parse(block.text).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!operation) return [];
    const next = blocks[index + 1];
    let answer: unknown;
    if (next?.lang === 'json') {
      try {
        answer = JSON.parse(next.text);
      } catch {
        answer = undefined; // an excerpt, not a whole answer
      }
    }
    return [{ line: block.line, source: block.text, operation: operation.operation, name: operation.name?.value ?? `line ${block.line}`, answer }];
  });
}
