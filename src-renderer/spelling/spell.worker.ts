/**
 * The spelling checker, off the UI thread: Hunspell compiled to WebAssembly (hunspell-asm) with
 * the dictionary shipped in the app (dictionary-de, dictionary-en). No network: the dictionary
 * files are part of the build.
 */
import { loadModule } from 'hunspell-asm';
import deAff from '@dictionaries/de/index.aff?url&no-inline';
import deDic from '@dictionaries/de/index.dic?url&no-inline';
import enAff from '@dictionaries/en/index.aff?url&no-inline';
import enDic from '@dictionaries/en/index.dic?url&no-inline';
import { MAX_SUGGESTIONS, type SpellLanguage, SpellRequest, type SpellResponse } from './protocol';

const files: Record<SpellLanguage, { aff: string; dic: string }> = {
  de: { aff: deAff, dic: deDic },
  en: { aff: enAff, dic: enDic },
};

async function bytes(url: string): Promise<Uint8Array> {
  const res = await fetch(new URL(url, self.location.href));
  if (!res.ok) throw new Error(`dictionary ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function open(language: SpellLanguage) {
  const [factory, aff, dic] = await Promise.all([
    loadModule(),
    bytes(files[language].aff),
    bytes(files[language].dic),
  ]);
  return factory.create(
    factory.mountBuffer(aff, `${language}.aff`),
    factory.mountBuffer(dic, `${language}.dic`),
  );
}

type Checker = Awaited<ReturnType<typeof open>>;
let checker: Promise<Checker> | null = null;
/** Words only known because they were added (Hunspell cannot take an added word back). */
const added = new Set<string>();
/** Added words that were removed again: misspelled as before they were added. */
const removed = new Set<string>();

async function answer(request: SpellRequest): Promise<string[]> {
  if (request.type === 'open') {
    checker ??= open(request.language);
    await checker;
    return [];
  }
  if (!checker) throw new Error('spelling worker: no language opened');
  const spell = await checker;
  switch (request.type) {
    case 'check':
      return request.words.filter((w) => removed.has(w) || !spell.spell(w));
    case 'suggest':
      return spell.suggest(request.word).slice(0, MAX_SUGGESTIONS);
    case 'add':
      for (const w of request.words) {
        removed.delete(w);
        if (added.has(w) || spell.spell(w)) continue;
        added.add(w);
        spell.addWord(w);
      }
      return [];
    case 'remove':
      for (const w of request.words) if (added.has(w)) removed.add(w);
      return [];
  }
}

self.onmessage = async (event: MessageEvent<unknown>) => {
  const parsed = SpellRequest.safeParse(event.data);
  if (!parsed.success) return;
  let reply: SpellResponse;
  try {
    reply = { id: parsed.data.id, type: 'ok', words: await answer(parsed.data) };
  } catch (error) {
    reply = { id: parsed.data.id, type: 'error', message: String(error) };
  }
  self.postMessage(reply);
};
