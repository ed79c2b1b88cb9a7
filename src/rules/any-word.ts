// A search for any of a list of literal words, read as character codes: the alternation regexes of the cue and
// source lists cost a forty-way attempt at every position of every cell; here a position costs one table read, and
// only a word's first character a look-up. Same answers as new RegExp(words escaped and joined by |).test(text).

export class AnyWord {
  /** The words by their first character code. */
  private readonly byFirst = new Map<number, string[]>();
  /** 1 at the code of a character some word starts with: most characters are passed without the map. */
  private readonly starts = new Uint8Array(0x10000);
  /** An empty word is found in every text (as an empty alternative matches anywhere). */
  private readonly matchesAll: boolean;

  constructor(words: readonly string[]) {
    this.matchesAll = words.includes("");
    for (const word of words) {
      if (word === "") continue;
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      const list = this.byFirst.get(first);
      if (list) list.push(word);
      else this.byFirst.set(first, [word]);
    }
  }

  /** Some word occurs in the text. */
  test(text: string): boolean {
    if (this.matchesAll) return true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.starts[code] === 0) continue;
      const words = this.byFirst.get(code)!;
      for (let w = 0; w < words.length; w++) if (text.startsWith(words[w], i)) return true;
    }
    return false;
  }
}
