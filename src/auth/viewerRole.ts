import type { Principal } from './principal';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const ViewerRole = { ANONYMOUS: 'ANONYMOUS', CUSTOMER: 'CUSTOMER', AGENT: 'AGENT', SERVICE: 'SERVICE' } as const;
export type ViewerRole = (typeof ViewerRole)[keyof typeof ViewerRole];

const ROLES: Record<Principal['role'], ViewerRole> = {
  anonymous: ViewerRole.ANONYMOUS,
  customer: ViewerRole.CUSTOMER,
  agent: ViewerRole.AGENT,
  service: ViewerRole.SERVICE,
};

export function viewerRoleOf(principal: Principal): ViewerRole {
  return ROLES[principal.role];
}
