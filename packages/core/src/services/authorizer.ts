import type { Authorizer, ScopeNode } from '@gongzhi/plugin-sdk';

/**
 * Authorisation seam every service calls. Until accounts and roles land (identity
 * work), the gateway runs open like a development server; the identity layer
 * replaces this class and the call sites stay as they are.
 */
export class OpenAuthorizer implements Authorizer {
  async require(_permission: string, _node: ScopeNode): Promise<void> {
    return;
  }
}
