/** A Storage in memory, for store tests in Node (no DOM). */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  /** When set, setItem throws as a full quota would. */
  refuse = false;

  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}
