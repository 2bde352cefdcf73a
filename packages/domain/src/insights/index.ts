export * from './insight-fact';
export * from './insights-summary';
export * from './justification-terms';
export * from './insights-read-model';
