import { parseMarks } from '../../search/marks';

/** A server snippet: its <mark>s as marks, everything else as text (never as HTML). */
export function Marked({ snippet }: { snippet: string }) {
  return <>{parseMarks(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
