/* bb-store-migrations.c - the schema of the log, one step per version
 *
 * PRAGMA user_version is the number of steps applied.  A step is never
 * changed once released: a new schema is a new step at the end of the
 * list, which moves every older log forward, in order, each step in its
 * own transaction.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-store-private.h"

#include <glib/gi18n-lib.h>

/* Version 1: the log.
 *
 * messages: the raw bytes of every logged message, so that a better
 *   engine can analyse them again; deflated (zlib) when that is smaller
 *   (encoding 1), as is otherwise (encoding 0).
 * entries: one per failed recipient of a message.  (msg_sha256, address)
 *   is the entry's key: the same bounce dropped twice, or arriving from a
 *   colleague's CSV export, is one entry.  message_id is NULL for entries
 *   imported from CSV, which carries no raw message.  Texts of the
 *   diagnosis are stored as the engine gave them; state, note and tags
 *   are the rep's.
 * tags, entry_tags: many-to-many. */
static const char migration_1[] =
    "CREATE TABLE messages ("
    "  id INTEGER PRIMARY KEY,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  raw BLOB NOT NULL,"
    "  raw_size INTEGER NOT NULL,"
    "  encoding INTEGER NOT NULL DEFAULT 0,"
    "  source TEXT,"
    "  added_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE entries ("
    "  id INTEGER PRIMARY KEY,"
    "  message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,"
    "  msg_sha256 TEXT NOT NULL,"
    "  address TEXT NOT NULL,"
    "  domain TEXT NOT NULL,"
    "  status TEXT,"
    "  reply_code TEXT,"
    "  reason TEXT,"
    "  category TEXT NOT NULL,"
    "  urgency TEXT,"
    "  side TEXT,"
    "  hard_bounce INTEGER NOT NULL DEFAULT 0,"
    "  provider_id TEXT,"
    "  provider_code TEXT,"
    "  diagnostic TEXT,"
    "  evidence TEXT,"
    "  subject TEXT,"
    "  orig_date TEXT,"
    "  orig_message_id TEXT,"
    "  orig_from TEXT,"
    "  orig_to TEXT,"
    "  bounced_at INTEGER NOT NULL,"
    "  source TEXT,"
    "  kind TEXT NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'new'"
    "    CHECK (state IN ('new', 'to_verify', 'resent', 'resolved', 'dead')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  created_at INTEGER NOT NULL,"
    "  UNIQUE (msg_sha256, address)"
    ");"
    "CREATE TABLE tags ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE"
    ");"
    "CREATE TABLE entry_tags ("
    "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (entry_id, tag_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX entries_bounced_at ON entries (bounced_at);"
    "CREATE INDEX entries_state ON entries (state, bounced_at);"
    "CREATE INDEX entries_message ON entries (message_id);"
    "CREATE INDEX entry_tags_tag ON entry_tags (tag_id, entry_id);";

/* Version 2: full-text search and the time of the last change.
 *
 * entries_fts indexes address, domain, subject, diagnostic and note with
 * the trigram tokenizer: unicode61 does not split Chinese into words,
 * trigrams find any substring of three characters or more in any script.
 * Shorter queries do not reach the index (bb-store.c falls back to
 * instr()).  It is an external-content table over entries, kept in step
 * by the triggers, so the texts are not stored twice.
 *
 * More indexes for the filters of the list and the overview. */
