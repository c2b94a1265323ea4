/**
 * A value (a zod schema) built on first use instead of when its module is evaluated.
 *
 * Building zod schemas is the largest piece of our own module evaluation when the renderer
 * starts (docs/performance.md, "Opening, fifth step"), and most of them are not needed before
 * the first article is on screen. `lazySchema(() => z.object(...))` returns a stand-in that
 * builds the schema the first time anything is asked of it (`parse`, `shape`, `extend`, its use
 * inside another schema, …) and from then on forwards every property to that one schema, so
 * callers, the core and the server use it exactly as the schema itself. Validation is the
 * same: nothing is skipped, only the moment the schema is made moves.
 *
 * The builder must not depend on mutable state: it runs once, whenever first needed.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_target, key, attributes) => Reflect.defineProperty(real(), key, attributes),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in's own (empty, extensible) target may only report configurable properties.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/**
 * A written-out list of a type's keys, checked by the compiler to name each key exactly once:
 * `allKeys<keyof Fields>()(['a', 'b'])` fails to compile when a key is missing or unknown.
 * (Repeats and order are checked by the tests that compare it with the schema's shape.)
 */
export function allKeys<K extends string>() {
  return <const L extends readonly K[]>(
    list: L & ([K] extends [L[number]] ? unknown : { missing: Exclude<K, L[number]> }),
  ): K[] => [...list];
}
