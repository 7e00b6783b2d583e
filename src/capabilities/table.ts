import { CONTROLLER_NAMES, FEATURE_KINDS, FEATURES } from './features';
import { CAPABILITIES } from './matrix';

/**
 * The README's capability matrix, generated from CAPABILITIES (a test keeps the README equal
 * to it). ✅ supported (with a note), 🧪 supported with the Gateway API experimental channel, ❌ refused at synth with the reason.
 */
export function capabilityTable(): string {
  const header = `| Feature | ${CONTROLLER_NAMES.join(' | ')} |`;
  const rule = `|---|${CONTROLLER_NAMES.map(() => ':---:').join('|')}|`;
  const notes: string[] = [];
  const noteIndex = new Map<string, number>();
  const ref = (text: string) => {
    let n = noteIndex.get(text);
    if (n === undefined) {
      notes.push(text);
      n = notes.length;
      noteIndex.set(text, n);
    }
    return n;
  };
  const rows = FEATURE_KINDS.map(f => {
    const cells = CONTROLLER_NAMES.map(c => {
      const cell = CAPABILITIES[c][f];
      if (cell.supported) return cell.note ? `✅ [${ref(cell.note)}]` : '✅';
      if (cell.experimental !== undefined) return `🧪 [${ref(`${cell.experimental}: experimental channel only (\`experimentalChannel: true\`)`)}]`;
      return `❌ [${ref(cell.reason)}]`;
    });
    return `| ${FEATURES[f].title} (\`${FEATURES[f].prop}\`) | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows, '', ...notes.map((n, i) => `${i + 1}. ${n}`)].join('\n');
}
