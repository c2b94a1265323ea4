import { describe, expect, it } from 'vitest';
import { diffBlocks, diffWords, MAX_WORD_DIFF_TOKENS, tokenize } from './wordDiff';

/** The parts as one string: [-deleted-]{+inserted+}. */
function show(parts: { kind: string; text: string }[]): string {
  return parts
    .map((p) => (p.kind === 'del' ? `[-${p.text}-]` : p.kind === 'ins' ? `{+${p.text}+}` : p.text))
    .join('');
}

describe('word diff', () => {
  it('splits German words, punctuation and white space', () => {
    expect(tokenize('Münster/LWL: Die Straße ist „gesperrt“.')).toEqual([
      'Münster',
      '/',
      'LWL',
      ':',
      ' ',
      'Die',
      ' ',
      'Straße',
      ' ',
      'ist',
      ' ',
      '„',
      'gesperrt',
      '“',
      '.',
    ]);
    expect(tokenize("Gibt's 2026")).toEqual(["Gibt's", ' ', '2026']);
  });

  it('marks an inserted word, a deleted word and a replaced word', () => {
    expect(show(diffWords('Der Rat tagt', 'Der Rat tagt heute'))).toBe('Der Rat tagt{+ heute+}');
    expect(show(diffWords('Der Rat tagt heute', 'Der Rat tagt'))).toBe('Der Rat tagt[- heute-]');
    expect(show(diffWords('Die Straße ist gesperrt.', 'Die Straßen sind gesperrt.'))).toBe(
      'Die [-Straße ist-]{+Straßen sind+} gesperrt.',
    );
  });

  it('changes only the punctuation when only punctuation changed', () => {
    expect(show(diffWords('Er kommt.', 'Er kommt!'))).toBe('Er kommt[-.-]{+!+}');
  });

  it('keeps umlauts and ß whole (no half-word matches on decomposed letters)', () => {
    expect(show(diffWords('Bürger fordern Maße', 'Burger fordern Masse'))).toBe(
      '[-Bürger-]{+Burger+} fordern [-Maße-]{+Masse+}',
    );
    // "ü" as u + combining diaeresis is one word, not "u" plus a mark.
    expect(tokenize('Bu\u0308rger')).toEqual(['Bu\u0308rger']);
  });

  it('returns equal texts as one unchanged part, and empty texts as nothing', () => {
    expect(diffWords('gleich', 'gleich')).toEqual([{ kind: 'same', text: 'gleich' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(show(diffWords('', 'neu'))).toBe('{+neu+}');
  });

  it('keeps every character: the unchanged and deleted parts give the old text, unchanged and inserted the new', () => {
    const before = 'Am Montag, 3. März, beschloss der Rat – nach langer Debatte – den Haushalt.';
    const after =
      'Am Dienstag, 4. März, beschloss der Kreistag nach kurzer Debatte den Haushalt 2027.';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'ins')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('shows an over-long block as deleted and inserted whole', () => {
    const long = 'wort '.repeat(MAX_WORD_DIFF_TOKENS);
    expect(diffWords(long, `${long}x`).map((p) => p.kind)).toEqual(['del', 'ins']);
  });
});

describe('block diff', () => {
  it('keeps unchanged blocks, shows added and removed blocks whole and compares changed ones by word', () => {
    const blocks = diffBlocks(['Eins.', 'Zwei.', 'Drei.'], ['Eins.', 'Zwei!', 'Drei.', 'Vier.']);
    expect(blocks.map((b) => b.kind)).toEqual(['same', 'changed', 'same', 'ins']);
    expect(show(blocks[1]!.parts)).toBe('Zwei[-.-]{+!+}');
    expect(diffBlocks(['A', 'B'], ['B']).map((b) => b.kind)).toEqual(['del', 'same']);
  });

  it('compares 1,000 paragraphs, word by word only where they changed', () => {
    const before = Array.from(
      { length: 1000 },
      (_, i) => `Absatz ${i}: Der Kreistag in Münster hat am Dienstag über den Haushalt beraten.`,
    );
    const after = before.map((p, i) => (i % 100 === 7 ? p.replace('Dienstag', 'Mittwoch') : p));
    after.splice(500, 0, 'Ein neuer Absatz.');
    const blocks = diffBlocks(before, after);
    expect(blocks.filter((b) => b.kind === 'changed')).toHaveLength(10);
    expect(blocks.filter((b) => b.kind === 'ins')).toHaveLength(1);
    expect(show(blocks.find((b) => b.kind === 'changed')!.parts)).toContain(
      '[-Dienstag-]{+Mittwoch+}',
    );
  });
});
