/**
 * The rights of a published image as an XMP packet embedded in its renditions, in the properties
 * the IPTC Photo Metadata Standard names: creator (dc:creator), credit line (photoshop:Credit),
 * copyright notice (dc:rights), source (photoshop:Source), usage terms (xmpRights:UsageTerms) and,
 * when the licence text names a web address, that address as the Web Statement of Rights
 * (xmpRights:WebStatement, the licence link search engines show). Nothing else of the original's
 * metadata is ever copied.
 *
 * The renditions are WebP, which has no place for IPTC-IIM (only EXIF and XMP chunks; ExifTool
 * refuses to write IIM into WebP), so XMP is the one IPTC serialization they carry.
 */
import { createHash } from 'node:crypto';
import { cleanText } from '../../src-shared/text/rule';
import { esc } from '../../src-shared/publish/format';
import { licenceUrl } from '../../src-shared/publish/rights';

export interface ImageRights {
  creator: string;
  credit: string;
  copyright: string;
  source: string;
  usageTerms: string;
}

const values = (r: ImageRights) => [r.creator, r.credit, r.copyright, r.source, r.usageTerms];
const hasAny = (r: ImageRights) => values(r).some((v) => v.trim() !== '');

/** Text fit for XML: the text rule (no controls, no lone surrogates), then escaped. */
const x = (value: string) => esc(cleanText(value.trim()));

const alt = (value: string) =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${x(value)}</rdf:li></rdf:Alt>`;

/** The XMP packet, or undefined when there is nothing to say. */
export function rightsXmp(r: ImageRights): string | undefined {
  if (!hasAny(r)) return undefined;
  const url = licenceUrl(r.usageTerms);
  const props = [
    r.creator.trim()
      ? `<dc:creator><rdf:Seq><rdf:li>${x(r.creator)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    r.copyright.trim() ? `<dc:rights>${alt(r.copyright)}</dc:rights>` : '',
    r.usageTerms.trim() ? `<xmpRights:UsageTerms>${alt(r.usageTerms)}</xmpRights:UsageTerms>` : '',
    url ? `<xmpRights:WebStatement>${x(url)}</xmpRights:WebStatement>` : '',
    r.credit.trim() ? `<photoshop:Credit>${x(r.credit)}</photoshop:Credit>` : '',
    r.source.trim() ? `<photoshop:Source>${x(r.source)}</photoshop:Source>` : '',
  ].join('');
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"' +
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    props +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  );
}

/** A short key of the rights, part of a rendition's cache name (a changed credit, a new file). */
export function rightsKey(r: ImageRights): string {
  if (!hasAny(r)) return 'none';
  return createHash('sha256')
    .update(JSON.stringify(values(r)))
    .digest('hex')
    .slice(0, 12);
}
