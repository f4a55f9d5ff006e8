/* test-store-open.c - opening the log: a new one is made right, an old
 * one is migrated with its data, and anything that is not our log is
 * refused and left byte for byte as it was
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/stat.h>

#include "bb-store-private.h"
#include "test-store-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("bb-store-open-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "log.db", NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_new_file (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "log.db", NULL);
  g_autofree char *parent = g_path_get_dirname (nested);
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *journal = NULL;
  struct stat      st;

  store = bb_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (bb_store_get_path (store), ==, nested);

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&store);

  app_id = test_sql_text (nested, "PRAGMA application_id");
  version = test_sql_text (nested, "PRAGMA user_version");
  journal = test_sql_text (nested, "PRAGMA journal_mode");
  g_assert_cmpstr (app_id, ==, "1111641159"); /* 0x42424C47, "BBLG" */
  g_assert_cmpint (atoi (version), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (journal, ==, "wal");

  /* and it opens again */
  store = bb_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_empty_file_is_new (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *version = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  version = test_sql_text (f->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, BB_STORE_SCHEMA_VERSION);
}

/* Each load in the window asks for the known domains before its first
 * result: on a big log the query must read an index, not every entry
 * (400 ms on 100,000 entries; 20 ms from the index). */
static void
test_known_domains_use_index (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) plan = g_string_new (NULL);
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN " BB_STORE_KNOWN_DOMAINS_SQL, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX entries_domain_kind"));
}

/* The file must be refused with @code and keep its bytes; no -wal or
 * -shm file may appear next to it. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GError) error = NULL;
  BbStore    *store;
  struct stat st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  store = bb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BB_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  /* the message names the file, and says it was not touched */
  g_assert_nonnull (strstr (error->message, path));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture      *f,
                       gconstpointer data)
{
  const char *text = "Name,Address\n张敏,zhang@example.com\n";

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  g_chmod (f->path, 0644);
  assert_refused (f->path, BB_STORE_ERROR_NOT_DATABASE);

  /* shorter than an SQLite header, but starting like one */
  g_assert_true (g_file_set_contents (f->path, "SQLite format 3", 16, NULL));
  assert_refused (f->path, BB_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_other_application (Fixture      *f,
                               gconstpointer data)
{
  test_sql_exec (f->path, "PRAGMA application_id = 305419896;" /* 0x12345678 */
                          "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张敏');");
  assert_refused (f->path, BB_STORE_ERROR_FOREIGN);
}

static void
test_refuse_unknown_tables (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *ours = g_build_filename (f->dir, "ours.db", NULL);
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* no application id, but tables: some other program's database */
  test_sql_exec (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a');");
  assert_refused (f->path, BB_STORE_ERROR_FOREIGN);

  /* our application id, with a table we never make */
  store = bb_store_open (ours, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  test_sql_exec (ours, "PRAGMA journal_mode = DELETE; CREATE TABLE invoices (n INTEGER);");
  assert_refused (ours, BB_STORE_ERROR_FOREIGN);
}

static void
test_refuse_corrupt (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            len = 0;

  store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  test_log_one (store, "Mon, 02 Mar 2026 10:16:05 +0800", "a@example.com", TRUE, "Quote");
  g_clear_object (&store);

  /* the schema's page (after the 100-byte header) overwritten */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0xAB, 4096 - 100);
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) len, NULL));
  assert_refused (f->path, BB_STORE_ERROR_NOT_DATABASE);

  /* cut short */
  g_assert_true (g_file_set_contents (f->path, contents, 50, NULL));
  assert_refused (f->path, BB_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_too_new (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  test_sql_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_refused (f->path, BB_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_folder (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BbStore *store = bb_store_open (f->dir, &error);

  g_assert_null (store);
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_DATABASE);
}

/* Version 1 of the schema, as released: written out here by hand, so
 * that a change to the migrations cannot change what "version 1" means
 * in this test. */
static const char schema_v1[] =
    "PRAGMA application_id = 1111641159;"
    "CREATE TABLE messages (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, raw BLOB NOT NULL,"
    " raw_size INTEGER NOT NULL, encoding INTEGER NOT NULL DEFAULT 0, source TEXT, added_at INTEGER NOT NULL);"
    "CREATE TABLE entries (id INTEGER PRIMARY KEY,"
    " message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL, msg_sha256 TEXT NOT NULL,"
    " address TEXT NOT NULL, domain TEXT NOT NULL, status TEXT, reply_code TEXT, reason TEXT,"
    " category TEXT NOT NULL, urgency TEXT, side TEXT, hard_bounce INTEGER NOT NULL DEFAULT 0,"
    " provider_id TEXT, provider_code TEXT, diagnostic TEXT, evidence TEXT, subject TEXT, orig_date TEXT,"
    " orig_message_id TEXT, orig_from TEXT, orig_to TEXT, bounced_at INTEGER NOT NULL, source TEXT,"
    " kind TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'new'"
    " CHECK (state IN ('new', 'to_verify', 'resent', 'resolved', 'dead')),"
    " note TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, UNIQUE (msg_sha256, address));"
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE entry_tags (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    " tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE, PRIMARY KEY (entry_id, tag_id)) WITHOUT ROWID;"
    "CREATE INDEX entries_bounced_at ON entries (bounced_at);"
    "CREATE INDEX entries_state ON entries (state, bounced_at);"
    "CREATE INDEX entries_message ON entries (message_id);"
    "CREATE INDEX entry_tags_tag ON entry_tags (tag_id, entry_id);"
    "INSERT INTO messages VALUES (1, '"
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    "', X'46726f6d3a20782d6e6f740a0a6869', 14, 0, 'old.eml', 1772417765);"
    "INSERT INTO entries (id, message_id, msg_sha256, address, domain, status, reply_code, reason, category,"
    " urgency, side, hard_bounce, diagnostic, subject, bounced_at, source, kind, state, note, created_at)"
    " VALUES (7, 1, '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'li.wei@example.cn',"
    " 'example.cn', '5.1.1', '550', 'userunknown', 'address', 'high', 'recipient', 1,"
    " '550 5.1.1 收件人地址不存在', '报价单 - 不锈钢管', 1772417765, 'old.eml', 'bounce', 'to_verify',"
    " '已电话联系', 1772417800);"
    "INSERT INTO tags VALUES (1, '邮箱需核实'), (2, '2026-03-退信');"
    "INSERT INTO entry_tags VALUES (7, 1), (7, 2);"
    "PRAGMA user_version = 1;";

static void
test_migrate_v1 (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BbEntry) entry = NULL;
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autofree char  *version = NULL;
  g_autofree char  *integrity = NULL;
  const char *const expected_tags[] = { "2026-03-退信", "邮箱需核实", NULL };
  const char *const queries[] = { "不存在", "收件人地址", "地址", "钢", "example.cn", "已电话", NULL };

  test_sql_exec (f->path, schema_v1);

  store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  entry = bb_store_get_entry (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bb_entry_get_address (entry), ==, "li.wei@example.cn");
  g_assert_cmpstr (bb_entry_get_reason (entry), ==, "userunknown");
  g_assert_cmpint (bb_entry_get_state (entry), ==, BB_ENTRY_STATE_TO_VERIFY);
  g_assert_cmpstr (bb_entry_get_note (entry), ==, "已电话联系");
  g_assert_true (g_strv_equal (bb_entry_get_tags (entry), expected_tags));
  g_assert_cmpint (bb_entry_get_bounced_at (entry), ==, 1772417765);
  /* version 2 added updated_at, filled from created_at */
  g_assert_cmpint (bb_entry_get_updated_at (entry), ==, 1772417800);
  g_assert_true (bb_entry_get_has_message (entry));

  /* version 2 added full-text search: the old entry is in the index */
  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_free (filter->text);
      filter->text = g_strdup (queries[i]);
      g_assert_cmpint (bb_store_count_entries (store, filter, &error), ==, 1);
      g_assert_no_error (error);
    }
  /* and new entries go in next to it */
  test_log_one (store, "Tue, 03 Mar 2026 09:00:00 +0000", "new@example.org", FALSE, "Hello");
  g_free (filter->text);
  filter->text = NULL;
  g_assert_cmpint (bb_store_count_entries (store, filter, &error), ==, 2);
  g_clear_object (&store);

  version = test_sql_text (f->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, BB_STORE_SCHEMA_VERSION);
  integrity = test_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
}

static gpointer
open_in_thread (gpointer data)
{
  g_autoptr (GError) error = NULL;
  BbStore *store = bb_store_open (data, &error);

  g_assert_no_error (error);
  return store;
}

/* Two programs opening an old log at once: one migrates, the other
 * finds it done (neither applies a step twice). */
static void
test_migrate_concurrently (Fixture      *f,
                           gconstpointer data)
{
  for (guint round = 0; round < 5; round++)
    {
      GThread *threads[4];

      test_remove_tree (f->dir);
      g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
      test_sql_exec (f->path, schema_v1);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("open", open_in_thread, f->path);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          BbStore *store = g_thread_join (threads[i]);
          g_autoptr (GError) error = NULL;

          g_assert_nonnull (store);
          g_assert_cmpint (bb_store_count_entries (store, NULL, &error), ==, 1);
          g_object_unref (store);
        }
    }
}

static void
test_open_async_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BbStore **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = bb_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async_refused_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;
  BbStore *store = bb_store_open_finish (result, &error);

  g_assert_null (store);
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_DATABASE);
  *done = TRUE;
}

