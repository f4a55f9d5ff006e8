/* test-store-util.h - bounces made to measure, and checks on files, for
 * the store's tests
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bb-core.h"
#include "bb-store.h"

/* An RFC 3464 notice for @n recipients, all failed with @status and
 * @diagnostic.  @date is the notice's Date; @unique makes the bytes (and
 * so the message) distinct. */
static inline GBytes *
test_make_bounce (const char        *date,
                  const char *const *addresses,
                  const char        *status,
                  const char        *diagnostic,
                  const char        *subject,
                  const char        *unique)
{
  GString *m = g_string_new (NULL);

  g_string_append_printf (m,
                          "From: MAILER-DAEMON@mx.example.net\n"
                          "To: sales@example.com\n"
                          "Subject: Undelivered Mail Returned to Sender\n"
                          "Date: %s\n"
                          "Message-ID: <%s@mx.example.net>\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
                          "\n"
                          "--b\n"
                          "Content-Type: text/plain; charset=utf-8\n"
                          "\n"
                          "This is the mail system at host mx.example.net.\n"
                          "I'm sorry to have to inform you that your message could not be delivered.\n\n",
                          date, unique);
  for (guint i = 0; addresses[i] != NULL; i++)
    g_string_append_printf (m, "<%s>: host mx said: %s\n", addresses[i], diagnostic);
  g_string_append (m, "\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n");
  for (guint i = 0; addresses[i] != NULL; i++)
    g_string_append_printf (m,
                            "\nFinal-Recipient: rfc822; %s\n"
                            "Action: failed\n"
                            "Status: %s\n"
                            "Diagnostic-Code: smtp; %s\n",
                            addresses[i], status, diagnostic);
  g_string_append_printf (m,
                          "\n--b\n"
                          "Content-Type: text/rfc822-headers; charset=utf-8\n"
                          "\n"
                          "From: Sales <sales@example.com>\n"
                          "To: %s\n"
                          "Subject: %s\n"
                          "Message-ID: <orig-%s@example.com>\n"
                          "\n"
                          "--b--\n",
                          addresses[0], subject, unique);
  return g_string_free_to_bytes (m);
}

#define TEST_HARD_STATUS "5.1.1"
#define TEST_HARD_DIAGNOSTIC "550 5.1.1 User unknown"
#define TEST_SOFT_STATUS "4.2.2"
#define TEST_SOFT_DIAGNOSTIC "452 4.2.2 Mailbox full, quota exceeded"

/* Logs one made-up bounce for @address; returns its entry's id. */
static inline gint64
test_log_one (BbStore    *store,
              const char *date,
              const char *address,
              gboolean    hard,
              const char *subject)
{
  const char *addresses[] = { address, NULL };
  g_autofree char *unique = g_strdup_printf ("%s-%s", address, date);
  g_autoptr (GBytes) raw = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  BbImportStats stats = { 0 };

  for (char *p = unique; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = '-';
  raw = test_make_bounce (date, addresses, hard ? TEST_HARD_STATUS : TEST_SOFT_STATUS,
                          hard ? TEST_HARD_DIAGNOSTIC : TEST_SOFT_DIAGNOSTIC, subject, unique);
  g_assert_true (bb_store_log_message (store, raw, address, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
  entries = bb_store_list_entries (store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  /* the highest id is the one just added */
  {
    gint64 max = 0;

    for (guint i = 0; i < entries->len; i++)
      max = MAX (max, bb_entry_get_id (g_ptr_array_index (entries, i)));
    return max;
  }
}

static inline char *
test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize            len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static inline gint64
test_unix (const char *iso8601)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* Runs one SQL statement on a database file directly and returns the
 * first column of the first row as text (or NULL). */
static inline char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static inline void
test_sql_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static inline void
test_remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Drops the last reference to @object and waits until it is finalised:
 * a GTask's worker thread may release its reference a moment after the
 * callback ran. */
static inline void
test_finalize_object (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  for (guint i = 0; weak != NULL && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
}

/* Every test runs in UTC and English (C.UTF-8), with the build tree's
 * catalogues. */
static inline void
test_store_init (int    *argc,
                 char ***argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (argc, argv, NULL);
  bb_core_init ();
}
