/**
 * Deterministic synthetic German news prose: real vocabulary from the fixture article and the
 * desk's topics, plus generated compounds for a long tail, drawn with a Zipf distribution so
 * that common words are common and names are rare, as in real text.
 */
const BASE = `Die Stadt Münster und der Landschaftsverband Westfalen-Lippe wollen bei der Informationstechnik
künftig stärker zusammenarbeiten Das soll Synergieeffekte heben Eine Absichtserklärung zur Vertiefung ihrer
Zusammenarbeit im Bereich der IT haben die Stadt und der Verband unterzeichnet Träger der anstehenden
Kooperationsvorhaben werden die LWL.IT interner IT-Dienstleister sowie der IT-Dienstleister der Stadt citeq sein
Das geht aus einer gemeinsamen Pressemitteilung hervor Erster Landrat und Kämmerer Georg Lunemann begrüßte die
Kooperation Durch diesen Schritt wollen wir die Stärken miteinander verbinden Wir sind froh einen kompetenten
Partner gefunden zu haben Die Informationstechnologie des öffentlichen Bereichs steht vor großen Veränderungen
erklärte Wolfgang Heuer Stadtrat Während immer mehr Angebote digital bereitgestellt werden müssen steigen
gleichzeitig die Anforderungen an die ständige Verfügbarkeit und die Sicherheit Gemeinsam können Stadt und
Verband mehr für ihre Kunden erreichen Rathaus Bürgermeister Gemeinderat Haushalt Verwaltung Digitalisierung
Bürgerservice Onlinezugangsgesetz Rechenzentrum Cloud Datenschutz Ausschreibung Förderprogramm Landesregierung
Bundesministerium Kommune Kreis Landkreis Zweckverband Schulträger Breitband Glasfaser Verwaltungsportal
E-Akte Fachverfahren Personalrat Wirtschaftsförderung Ausschuss Sitzung Beschluss Antrag Fraktion Mehrheit
Opposition Millionen Euro Prozent Jahr Woche Monat Projekt Pilotprojekt Umsetzung Zeitplan Kosten Nutzen`;

const STEMS = [
  'Verwaltungs',
  'Bürger',
  'Daten',
  'Netz',
  'Stadt',
  'Landes',
  'Kreis',
  'Schul',
  'Verkehrs',
  'Energie',
  'Haushalts',
  'Sicherheits',
  'Bau',
  'Umwelt',
  'Personal',
  'Förder',
];
const TAILS = [
  'reform',
  'portal',
  'konzept',
  'strategie',
  'amt',
  'plan',
  'gesetz',
  'verfahren',
  'zentrum',
  'programm',
  'dienst',
  'rat',
  'bericht',
  'netz',
  'projekt',
  'politik',
];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an
werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber
vor zur bis mehr durch man sein wurde sei hatte kann gegen vom können schon wenn habe seine ihre dann unter wir
soll ich eines jahr zwei jahren diese dieser wieder keine seiner worden will zwischen immer millionen was sagte
gibt alle diesem seit muss wurden beim doch jetzt waren drei jahre neue neuen damit bereits da ab ihr ins sondern`;

/**
 * Ranked vocabulary: function words first, then topic words and compounds spread over the
 * middle ranks, then a long tail of generated names, so a topic word or a name is as rare as
 * it would be across 100,000 real articles.
 */
export function vocabulary(): string[] {
  const r = rng(7);
  const head = FUNCTION_WORDS.split(/\s+/).filter(Boolean);
  const topic = [...new Set(BASE.split(/\s+/).filter(Boolean))];
  for (const s of STEMS) for (const t of TAILS) topic.push(s + t);
  const syll = [
    'ber',
    'gen',
    'dorf',
    'hau',
    'sen',
    'mar',
    'lin',
    'kir',
    'wald',
    'feld',
    'ing',
    'ler',
    'bach',
    'heim',
    'stein',
    'ro',
    'ta',
    'ku',
    'mel',
    'nor',
  ];
  const tail: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let j = 0; j < n; j++) w += syll[Math.floor(r() * syll.length)]!;
    tail.push(w[0]!.toUpperCase() + w.slice(1));
  }
  // Topic words land at ranks between ~150 and ~10,000, most of them nearer the top.
  const words = [...head, ...tail];
  for (const w of topic) words.splice(head.length + 30 + Math.floor(r() ** 2 * 10_000), 0, w);
  return words;
}

export class ProseGenerator {
  private readonly words = vocabulary();
  private readonly cdf: number[];
  constructor(private readonly random: () => number) {
    const weights = this.words.map((_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    this.cdf = weights.map((w) => (acc += w / total));
  }
  word(): string {
    const x = this.random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
  sentence(): string {
    const n = 6 + Math.floor(this.random() * 14);
    const ws = Array.from({ length: n }, () => this.word());
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  }
  paragraphs(totalWords: number): string[] {
    const out: string[] = [];
    let count = 0;
    while (count < totalWords) {
      const sentences = 2 + Math.floor(this.random() * 4);
      const p = Array.from({ length: sentences }, () => this.sentence()).join(' ');
      count += p.split(' ').length;
      out.push(p);
    }
    return out;
  }
}
