/* test-store-export.c - CSV (byte order mark, RFC 4180 quoting, the
 * formula guard), CSV import (round trip, merge, no duplicates), Excel
 * (read back from the zip) and the cheat-sheet
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bb-export-private.h"
#include "bb-reference.h"
#include "test-store-util.h"

typedef struct
{
  char    *dir;
  BbStore *store;
  gint64   ids[4];
} Fixture;

static const char note_with_everything[] = "Note, with \"quotes\"\nand a second line 中文";
static const char formula_note[] = "=HYPERLINK(\"http://x.example\")";

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("bb-store-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "a.db", NULL);
  f->store = bb_store_open (path, &error);
  g_assert_no_error (error);
  f->ids[0] = test_log_one (f->store, "Mon, 05 Jan 2026 10:00:00 +0000", "a.li@alpha.example", TRUE, "报价单 - 不锈钢管");
  f->ids[1] = test_log_one (f->store, "Tue, 20 Jan 2026 10:00:00 +0000", "b.wang@alpha.example", FALSE, "Quotation, pipes");
  f->ids[2] = test_log_one (f->store, "Tue, 03 Feb 2026 10:00:00 +0000", "c.chen@beta.example", TRUE, "样品");
  f->ids[3] = test_log_one (f->store, "Sun, 01 Mar 2026 08:00:00 +0000", "=cmd@gamma.example", FALSE, "-dash");
  g_assert_true (bb_store_set_note (f->store, f->ids[0], note_with_everything, &error));
  g_assert_true (bb_store_set_note (f->store, f->ids[1], formula_note, &error));
  g_assert_true (bb_store_set_state (f->store, f->ids[0], BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_true (bb_store_set_state (f->store, f->ids[2], BB_ENTRY_STATE_DEAD, &error));
  g_assert_true (bb_store_add_tag (f->store, f->ids[0], "客户,A", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
temp_file (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

typedef struct
{
  GPtrArray *rows; /* GStrv */
} Rows;

static gboolean
collect_row (guint              line,
             const char *const *fields,
             gpointer           user_data)
{
  g_ptr_array_add (user_data, g_strdupv ((char **) fields));
  return TRUE;
}

static GPtrArray *
parse_csv_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize            len = 0;
  GPtrArray       *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (_bb_csv_parse (data, len, collect_row, rows, &error));
  g_assert_no_error (error);
  return rows;
}

static void
test_csv_format (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *path = temp_file (f, "log.csv");
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gsize    len = 0;
  guint    n = 0;
  gboolean found_note = FALSE;

  g_assert_true (bb_store_export (f->store, NULL, BB_EXPORT_FORMAT_CSV, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  /* UTF-8 with a byte order mark, then the header, CRLF line ends */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"
                                             "Key,No.,Address,Domain,Bounced at (UTC),State,Tags,Note,"));
  g_assert_nonnull (strstr (contents, "Who must act"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  /* RFC 4180: quoted because of the comma, quotes doubled, the line
   * break kept inside the quotes */
  g_assert_nonnull (strstr (contents, ",\"Note, with \"\"quotes\"\"\nand a second line 中文\","));
  g_assert_nonnull (strstr (contents, ",\"2026-01-bounce; Address to verify; 客户,A\","));
  g_assert_nonnull (strstr (contents, ",\"Quotation, pipes\","));
  /* text a spreadsheet would run as a formula gets an apostrophe */
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"http://x.example\"\")\","));
  g_assert_nonnull (strstr (contents, ",'=cmd@gamma.example,"));
  g_assert_nonnull (strstr (contents, ",'-dash,"));
  g_assert_nonnull (strstr (contents, ",2026-01-05T10:00:00Z,to_verify,"));

  rows = parse_csv_file (path);
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, 27);
      g_assert_cmpuint (strlen (row[0]), >, 65);
      g_assert_cmpint (row[0][64], ==, ':');
      if (g_strcmp0 (row[2], "a.li@alpha.example") == 0)
        {
          g_assert_cmpstr (row[7], ==, note_with_everything);
          g_assert_cmpstr (row[5], ==, "to_verify");
          g_assert_cmpstr (row[8], ==, "address");
          g_assert_cmpstr (row[9], ==, "The address does not exist");
          g_assert_cmpstr (row[11], ==, "hard");
          found_note = TRUE;
        }
    }
  g_assert_true (found_note);
}

