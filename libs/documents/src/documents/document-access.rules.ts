import { Actor, actorHasRole, Role } from '@tel/core';
import { DocumentAccess } from './document.enums';

/**
 * Who may read and who may contribute to a document.
 * - Reading: anyone reads PUBLIC documents; any signed-in account also reads RESTRICTED ones
 *   (members only). A document a caller may not read does not exist for them: lists, counts,
 *   links and downloads leave it out, and asking for it answers NOT_FOUND like a missing one.
 * - Contributing (new revisions, files): the secretariat (and ADMIN) for any document; a DELEGATE
 *   or OVERSEER for a document their own economy submitted — economies revise their own papers,
 *   and the secretariat need not relay every file. Registering (which hands out numbers),
 *   withdrawing, linking and editing stay with the secretariat.
 */
export function readableAccess(actor: Actor | null): DocumentAccess[] {
  return actor ? [DocumentAccess.PUBLIC, DocumentAccess.RESTRICTED] : [DocumentAccess.PUBLIC];
}

export function canReadDocument(actor: Actor | null, doc: { access: DocumentAccess }): boolean {
  return readableAccess(actor).includes(doc.access);
}

export function isSecretariat(actor: Actor | null): boolean {
  return !!actor && actorHasRole(actor, Role.SECRETARIAT);
}

export function mayContribute(actor: Actor | null, doc: { submittedByEconomyId: string | null }): boolean {
  if (!actor) return false;
  if (isSecretariat(actor)) return true;
  const speaksForSubmitter = !!actor.economyId && actor.economyId === doc.submittedByEconomyId;
  return speaksForSubmitter && (actorHasRole(actor, Role.DELEGATE) || actorHasRole(actor, Role.OVERSEER));
}
