/** Who is calling, as established once per request from the bearer token. */
export type Principal =
  | { role: 'anonymous' }
  | { role: 'customer'; customer: string }
  | { role: 'agent'; agent: string }
  | { role: 'service'; customer: string | null };

export const ANONYMOUS: Principal = { role: 'anonymous' };
