import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';

export enum GrantLevel { PLATFORM = 'PLATFORM', DISTRICT = 'DISTRICT', STREET = 'STREET', COMMUNITY = 'COMMUNITY', GRID = 'GRID', ORGANIZATION = 'ORGANIZATION' }
registerEnumType(GrantLevel, { name: 'GrantLevel', description: '授权所在层级 / Level of the tree a role is granted at' });

@ObjectType({ description: '角色授权 / A role held at a node' })
export class RoleGrant {
  @Field(() => ID) id!: string;
  @Field() role!: string;
  @Field(() => GrantLevel) scopeLevel!: GrantLevel;
  @Field(() => ID, { nullable: true, description: '授权节点（区/街道/社区/网格/组织）的全局ID / The node granted at' }) scope!: string | null;
  @Field(() => GraphQLDateTimeISO) grantedAt!: Date;
}

@ObjectType({ description: '账号 / Account' })
export class Account {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => [RoleGrant]) grants!: RoleGrant[];
  @Field(() => [String], { description: '当前拥有的权限 / Permissions held somewhere' }) permissions!: string[];
  @Field(() => ID, { nullable: true, description: '本账号代表的居民（居民本人登录）/ The resident this account signs in as' }) residentId!: string | null;
}

@ObjectType({ description: '本次请求的数据库会话（诊断用）/ This request’s database session, for diagnostics' })
export class SessionScope {
  @Field({ description: '事务内的租户设置：* 或区ID列表 / Tenant setting inside the transaction' }) tenantSetting!: string;
  @Field({ description: '执行查询的数据库角色 / Database role running the queries' }) databaseRole!: string;
}

@ObjectType({ description: '登录会话 / Tokens of a session' })
export class AuthSession {
  @Field({ description: '访问令牌（Bearer）/ Access token' }) accessToken!: string;
  @Field(() => GraphQLDateTimeISO) accessTokenExpiresAt!: Date;
  @Field({ description: '刷新令牌，仅可使用一次 / Refresh token, single use' }) refreshToken!: string;
  @Field(() => GraphQLDateTimeISO) refreshTokenExpiresAt!: Date;
  @Field(() => Account) account!: Account;
}

@InputType({ description: '授予角色 / Grant a role' })
export class GrantRoleInput {
  @Field(() => ID) accountId!: string;
  @Field() role!: string;
  @Field(() => GrantLevel) level!: GrantLevel;
  @Field(() => ID, { nullable: true, description: '区/街道/社区/网格/组织的全局ID（平台级为空）/ The node; empty at PLATFORM level' }) scopeId?: string | null;
}

@InputType({ description: '新建账号 / New account' })
export class CreateAccountInput {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true }) password?: string | null;
  @Field(() => String, { nullable: true, description: '外部身份（签发方|sub）/ External identity issuer|sub' }) externalSubject?: string | null;
}

@ObjectType({ description: '审计日志条目 / Audit log entry' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLDateTimeISO) at!: Date;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) objectType!: string | null;
  @Field(() => String, { nullable: true }) objectId!: string | null;
  @Field() outcome!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) detail!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@InputType({ description: '审计日志筛选 / Audit log filter' })
export class AuditLogFilter {
  @Field(() => ID, { description: '区/县 / District' }) districtId!: string;
  @Field(() => String, { nullable: true, description: '动作前缀，如 login、role.、resident.reveal / Action prefix' }) actionPrefix?: string | null;
}
