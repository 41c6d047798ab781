const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a UUID (entity ids are UUIDs; anything else is looked up by code). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
