import { Entity, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** A resident recorded as attending a legal-education session. */
@Entity({ tableName: 'la_education_attendee' })
export class LegalEducationAttendee {
  @Property({ type: 'uuid' }) districtId!: string;
  @PrimaryKey({ type: 'uuid' }) sessionId!: string;
  @PrimaryKey({ type: 'uuid' }) residentId!: string;
}
