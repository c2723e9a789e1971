import { Entity, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** Membership of a volunteer in a team. */
@Entity({ tableName: 'vb_team_member' })
export class TeamMember {
  @PrimaryKey({ type: 'uuid' }) teamId!: string;
  @PrimaryKey({ type: 'uuid' }) volunteerId!: string;
  @Property({ type: 'datetime', columnType: 'timestamptz' }) joinedAt!: Date;
}
