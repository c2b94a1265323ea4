import type { Db } from './db';
import type { Section } from '../../../src-shared/model';
import { lazyStatements } from './statements';

export class SectionRepository {
  private readonly stmts;
  constructor(db: Db) {
    this.stmts = lazyStatements(db, {
      all: 'SELECT slug, name FROM sections ORDER BY position, name',
    });
  }
  list(): Section[] {
    return this.stmts.all.all() as Section[];
  }
}
