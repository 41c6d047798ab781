import { EntityManager } from 'typeorm';
import { Document, DocumentAccess, parseSymbolQuery } from '@tel/documents';
import { Meeting } from '@tel/meetings';

/**
 * Documents the query names by symbol or part of one (`SPSG-006`, `2008/TELWG37/SPSG/6`,
 * `TEL37 SPSG 6`), among those the caller may read. Spaces count as separators here.
 */
export async function documentsNamedBy(em: EntityManager, query: string, readable: DocumentAccess[], limit = 5): Promise<Document[]> {
  const text = query.trim();
  if (!text || text.length > 200) return [];
  const parts = parseSymbolQuery(text);
  if (!parts || parts.number === undefined) return [];
  const qb = em.createQueryBuilder(Document, 'd').where('d.number = :number', { number: parts.number }).andWhere('d.access IN (:...readable)', { readable });
  if (parts.code) qb.andWhere('d.code = :code', { code: parts.code.toUpperCase() });
  if (parts.year) qb.andWhere('d.year = :year', { year: parts.year });
  if (parts.meeting) {
    const code = parts.meeting.toUpperCase().replace(/^TELWG(\d+)$/, 'TEL$1');
    qb.innerJoin(Meeting, 'm', 'm.id = d.meetingId AND m.code = :meeting', { meeting: code });
  }
  // A symbol names one document; a bare "CODE-NNN" may name one per meeting: newest first.
  return qb.orderBy('d.year', 'DESC').addOrderBy('d.symbol', 'ASC').take(limit).getMany();
}
