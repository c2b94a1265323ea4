import type { Db } from './db';
import type { Section } from '../../../src-shared/model';

export class SectionRepository {
  private readonly all;
  constructor(db: Db) {
    this.all = db.prepare('SELECT slug, name FROM sections ORDER BY position, name');
  }
  list(): Section[] {
    return this.all.all() as Section[];
  }
}
