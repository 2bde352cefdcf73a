import type { AccessRequest, InsightFact, InsightsReadModel, SessionRecord } from '@elevate/domain';
import { insightDayOf, insightFactOf } from '@elevate/domain';
import { daysBetween } from './insight-fact-item';

/** The same rules as the DynamoDB read model, in memory (API tests, the contract suite). */
export class InMemoryInsightsReadModel implements InsightsReadModel {
  readonly #facts = new Map<string, InsightFact>();

  async record(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<void> {
    await this.recordFact(insightFactOf(request, sessions));
  }

  async recordFact(fact: InsightFact): Promise<boolean> {
    const stored = this.#facts.get(fact.requestId);
    if (stored !== undefined && stored.revision >= fact.revision) return false;
    this.#facts.set(fact.requestId, fact);
    return true;
  }

  async factsOfDays(
    fromDay: string,
    toDay: string,
    accountId?: string,
  ): Promise<{ facts: InsightFact[]; itemsRead: number }> {
    const days = new Set(daysBetween(fromDay, toDay));
    const facts = [...this.#facts.values()].filter(
      (fact) =>
        days.has(insightDayOf(fact)) && (accountId === undefined || fact.accountId === accountId),
    );
    return {
      facts,
      itemsRead: new Set(facts.map((fact) => `${insightDayOf(fact)}#${fact.accountId}`)).size,
    };
  }
}
