/** Namespace and `service` dimension of every Elevate metric (Powertools Metrics, EMF). */
export const ELEVATE_METRICS = { namespace: 'Elevate', service: 'elevate' } as const;
