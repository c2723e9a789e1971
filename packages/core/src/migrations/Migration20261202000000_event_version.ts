import { Migration } from '@mikro-orm/migrations';

/** Events carry the payload schema version of their definition; rows before this were all 1.0.0. */
export class Migration20261202000000_event_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table outbox_event add column version text not null default '1.0.0';`);
  }
}
