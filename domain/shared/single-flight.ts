/**
 * Concurrent calls with the same key share one execution and its outcome; the next call after it settles runs
 * afresh. Used where a burst of identical work (ten copies of one notification at once) would otherwise queue
 * on the same row lock and hold a database connection each while waiting.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const current = this.flights.get(key);
    if (current) return current;
    const flight = work().finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }
}
