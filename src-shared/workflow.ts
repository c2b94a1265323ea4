/**
 * The editorial workflow of Copydesk: statuses, transitions and who may do what.
 *
 * Pure rules shared by the server (the authority: it checks every mutation against them) and the
 * desktop app (which only uses them to hide what a user cannot do).
 *
 * ```
 * draft ──submit──▶ in_review ──approve──▶ approved ──publish──▶ published
 *   ▲                  │                      │                    │  ▲
 *   └─request_changes──┴──────────────────────┘        unpublish ──┘  └── correct (published → published)
 *                                              unpublished ──publish──▶ published (republish)
 * ```
 *
 * Roles:
 * - editor: creates articles; edits fields/body/tags of articles they wrote or are assigned to,
 *   only while the article is a draft (their own drafts and drafts returned to them); submits.
 *   Never approves, publishes, unpublishes or corrects.
 * - photo_editor: edits image metadata anywhere; article text like an editor (own/assigned drafts).
 * - desk_chief: everything an editor may on every article in any status, plus the transitions past
 *   review (approve, request_changes, publish, unpublish, correct) and assignment.
 * - admin: user management on the server; for editorial actions an admin has desk-chief rights.
 *
 * Read rule (what a pull returns): editors read the articles they wrote, the ones assigned to
 * them and everything published; photo editors, desk chiefs and admins read every article.
 */
import { ARTICLE_STATUSES, type ArticleStatus, type Role } from './model';

export const STATUSES = ARTICLE_STATUSES;
export type Status = ArticleStatus;

export const TRANSITION_NAMES = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'unpublish',
  'correct',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

export interface TransitionRule {
  name: TransitionName;
  from: readonly Status[];
  to: Status;
  /** Roles that may perform it (authorship is checked separately for editors). */
  roles: readonly Role[];
  /** Needs the network: the server performs it; a client must not queue it offline. */
  serverOnly: boolean;
  /** The publication checklist must be complete. */
  needsChecklist: boolean;
}

const CHIEFS: readonly Role[] = ['desk_chief', 'admin'];
const EVERYONE: readonly Role[] = ['editor', 'photo_editor', 'desk_chief', 'admin'];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    name: 'submit',
    from: ['draft'],
    to: 'in_review',
    roles: EVERYONE,
    serverOnly: false,
    needsChecklist: true,
  },
  {
    name: 'request_changes',
    from: ['in_review', 'approved'],
    to: 'draft',
    roles: CHIEFS,
    serverOnly: false,
    needsChecklist: false,
  },
  {
    name: 'approve',
    from: ['in_review'],
    to: 'approved',
    roles: CHIEFS,
    serverOnly: true,
    needsChecklist: true,
  },
  {
    name: 'publish',
    from: ['approved', 'unpublished'],
    to: 'published',
    roles: CHIEFS,
    serverOnly: true,
    needsChecklist: true,
  },
  {
    name: 'unpublish',
    from: ['published'],
    to: 'unpublished',
    roles: CHIEFS,
    serverOnly: true,
    needsChecklist: false,
  },
  {
    name: 'correct',
    from: ['published'],
    to: 'published',
    roles: CHIEFS,
    serverOnly: true,
    needsChecklist: true,
  },
];

/** The transition that leads from `from` to `to`, if any ((from, to) identifies it uniquely). */
export function findTransition(from: Status, to: Status): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

export function transitionsFrom(from: Status): TransitionRule[] {
  return TRANSITIONS.filter((t) => t.from.includes(from));
}

/** Who is acting, as the server authenticated them. */
export interface Actor {
  id: string;
  role: Role;
  /** The user name, where the caller knows it (the server does): suggestions must carry it. */
  username?: string;
}

/** The parts of an article the rules look at. */
export interface ArticleAccessInfo {
  authorId: string | null;
  assigneeId: string | null;
  status: Status;
  deletedAt: string | null;
}

export type Decision = { ok: true } | { ok: false; code: string; reason: string };

const OK: Decision = { ok: true };
const deny = (code: string, reason: string): Decision => ({ ok: false, code, reason });

export function isChief(role: Role): boolean {
  return role === 'desk_chief' || role === 'admin';
}

function isOwnerOrAssignee(a: ArticleAccessInfo, actor: Actor): boolean {
  return a.authorId === actor.id || a.assigneeId === actor.id;
}

/**
 * Read rule: desk chiefs, photo editors and admins read every article; editors read the articles
 * they wrote, the ones assigned to them, and everything currently published.
 */
export function mayReadArticle(a: ArticleAccessInfo, actor: Actor): boolean {
  if (actor.role !== 'editor') return true;
  return isOwnerOrAssignee(a, actor) || a.status === 'published';
}

/**
 * Review comments (and the notes of workflow transitions) are for the people working on the
 * article: its author, its assignee, desk chiefs and admins. Not for every reader of a published
 * article.
 */
export function mayReadComments(a: ArticleAccessInfo, actor: Actor): boolean {
  return isChief(actor.role) || isOwnerOrAssignee(a, actor);
}

/** May the actor change fields, body or tags of this article? */
export function mayEditArticle(a: ArticleAccessInfo, actor: Actor): Decision {
  if (a.deletedAt !== null) return deny('deleted', 'The article is deleted; restore it first.');
  if (isChief(actor.role)) return OK;
  if (!isOwnerOrAssignee(a, actor)) {
    return deny(
      'forbidden',
      'Only the author, the assignee or a desk chief may edit this article.',
    );
  }
  if (a.status !== 'draft') {
    return deny(
      'forbidden',
      `The article is ${a.status}; editors may edit drafts only (a desk chief can return it to draft).`,
    );
  }
  return OK;
}

/** May the actor run `transition` on this article (role, status and authorship; not the checklist)? */
export function mayTransition(a: ArticleAccessInfo, actor: Actor, rule: TransitionRule): Decision {
  if (a.deletedAt !== null) return deny('deleted', 'The article is deleted; restore it first.');
  if (!rule.roles.includes(actor.role)) {
    return deny(
      'forbidden',
      `Permission denied: the role ${actor.role} may not ${rule.name.replace('_', ' ')} articles; a desk chief must do it.`,
    );
  }
  if (!rule.from.includes(a.status)) {
    return deny('illegal_transition', `Cannot ${rule.name} an article that is ${a.status}.`);
  }
  if (!isChief(actor.role) && !isOwnerOrAssignee(a, actor)) {
    return deny(
      'forbidden',
      'Permission denied: only the author or the assignee may submit this article.',
    );
  }
  return OK;
}

/** Soft delete and restore: the author while the article is a draft, or a desk chief; never while published. */
export function mayDeleteArticle(a: Omit<ArticleAccessInfo, 'deletedAt'>, actor: Actor): Decision {
  if (a.status === 'published') {
    return deny('published', 'A published article must be unpublished before it is deleted.');
  }
  if (isChief(actor.role)) return OK;
  if (a.authorId === actor.id && a.status === 'draft') return OK;
  return deny(
    'forbidden',
    'Only the author (of a draft) or a desk chief may delete or restore it.',
  );
}

export function mayAssign(actor: Actor): Decision {
  return isChief(actor.role) ? OK : deny('forbidden', 'Only a desk chief may assign articles.');
}

/** Image metadata: photo editors, desk chiefs and admins anywhere; others the images they created. */
export function mayEditImage(image: { createdBy: string | null }, actor: Actor): Decision {
  if (actor.role !== 'editor') return OK;
  if (image.createdBy === actor.id) return OK;
  return deny(
    'forbidden',
    'Only a photo editor or the person who added the image may change its metadata.',
  );
}