static gboolean
same_entry (BbEntry *a,
            BbEntry *b)
{
  const char *const *tags_a = bb_entry_get_tags (a);
  const char *const *tags_b = bb_entry_get_tags (b);

  g_assert_cmpstr (bb_entry_get_address (a), ==, bb_entry_get_address (b));
  g_assert_cmpstr (bb_entry_get_message_sha256 (a), ==, bb_entry_get_message_sha256 (b));
  g_assert_cmpstr (bb_entry_get_domain (a), ==, bb_entry_get_domain (b));
  g_assert_cmpstr (bb_entry_get_status (a), ==, bb_entry_get_status (b));
  g_assert_cmpstr (bb_entry_get_reply_code (a), ==, bb_entry_get_reply_code (b));
  g_assert_cmpstr (bb_entry_get_reason (a), ==, bb_entry_get_reason (b));
  g_assert_cmpstr (bb_entry_get_category (a), ==, bb_entry_get_category (b));
  g_assert_cmpstr (bb_entry_get_urgency (a), ==, bb_entry_get_urgency (b));
  g_assert_cmpstr (bb_entry_get_side (a), ==, bb_entry_get_side (b));
  g_assert_cmpint (bb_entry_get_hard_bounce (a), ==, bb_entry_get_hard_bounce (b));
  g_assert_cmpstr (bb_entry_get_provider_id (a), ==, bb_entry_get_provider_id (b));
  g_assert_cmpstr (bb_entry_get_diagnostic (a), ==, bb_entry_get_diagnostic (b));
  g_assert_cmpstr (bb_entry_get_evidence (a), ==, bb_entry_get_evidence (b));
  g_assert_cmpstr (bb_entry_get_subject (a), ==, bb_entry_get_subject (b));
  g_assert_cmpstr (bb_entry_get_original_message_id (a), ==, bb_entry_get_original_message_id (b));
  g_assert_cmpstr (bb_entry_get_original_from (a), ==, bb_entry_get_original_from (b));
  g_assert_cmpstr (bb_entry_get_original_to (a), ==, bb_entry_get_original_to (b));
  g_assert_cmpint (bb_entry_get_bounced_at (a), ==, bb_entry_get_bounced_at (b));
  g_assert_cmpstr (bb_entry_get_source (a), ==, bb_entry_get_source (b));
  g_assert_cmpstr (bb_entry_get_kind (a), ==, bb_entry_get_kind (b));
  g_assert_cmpint (bb_entry_get_state (a), ==, bb_entry_get_state (b));
  g_assert_cmpstr (bb_entry_get_note (a), ==, bb_entry_get_note (b));
  g_assert_true (g_strv_equal (tags_a, tags_b));
  return TRUE;
}

static BbEntry *
find_by_address (GPtrArray  *entries,
                 const char *address)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (bb_entry_get_address (g_ptr_array_index (entries, i)), address) == 0)
      return g_ptr_array_index (entries, i);
  g_assert_not_reached ();
}