static const char migration_2[] =
    "ALTER TABLE entries ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;"
    "UPDATE entries SET updated_at = created_at;"
    "CREATE VIRTUAL TABLE entries_fts USING fts5 ("
    "  address, domain, subject, diagnostic, note,"
    "  content = 'entries', content_rowid = 'id', tokenize = 'trigram'"
    ");"
    "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');"
    "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
    "  INSERT INTO entries_fts (rowid, address, domain, subject, diagnostic, note)"
    "  VALUES (new.id, new.address, new.domain, new.subject, new.diagnostic, new.note);"
    "END;"
    "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
    "  INSERT INTO entries_fts (entries_fts, rowid, address, domain, subject, diagnostic, note)"
    "  VALUES ('delete', old.id, old.address, old.domain, old.subject, old.diagnostic, old.note);"
    "END;"
    "CREATE TRIGGER entries_fts_update AFTER UPDATE OF address, domain, subject, diagnostic, note"
    "  ON entries BEGIN"
    "  INSERT INTO entries_fts (entries_fts, rowid, address, domain, subject, diagnostic, note)"
    "  VALUES ('delete', old.id, old.address, old.domain, old.subject, old.diagnostic, old.note);"
    "  INSERT INTO entries_fts (rowid, address, domain, subject, diagnostic, note)"
    "  VALUES (new.id, new.address, new.domain, new.subject, new.diagnostic, new.note);"
    "END;"
    /* Indexes for the filters and orders of the list (each ends in the
     * order's column, so that SQLite reads entries in order and stops
     * after a page), and one that covers every figure of the overview
     * (bb-store.c names it with INDEXED BY).  Measured on 100,000 entries
     * with tests/bench/bench-store.sh. */
    "CREATE INDEX entries_figures ON entries (bounced_at, category, hard_bounce, domain, provider_id, state);"
    "CREATE INDEX entries_state_order ON entries ("
    "  (CASE state WHEN 'new' THEN 0 WHEN 'to_verify' THEN 1 WHEN 'resent' THEN 2"
    "   WHEN 'resolved' THEN 3 ELSE 4 END), bounced_at DESC, id DESC);"
    "CREATE INDEX entries_category ON entries (category, bounced_at);"
    "CREATE INDEX entries_domain ON entries (domain, bounced_at);"
    "CREATE INDEX entries_hard ON entries (hard_bounce, bounced_at);"
    "CREATE INDEX entries_hard_address ON entries (hard_bounce, address, bounced_at);"
    "CREATE INDEX entries_address ON entries (address, bounced_at);";

/* Version 3: an index that covers the known-domains query
 * (bb_store_list_known_domains(), which each load in the window runs
 * before its first result): on 100,000 entries it read every row, 400 ms;
 * with the index it reads the index alone, 20 ms. */
static const char migration_3[] =
    "CREATE INDEX entries_domain_kind ON entries (domain, category, state);";

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BB_STORE_SCHEMA_VERSION);

/* Every table any version creates (FTS5 makes the shadow tables). */
static const char *const known_tables[] = {
  "messages",
  "entries",
  "tags",
  "entry_tags",
  "entries_fts",
  "entries_fts_data",
  "entries_fts_idx",
  "entries_fts_docsize",
  "entries_fts_config",
  NULL
};

gboolean
_bb_store_is_known_table (const char *name)
{
  if (name == NULL)
    return FALSE;
  /* SQLite's own: sqlite_sequence, sqlite_stat1 … */
  if (g_str_has_prefix (name, "sqlite_"))
    return TRUE;
  return g_strv_contains (known_tables, name);
}

static gboolean
exec (sqlite3    *db,
      const char *sql,
      GError    **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                   _ ("Could not update the log’s tables: %s"), message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static int
user_version (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Brings the schema of @db up to BB_STORE_SCHEMA_VERSION, one step per
 * transaction.  The version is read inside each transaction: two
 * programs opening an old log at the same time must not both apply a
 * step (the second waits for the first's write lock, then finds the step
 * done). */
gboolean
_bb_store_migrate (sqlite3 *db,
                   GError **error)
{
  /* Up to date (nearly always): no write lock, so that opening the log
   * never waits for another program's import. */
  if (user_version (db) == BB_STORE_SCHEMA_VERSION)
    return TRUE;
  for (;;)
    {
      g_autofree char *set_version = NULL;
      int              version;

      if (!exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;
      version = user_version (db);
      if (version < 0 || version > BB_STORE_SCHEMA_VERSION)
        {
          if (version < 0)
            g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                         _ ("Could not read the log’s version: %s"), sqlite3_errmsg (db));
          else
            g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_TOO_NEW,
                         _ ("The log was made by a newer version of Bounceback (log version %d; this version reads up to %d)."),
                         version, BB_STORE_SCHEMA_VERSION);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      if (version == BB_STORE_SCHEMA_VERSION)
        return exec (db, "COMMIT;", error);

      /* PRAGMA takes no parameters; the number is ours, not user data. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);
      if (!exec (db, migrations[version], error) || !exec (db, set_version, error) ||
          !exec (db, "COMMIT;", error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }
}
