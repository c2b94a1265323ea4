/**
 * Browser mode serves any number of windows (tabs) from one desk core, which reports one open
 * article to the other desks. This keeps each window's open article and says which one the desk
 * reports: the one opened most recently among the windows still open. A window that closes takes
 * its article with it even if its last "closed the article" call never arrived (a page that is
 * torn down may not send it).
 */
export class WindowPresence {
  /** Window id → its open article; insertion order is the order the articles were opened. */
  private readonly open = new Map<string, string>();

  /** `windowId` opened `articleId` (null: it shows no article now). Returns what the desk reports. */
  set(windowId: string, articleId: string | null): string | null {
    this.open.delete(windowId);
    if (articleId !== null) this.open.set(windowId, articleId);
    return this.reported();
  }

  /** `windowId` closed. Returns what the desk reports now. */
  closed(windowId: string): string | null {
    this.open.delete(windowId);
    return this.reported();
  }

  reported(): string | null {
    let last: string | null = null;
    for (const articleId of this.open.values()) last = articleId;
    return last;
  }
}