static void
test_open_async (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *text_file = g_build_filename (f->dir, "notes.txt", NULL);
  BbStore         *store = NULL;
  gboolean         done = FALSE;

  bb_store_open_async (f->path, NULL, test_open_async_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (BB_IS_STORE (store));
  g_assert_finalize_object (store);

  g_assert_true (g_file_set_contents (text_file, "hello", -1, NULL));
  bb_store_open_async (text_file, NULL, test_open_async_refused_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  test_store_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bb/store/open/new-file", test_new_file);
  ADD ("/bb/store/open/empty-file-is-new", test_empty_file_is_new);
  ADD ("/bb/store/open/known-domains-use-index", test_known_domains_use_index);
  ADD ("/bb/store/open/refuse-text-file", test_refuse_text_file);
  ADD ("/bb/store/open/refuse-other-application", test_refuse_other_application);
  ADD ("/bb/store/open/refuse-unknown-tables", test_refuse_unknown_tables);
  ADD ("/bb/store/open/refuse-corrupt", test_refuse_corrupt);
  ADD ("/bb/store/open/refuse-too-new", test_refuse_too_new);
  ADD ("/bb/store/open/refuse-folder", test_refuse_folder);
  ADD ("/bb/store/open/migrate-v1", test_migrate_v1);
  ADD ("/bb/store/open/migrate-concurrently", test_migrate_concurrently);
  ADD ("/bb/store/open/async", test_open_async);
#undef ADD

  return g_test_run ();
}
