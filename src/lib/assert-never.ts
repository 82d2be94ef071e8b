/**
 * Exhaustiveness check for `switch` over a discriminated union: a new member that a switch
 * forgets is a type error there. Neutral (imports nothing), so every layer may use it.
 *
 * @example
 * switch (event.type) { case 'a': return; case 'b': return; default: assertNever(event); }
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
