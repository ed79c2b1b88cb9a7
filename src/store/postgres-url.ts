// Telling a PostgreSQL URL from a file path, and showing it in messages without its password. Kept apart from
// postgres.ts so that choosing a backend never loads the pg driver.
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A database location as messages show it: a postgres:// URL without its password; a file path as it is. */
export function redactUrl(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
