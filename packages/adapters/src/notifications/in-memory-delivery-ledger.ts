import type { ClaimOutcome, DeliveryKey, DeliveryLedger } from '@elevate/domain';
import { deliveryKeyOf } from './delivery-marker';

interface Marker {
  state: 'SENDING' | 'SENT';
  leaseUntil: number;
}

/** The ledger in process memory (tests); same rules as the DynamoDB one. */
export class InMemoryDeliveryLedger implements DeliveryLedger {
  readonly #markers = new Map<string, Marker>();
  readonly #leaseSeconds: number;

  constructor(options: { readonly leaseSeconds?: number } = {}) {
    this.#leaseSeconds = options.leaseSeconds ?? 120;
  }

  async claim(key: DeliveryKey, now: string): Promise<ClaimOutcome> {
    const id = deliveryKeyOf(key).SK + deliveryKeyOf(key).PK;
    const marker = this.#markers.get(id);
    const at = Date.parse(now);
    if (marker?.state === 'SENT') return 'done';
    if (marker !== undefined && marker.leaseUntil >= at) return 'busy';
    this.#markers.set(id, { state: 'SENDING', leaseUntil: at + this.#leaseSeconds * 1000 });
    return 'claimed';
  }

  async complete(key: DeliveryKey): Promise<void> {
    this.#markers.set(deliveryKeyOf(key).SK + deliveryKeyOf(key).PK, {
      state: 'SENT',
      leaseUntil: 0,
    });
  }

  async release(key: DeliveryKey): Promise<void> {
    const id = deliveryKeyOf(key).SK + deliveryKeyOf(key).PK;
    if (this.#markers.get(id)?.state === 'SENDING')
      this.#markers.set(id, { state: 'SENDING', leaseUntil: 0 });
  }

  /** How many deliveries completed (tests). */
  get completed(): number {
    return [...this.#markers.values()].filter((marker) => marker.state === 'SENT').length;
  }
}
