/** A store problem a person must act on; the message names the file and the way out. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** The way out of a damaged store, named in every message about one. */
export const DAMAGED_WAY_OUT =
  'Stop the gateway and restore a backup (npm run restore -- <backup-file>), ' +
  'or start it with --fresh-store (QUEUEBOARD_FRESH_STORE=1) to move the file aside and begin an empty store.';

/** The file exists but is not a whole SQLite database: empty, truncated, or with damaged pages. */
export class DamagedStoreError extends StoreError {
  override name = 'DamagedStoreError';
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The database ${file} is damaged (${detail}); it was left untouched. ${DAMAGED_WAY_OUT}`);
  }
}
