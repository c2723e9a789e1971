import type { HttpRoute } from '@gongzhi/plugin-sdk';
import { statsCsv } from './services/stats-csv';

/** GET /plugins/legal-advisors/service-stats.csv?node=<District, Street or Community id>&period=2026 */
export const legalRoutes: HttpRoute[] = [{ path: '/service-stats.csv', handle: statsCsv }];
