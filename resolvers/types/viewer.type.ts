import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ViewerRole } from '../../src/auth/viewerRole';
import type { AgentRow } from '../../src/erp/port';

registerEnumType(ViewerRole, { name: 'ViewerRole', description: "The token's role; ANONYMOUS without a token." });

@ObjectType({ description: 'A sales agent (ecom_agents).' })
export class Agent {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

export function toAgent(row: AgentRow): Agent {
  return { code: row.code, name: row.name, email: row.email };
}

@ObjectType({ description: 'Who is calling, and for whom.' })
export class Viewer {
  @Field(() => ViewerRole)
  role!: ViewerRole;
}