static void
test_csv_round_trip (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *csv = temp_file (f, "a.csv");
  g_autofree char *csv2 = temp_file (f, "a2.csv");
  g_autofree char *b_path = temp_file (f, "b.db");
  g_autoptr (BbStore) b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) from_a = NULL;
  g_autoptr (GPtrArray) in_b = NULL;
  BbCsvImportStats stats = { 0 };
  BbEntry         *li;
  BbEntry         *wang;

  g_assert_true (bb_store_export (f->store, NULL, BB_EXPORT_FORMAT_CSV, csv, NULL, &error));
  b = bb_store_open (b_path, &error);
  g_assert_no_error (error);
  g_assert_true (bb_store_import_csv (b, csv, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rows, ==, 4);
  g_assert_cmpuint (stats.added, ==, 4);
  g_assert_cmpuint (stats.merged, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 0);

  from_a = bb_store_list_entries (f->store, NULL, 0, 0, &error);
  in_b = bb_store_list_entries (b, NULL, 0, 0, &error);
  g_assert_cmpuint (in_b->len, ==, from_a->len);
  for (guint i = 0; i < from_a->len; i++)
    {
      BbEntry *a = g_ptr_array_index (from_a, i);
      BbEntry *other = find_by_address (in_b, bb_entry_get_address (a));

      g_assert_true (same_entry (a, other));
      g_assert_false (bb_entry_get_has_message (other)); /* CSV carries no message */
    }

  /* the same file again: nothing added, nothing changed */
  g_assert_true (bb_store_import_csv (b, csv, &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.merged, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 4);
  g_assert_cmpint (bb_store_count_entries (b, NULL, &error), ==, 4);

  /* B works on its copy; A adds a tag and a note; A's export merges into
   * B: tags joined, notes joined, B's state kept unless B's is "new" */
  li = find_by_address (in_b, "a.li@alpha.example");
  wang = find_by_address (in_b, "b.wang@alpha.example");
  g_assert_true (bb_store_set_state (b, bb_entry_get_id (li), BB_ENTRY_STATE_RESENT, &error));
  g_assert_true (bb_store_set_note (b, bb_entry_get_id (li), "B: resent to the new address", &error));
  g_assert_true (bb_store_add_tag (f->store, f->ids[0], "来自A", &error));
  g_assert_true (bb_store_set_note (f->store, f->ids[0], "A: 电话确认", &error));
  g_assert_true (bb_store_set_state (f->store, f->ids[1], BB_ENTRY_STATE_RESENT, &error));
  g_assert_true (bb_store_export (f->store, NULL, BB_EXPORT_FORMAT_CSV, csv2, NULL, &error));
  g_assert_true (bb_store_import_csv (b, csv2, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.merged, ==, 2);
  g_assert_cmpuint (stats.unchanged, ==, 2);
  g_assert_true (bb_store_refresh_entry (b, li, &error));
  g_assert_true (bb_store_refresh_entry (b, wang, &error));
  g_assert_cmpint (bb_entry_get_state (li), ==, BB_ENTRY_STATE_RESENT);
  g_assert_cmpstr (bb_entry_get_note (li), ==, "B: resent to the new address\nA: 电话确认");
  g_assert_true (bb_entry_has_tag (li, "来自A"));
  g_assert_true (bb_entry_has_tag (li, "客户,A"));
  g_assert_cmpint (bb_entry_get_state (wang), ==, BB_ENTRY_STATE_RESENT);
  g_assert_cmpstr (bb_entry_get_note (wang), ==, formula_note);

  /* the bounce itself, imported later into B, joins its entry */
  {
    g_autoptr (GBytes) raw = bb_store_dup_message (f->store, f->ids[0], &error);
    BbImportStats import_stats = { 0 };

    g_assert_no_error (error);
    g_assert_true (bb_store_log_message (b, raw, "later.eml", NULL, &import_stats, &error));
    g_assert_cmpuint (import_stats.added, ==, 0);
    g_assert_cmpuint (import_stats.duplicates, ==, 1);
    g_assert_true (bb_store_refresh_entry (b, li, &error));
    g_assert_true (bb_entry_get_has_message (li));
    g_assert_cmpint (bb_entry_get_state (li), ==, BB_ENTRY_STATE_RESENT);
  }
}

static void
test_csv_import_other_language (Fixture      *f,
                                gconstpointer data)
{
  g_autofree char *csv = temp_file (f, "a.csv");
  g_autofree char *zh = temp_file (f, "zh.csv");
  g_autofree char *junk = temp_file (f, "junk.csv");
  g_autofree char *contents = NULL;
  g_autoptr (BbStore) b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) translated = NULL;
  BbCsvImportStats stats = { 0 };
  char            *body;

  g_assert_true (bb_store_export (f->store, NULL, BB_EXPORT_FORMAT_CSV, csv, NULL, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  body = strstr (contents, "\r\n");
  translated = g_string_new ("\xEF\xBB\xBF键,编号,地址,域名,退信时间,状态,标签,备注");
  for (guint i = 8; i < 27; i++)
    g_string_append_printf (translated, ",列%u", i);
  g_string_append (translated, body);
  g_assert_true (g_file_set_contents (zh, translated->str, -1, NULL));

  b = bb_store_open (BB_STORE_MEMORY, &error);
  g_assert_true (bb_store_import_csv (b, zh, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 4);

  /* a CSV that is not an export: refused, nothing added */
  g_assert_true (g_file_set_contents (junk, "Name,Address\nZhang,z@example.com\nLi,l@example.com\n", -1, NULL));
  g_assert_false (bb_store_import_csv (b, junk, &stats, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bb_store_count_entries (b, NULL, &error), ==, 4);

  /* an unclosed quote */
  g_assert_true (g_file_set_contents (junk, "a,\"b\n", -1, NULL));
  g_assert_false (bb_store_import_csv (b, junk, &stats, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID);
}

static void
test_csv_filtered (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *csv = temp_file (f, "hard.csv");
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  filter->bounce_type = BB_BOUNCE_TYPE_HARD;
  filter->sort = BB_STORE_SORT_OLDEST;
  g_assert_true (bb_store_export (f->store, filter, BB_EXPORT_FORMAT_CSV, csv, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  rows = parse_csv_file (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[2], ==, "a.li@alpha.example");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[2], ==, "c.chen@beta.example");
}

/* `unzip -p FILE MEMBER`, or NULL (and the test skipped) without unzip. */
static char *
unzip_member (const char *zip,
              const char *member)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  const char      *argv[] = { unzip, "-p", zip, member, NULL };
  g_autofree char *err = NULL;
  char            *out = NULL;
  int              status = 0;
  g_autoptr (GError) error = NULL;

  if (unzip == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (Fixture      *f,
           gconstpointer data)
{
  g_autofree char *xlsx = temp_file (f, "log.xlsx");
  g_autofree char *part = g_strconcat (xlsx, ".part", NULL);
  g_autofree char *head = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *workbook = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (bb_store_export (f->store, NULL, BB_EXPORT_FORMAT_XLSX, xlsx, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (xlsx, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "PK\x03\x04")); /* a zip */

  sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  if (sheet == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  workbook = unzip_member (xlsx, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Bounce log\""));
  /* the header, in words */
  g_assert_nonnull (strstr (sheet, "<t>Address</t>"));
  g_assert_nonnull (strstr (sheet, "<t>Bounced at</t>"));
  g_assert_nonnull (strstr (sheet, "<t>What happened</t>"));
  /* the cells: text as it is (no apostrophe: Excel runs no formula from
   * a string cell), states and categories in words */
  g_assert_nonnull (strstr (sheet, "<t>a.li@alpha.example</t>"));
  g_assert_nonnull (strstr (sheet, "<t>=cmd@gamma.example</t>"));
  g_assert_nonnull (strstr (sheet, "<t>报价单 - 不锈钢管</t>"));
  g_assert_nonnull (strstr (sheet, "<t>To verify</t>"));
  g_assert_nonnull (strstr (sheet, "<t>Dead</t>"));
  g_assert_nonnull (strstr (sheet, "<t>The address does not exist</t>"));
  g_assert_nonnull (strstr (sheet, "<t>Hard bounce</t>"));
  g_assert_nonnull (strstr (sheet, "<t>Soft bounce</t>"));
  g_assert_nonnull (strstr (sheet, "2026-01-bounce; Address to verify; 客户,A"));
  g_assert_nonnull (strstr (sheet, note_with_everything));
  /* a header and four rows */
  g_assert_nonnull (strstr (sheet, "<row r=\"5\""));
  g_assert_null (strstr (sheet, "<row r=\"6\""));
}

static void
test_reference (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *csv = temp_file (f, "reference.csv");
  g_autofree char *xlsx = temp_file (f, "reference.xlsx");
  g_autoptr (GListModel) items = bb_reference_list_items ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char   *strings = NULL;
  g_autofree char   *workbook = NULL;
  const char *const *reasons = bb_kb_reasons ();
  const char *const  must[] = { "5.1.1", "4.2.2", "5.7.1", "2.0.0", "550", "421", "5xx", "4xx", NULL };
  guint              n = 0;
  guint              n_reasons = 0;

  g_assert_true (bb_reference_export (BB_EXPORT_FORMAT_CSV, csv, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (items));
  rows = parse_csv_file (csv);
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[1], ==, "Code");
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, 8);
      g_assert_cmpstr (row[2], !=, ""); /* every row says what it means */
      /* no row twice */
      g_assert_false (g_hash_table_contains (codes, row[1]));
      g_hash_table_add (codes, g_strdup (row[1]));
      if (g_strcmp0 (row[0], "Reason") == 0)
        {
          n_reasons++;
          g_assert_cmpstr (row[3], !=, "");
          g_assert_true (g_str_has_prefix (row[7], "1. "));
          g_assert_true (g_strcmp0 (row[4], "Hard bounce") == 0 || g_strcmp0 (row[4], "Soft bounce") == 0 ||
                         g_strcmp0 (row[4], "Hard bounce when permanent") == 0);
          if (g_strcmp0 (row[1], "userunknown") == 0)
            g_assert_cmpstr (row[4], ==, "Hard bounce");
          if (g_strcmp0 (row[1], "mailboxfull") == 0)
            g_assert_cmpstr (row[4], ==, "Soft bounce");
        }
    }
  /* every reason the knowledge base knows */
  g_assert_cmpuint (n_reasons, ==, g_strv_length ((char **) reasons));
  for (guint i = 0; reasons[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (codes, reasons[i]));
  for (guint i = 0; must[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (codes, must[i]));
  /* registered codes only: Microsoft's 5.7.515 is not */
  g_assert_false (g_hash_table_contains (codes, "5.7.515"));

  g_assert_true (bb_reference_export (BB_EXPORT_FORMAT_XLSX, xlsx, &n, &error));
  g_assert_no_error (error);
  strings = unzip_member (xlsx, "xl/sharedStrings.xml");
  if (strings == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  workbook = unzip_member (xlsx, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Status codes\""));
  g_assert_nonnull (strstr (workbook, "name=\"Reply codes\""));
  g_assert_nonnull (strstr (workbook, "name=\"Reasons\""));
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      g_autofree char *cell = g_strdup_printf ("<t>%s</t>", reasons[i]);

      g_assert_nonnull (strstr (strings, cell));
    }
  g_assert_nonnull (strstr (strings, "<t>5.1.1</t>"));
  g_assert_nonnull (strstr (strings, "<t>550</t>"));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *n = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (bb_store_export_finish (BB_STORE (source), result, n, &error));
  g_assert_no_error (error);
}

static void
import_csv_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BbCsvImportStats *stats = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (bb_store_import_csv_finish (BB_STORE (source), result, stats, &error));
  g_assert_no_error (error);
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *csv = temp_file (f, "async.csv");
  g_autoptr (BbStore) b = NULL;
  g_autoptr (GError) error = NULL;
  guint            n = 0;
  BbCsvImportStats stats = { 0 };

  bb_store_export_async (f->store, NULL, BB_EXPORT_FORMAT_CSV, csv, NULL, export_done_cb, &n);
  while (n == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n, ==, 4);

  b = bb_store_open (BB_STORE_MEMORY, &error);
  bb_store_import_csv_async (b, csv, NULL, import_csv_done_cb, &stats);
  while (stats.rows == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (stats.added, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  test_store_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bb/store/export/csv-format", test_csv_format);
  ADD ("/bb/store/export/csv-round-trip", test_csv_round_trip);
  ADD ("/bb/store/export/csv-import-other-language", test_csv_import_other_language);
  ADD ("/bb/store/export/csv-filtered", test_csv_filtered);
  ADD ("/bb/store/export/xlsx", test_xlsx);
  ADD ("/bb/store/export/reference", test_reference);
  ADD ("/bb/store/export/async", test_async);
#undef ADD

  return g_test_run ();
}
