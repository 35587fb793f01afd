// The source text of a plan, line by line, with the lines of the chosen task marked and
// scrolled into view.
import { useEffect, useMemo, useRef } from 'react';
import type { SourceRange } from '../../domain/plan/types';

export function SourceLines({ text, highlight }: { text: string; highlight: SourceRange | null }) {
  const lines = useMemo(() => text.split(/\r\n|\r|\n/), [text]);
  const box = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!highlight) return;
    box.current?.children[highlight.startLine]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlight]);
  return (
    <ol className="source-lines" ref={box} data-testid="import-source">
      {lines.map((line, i) => {
        const on = highlight !== null && i >= highlight.startLine && i <= highlight.endLine;
        return (
          <li key={i} className={on ? 'on' : undefined} data-line={i}>
            {line || '\u00a0'}
          </li>
        );
      })}
    </ol>
  );
}
