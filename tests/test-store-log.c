/* test-store-log.c - the log's API: logging and dedupe, automatic tags,
 * follow-up states, tags and notes, search (English and Chinese, one to
 * three characters and more), filters, order and paging, the figures,
 * re-analysis, the async pairs and the list model
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bb-entry-list.h"
#include "test-store-util.h"

/* ---- a small log with known contents ---- */

typedef struct
{
  const char *when; /* ISO 8601, UTC */
  const char *address;
  gboolean    hard;
  const char *subject;
} Sample;

static const Sample samples[] = {
  { "2026-01-05T10:00:00Z", "a.li@alpha.example", TRUE, "报价单 - 不锈钢管" },
  { "2026-01-20T10:00:00Z", "b.wang@alpha.example", FALSE, "Quotation for pipes" },
  { "2026-02-03T10:00:00Z", "c.chen@beta.example", TRUE, "样品寄送确认" },
  { "2026-02-14T10:00:00Z", "d.zhao@beta.example", FALSE, "报价 follow-up" },
  { "2026-03-01T08:00:00Z", "e.sun@gamma.example", TRUE, "Invoice 2026" },
  { "2026-03-01T09:00:00Z", "f.zhou@gamma.example", FALSE, "钢材目录" },
  { "2026-03-01T10:00:00Z", "g.wu@gamma.example", TRUE, "Catalogue" },
};

typedef struct
{
  char    *dir;
  char    *path;
  BbStore *store;
  gint64   ids[G_N_ELEMENTS (samples)];
} Fixture;

static char *
rfc2822 (const char *iso8601)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (iso8601, NULL);

  return g_date_time_format (time, "%a, %d %b %Y %H:%M:%S +0000");
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("bb-store-log-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "log.db", NULL);
  f->store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *date = rfc2822 (samples[i].when);

        f->ids[i] = test_log_one (f->store, date, samples[i].address, samples[i].hard, samples[i].subject);
      }
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The sample indexes (0-based) of @entries, as "1,3,5" (1-based). */
static char *
sample_numbers (Fixture   *f,
                GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      gint64 id = bb_entry_get_id (g_ptr_array_index (entries, i));

      for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
        if (f->ids[s] == id)
          g_string_append_printf (out, "%s%u", out->len > 0 ? "," : "", s + 1);
    }
  return g_string_free (out, FALSE);
}

static char *
list_numbers (Fixture             *f,
              const BbStoreFilter *filter,
              guint                offset,
              guint                limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = bb_store_list_entries (f->store, filter, offset, limit, &error);

  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count_entries (f->store, filter, &error), >=, (gint64) entries->len);
  return sample_numbers (f, entries);
}

static char *
data_path (const char *first,
           ...)
{
  va_list     args;
  GString    *path = g_string_new (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : "tests");
  const char *part;

  g_string_append (path, "/data");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append_c (path, '/');
      g_string_append (path, part);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

/* ---- logging ---- */

static void
test_dedupe (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *dir = data_path ("chinese", NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GError) error = NULL;
  const char   *name;
  BbImportStats first = { 0 };
  BbImportStats second = { 0 };
  gint64        n;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".eml"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_add (paths, NULL);

  g_assert_true (bb_store_import_paths (f->store, (const char *const *) paths->pdata, 0, NULL, NULL, NULL, &first,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first.messages, ==, paths->len - 1);
  g_assert_cmpuint (first.added, >=, 8);
  g_assert_cmpuint (first.duplicates, ==, 0);
  g_assert_cmpuint (first.not_bounces, >=, 2); /* the auto-reply, the recall notice */
  g_assert_cmpuint (first.unreadable, ==, 0);

  /* the same files again: nothing new, every recipient a duplicate */
  g_assert_true (bb_store_import_paths (f->store, (const char *const *) paths->pdata, 0, NULL, NULL, NULL, &second,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.messages, ==, first.messages);
  g_assert_cmpuint (second.added, ==, 0);
  g_assert_cmpuint (second.duplicates, ==, first.added);
  g_assert_cmpuint (second.not_bounces, ==, first.not_bounces);

  n = bb_store_count_entries (f->store, NULL, &error);
  g_assert_cmpint (n, ==, first.added);
}

static void
test_multiple_recipients (Fixture      *f,
                          gconstpointer data)
{
  const char *addresses[] = { "one@example.org", "two@example.org", NULL };
  g_autoptr (GBytes) raw = test_make_bounce ("Mon, 02 Mar 2026 10:16:05 +0800", addresses, TEST_HARD_STATUS,
                                             TEST_HARD_DIAGNOSTIC, "Two", "two-recipients");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, raw);
  g_autofree char *key = NULL;
  BbImportStats    stats = { 0 };

  g_assert_true (bb_store_log_message (f->store, raw, "two.eml", NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 2);
  g_assert_true (bb_store_log_message (f->store, raw, "two-again.eml", NULL, &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.duplicates, ==, 2);

  entries = bb_store_list_entries (f->store, NULL, 0, 0, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      BbEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpstr (bb_entry_get_message_sha256 (entry), ==, sha);
      g_assert_cmpstr (bb_entry_get_domain (entry), ==, "example.org");
      g_assert_cmpstr (bb_entry_get_status (entry), ==, "5.1.1");
      g_assert_cmpstr (bb_entry_get_reply_code (entry), ==, "550");
      g_assert_cmpstr (bb_entry_get_reason (entry), ==, "userunknown");
      g_assert_cmpstr (bb_entry_get_category (entry), ==, "address");
      g_assert_true (bb_entry_get_hard_bounce (entry));
      g_assert_cmpstr (bb_entry_get_subject (entry), ==, "Two");
      g_assert_cmpstr (bb_entry_get_original_message_id (entry), ==, "orig-two-recipients@example.com");
      g_assert_cmpstr (bb_entry_get_original_from (entry), ==, "Sales <sales@example.com>");
      g_assert_cmpstr (bb_entry_get_source (entry), ==, "two.eml");
      g_assert_cmpstr (bb_entry_get_kind (entry), ==, "bounce");
      /* the notice's Date, +0800 */
      g_assert_cmpint (bb_entry_get_bounced_at (entry), ==, test_unix ("2026-03-02T02:16:05Z"));
      g_assert_true (bb_entry_get_has_message (entry));
    }
  key = bb_entry_dup_key (g_ptr_array_index (entries, 0));
  g_assert_true (g_str_has_prefix (key, sha));

  /* the raw message comes back as it went in (deflated in between) */
  stored = bb_store_dup_message (f->store, bb_entry_get_id (g_ptr_array_index (entries, 0)), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, raw));
}

static void
test_not_bounces (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *autoreply = data_path ("chinese", "10-autoreply-zh.eml", NULL);
  g_autofree char *missing = data_path ("chinese", "no-such-file.eml", NULL);
  const char      *paths[] = { autoreply, missing, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  BbImportStats stats = { 0 };

  g_assert_true (bb_store_import_paths (f->store, paths, 0, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.messages, ==, 2);
  g_assert_cmpuint (stats.not_bounces, ==, 1);
  g_assert_cmpuint (stats.unreadable, ==, 1);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_true (bb_store_log_message (f->store, empty, "empty", NULL, &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpint (bb_store_count_entries (f->store, NULL, &error), ==, 0);
}

static void
test_auto_tags (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbEntry) hard = NULL;
  g_autoptr (BbEntry) soft = NULL;
  g_autofree char  *month = bb_store_month_tag (test_unix ("2026-01-05T10:00:00Z"));
  const char *const hard_tags[] = { "2026-01-bounce", "Address to verify", NULL };
  const char *const soft_tags[] = { "2026-01-bounce", NULL };

  /* in English (the tests run in C.UTF-8) */
  g_assert_cmpstr (month, ==, "2026-01-bounce");
  g_assert_cmpstr (bb_store_hard_bounce_tag (), ==, "Address to verify");

  hard = bb_store_get_entry (f->store, f->ids[0], &error);
  soft = bb_store_get_entry (f->store, f->ids[1], &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (bb_entry_get_tags (hard), hard_tags));
  g_assert_true (g_strv_equal (bb_entry_get_tags (soft), soft_tags));
  g_assert_cmpint (bb_entry_get_state (hard), ==, BB_ENTRY_STATE_NEW);
  g_assert_cmpstr (bb_entry_get_note (hard), ==, "");
}

/* ---- states ---- */

static void
test_state_rules (void)
{
  /* expected[from][to], in the order new, to_verify, resent, resolved, dead */
  static const gboolean expected[BB_N_ENTRY_STATES][BB_N_ENTRY_STATES] = {
    { TRUE, TRUE, TRUE, FALSE, TRUE },
    { FALSE, TRUE, TRUE, FALSE, TRUE },
    { FALSE, TRUE, TRUE, TRUE, TRUE },
    { FALSE, FALSE, FALSE, TRUE, TRUE },
    { FALSE, FALSE, FALSE, FALSE, TRUE },
  };

  for (guint from = 0; from < BB_N_ENTRY_STATES; from++)
    for (guint to = 0; to < BB_N_ENTRY_STATES; to++)
      {
        g_test_message ("%s → %s", bb_entry_state_to_string (from), bb_entry_state_to_string (to));
        g_assert_cmpint (bb_entry_state_can_change (from, to), ==, expected[from][to]);
      }
  for (guint s = 0; s < BB_N_ENTRY_STATES; s++)
    {
      BbEntryState back;

      g_assert_true (bb_entry_state_from_string (bb_entry_state_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
    }
  {
    BbEntryState state;

    g_assert_true (bb_entry_state_from_string ("to-verify", &state));
    g_assert_cmpint (state, ==, BB_ENTRY_STATE_TO_VERIFY);
    g_assert_false (bb_entry_state_from_string ("done", &state));
    g_assert_false (bb_entry_state_from_string ("newer", &state));
  }
}

static BbEntryState
state_of (Fixture *f,
          gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbEntry) entry = bb_store_get_entry (f->store, id, &error);

  g_assert_no_error (error);
  return bb_entry_get_state (entry);
}

static void
test_state_changes (Fixture      *f,
                    gconstpointer data)
{
  gint64 id = f->ids[0];
  g_autoptr (GError) error = NULL;
  const BbEntryState path[] = { BB_ENTRY_STATE_TO_VERIFY, BB_ENTRY_STATE_RESENT, BB_ENTRY_STATE_TO_VERIFY,
                                BB_ENTRY_STATE_RESENT, BB_ENTRY_STATE_RESOLVED };

  /* new → resolved skips the work */
  g_assert_false (bb_store_set_state (f->store, id, BB_ENTRY_STATE_RESOLVED, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (state_of (f, id), ==, BB_ENTRY_STATE_NEW);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_assert_true (bb_store_set_state (f->store, id, path[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (state_of (f, id), ==, path[i]);
    }
  /* the same state again changes nothing and is no error */
  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_RESOLVED, &error));
  g_assert_no_error (error);

  g_assert_false (bb_store_set_state (f->store, id, BB_ENTRY_STATE_RESENT, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (state_of (f, id), ==, BB_ENTRY_STATE_RESOLVED);

  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_DEAD, &error));
  g_assert_false (bb_store_set_state (f->store, id, BB_ENTRY_STATE_NEW, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (state_of (f, id), ==, BB_ENTRY_STATE_DEAD);

  /* any state may be given up */
  g_assert_true (bb_store_set_state (f->store, f->ids[1], BB_ENTRY_STATE_DEAD, &error));
  g_assert_no_error (error);

  g_assert_false (bb_store_set_state (f->store, 999999, BB_ENTRY_STATE_DEAD, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

/* ---- tags and notes ---- */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_tags_and_notes (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbEntry) entry = bb_store_get_entry (f->store, f->ids[2], &error);
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char  *numbers = NULL;
  const char *const after_add[] = { "2026-02-bounce", "Address to verify", "VIP客户", NULL };
  const char *const after_remove[] = { "2026-02-bounce", "VIP客户", NULL };
  const char *const bad[] = { "", " lead", "trail ", "a;b", "two\nlines", NULL };
  guint             tags_notified = 0;
  guint             state_notified = 0;
  guint             note_notified = 0;

  g_signal_connect (entry, "notify::tags", G_CALLBACK (count_notify_cb), &tags_notified);
  g_signal_connect (entry, "notify::state", G_CALLBACK (count_notify_cb), &state_notified);
  g_signal_connect (entry, "notify::note", G_CALLBACK (count_notify_cb), &note_notified);

  g_assert_true (bb_store_add_tag (f->store, f->ids[2], "VIP客户", &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_add_tag (f->store, f->ids[2], "VIP客户", &error)); /* twice: once */
  g_assert_true (bb_store_add_tag (f->store, f->ids[4], "VIP客户", &error));
  g_assert_true (bb_store_refresh_entry (f->store, entry, &error));
  g_assert_true (g_strv_equal (bb_entry_get_tags (entry), after_add));
  g_assert_cmpuint (tags_notified, ==, 1);
  g_assert_cmpuint (state_notified, ==, 0);
  /* nothing changed: no notification */
  g_assert_true (bb_store_refresh_entry (f->store, entry, &error));
  g_assert_cmpuint (tags_notified, ==, 1);

  filter->tag = g_strdup ("VIP客户");
  numbers = list_numbers (f, filter, 0, 0);
  g_assert_cmpstr (numbers, ==, "5,3");

  g_assert_true (bb_store_remove_tag (f->store, f->ids[2], "Address to verify", &error));
  g_assert_true (bb_store_remove_tag (f->store, f->ids[2], "never there", &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_refresh_entry (f->store, entry, &error));
  g_assert_true (g_strv_equal (bb_entry_get_tags (entry), after_remove));
  g_assert_cmpuint (tags_notified, ==, 2);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_assert_false (bb_store_add_tag (f->store, f->ids[2], bad[i], &error));
      g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (bb_store_add_tag (f->store, 999999, "x", &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a tag nobody carries any more is forgotten */
  g_assert_true (bb_store_remove_tag (f->store, f->ids[2], "VIP客户", &error));
  g_assert_true (bb_store_remove_tag (f->store, f->ids[4], "VIP客户", &error));
  tags = bb_store_count_tags (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tags->len; i++)
    g_assert_cmpstr (((BbStoreCount *) g_ptr_array_index (tags, i))->key, !=, "VIP客户");

  g_assert_true (bb_store_set_note (f->store, f->ids[2], "客户换了新邮箱, new: c.chen@beta2.example", &error));
  g_assert_true (bb_store_refresh_entry (f->store, entry, &error));
  g_assert_cmpstr (bb_entry_get_note (entry), ==, "客户换了新邮箱, new: c.chen@beta2.example");
  g_assert_cmpuint (note_notified, ==, 1);
  g_assert_true (bb_store_set_note (f->store, f->ids[2], NULL, &error));
  g_assert_true (bb_store_refresh_entry (f->store, entry, &error));
  g_assert_cmpstr (bb_entry_get_note (entry), ==, "");
  g_assert_false (bb_store_set_note (f->store, 999999, "x", &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

/* ---- search ---- */

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  struct
  {
    const char *text;
    const char *expected; /* sample numbers, newest first */
  } cases[] = {
    /* Chinese: one, two and three characters */
    { "钢", "6,1" },
    { "报价", "4,1" },
    { "不锈钢", "1" },
    { "钢管", "1" },
    /* English, any case, across words */
    { "quota", "6,4,2" },
    { "QUOTA", "6,4,2" },
    { "user unknown", "7,5,3,1" },
    { "gamma", "7,6,5" },
    { "zh", "6,4" },
    { "g", "7,6,5,2" }, /* gamma, b.wang */
    { "a.li@alpha.example", "1" },
    /* the note */
    { "新邮箱", "2" },
    { "邮", "2" },
    /* nothing */
    { "不存在的词", "" },
    { "xyz", "" },
    /* FTS5 syntax in the text is just text */
    { "pipes\"", "" },
    { "AND OR NOT", "" },
    { "\"quota\"", "" },
    { "   ", "7,6,5,4,3,2,1" },
  };

  g_assert_true (bb_store_set_note (f->store, f->ids[1], "客户换了新邮箱", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *numbers = NULL;

      g_free (filter->text);
      filter->text = g_strdup (cases[i].text);
      numbers = list_numbers (f, filter, 0, 0);
      g_test_message ("“%s” → %s", cases[i].text, numbers);
      g_assert_cmpstr (numbers, ==, cases[i].expected);
    }

  /* the index follows changes: a note replaced is found by its new text
   * only */
  g_assert_true (bb_store_set_note (f->store, f->ids[1], "已电话联系", &error));
  g_free (filter->text);
  filter->text = g_strdup ("新邮箱");
  g_assert_cmpint (bb_store_count_entries (f->store, filter, &error), ==, 0);
  g_free (filter->text);
  filter->text = g_strdup ("电话联系");
  g_assert_cmpint (bb_store_count_entries (f->store, filter, &error), ==, 1);
}

/* ---- filters, order, paging ---- */

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autofree char *all = NULL;

  g_assert_true (bb_store_set_state (f->store, f->ids[2], BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_no_error (error);

#define CHECK(expected)                                    \
  G_STMT_START                                             \
  {                                                        \
    g_autofree char *got = list_numbers (f, filter, 0, 0); \
    g_assert_cmpstr (got, ==, expected);                   \
  }                                                        \
  G_STMT_END

  CHECK ("7,6,5,4,3,2,1");
  g_assert_cmpint (bb_store_count_entries (f->store, filter, &error), ==, 7);

  filter->any_state = FALSE;
  filter->state = BB_ENTRY_STATE_TO_VERIFY;
  CHECK ("3");
  filter->state = BB_ENTRY_STATE_NEW;
  CHECK ("7,6,5,4,2,1");
  filter->any_state = TRUE;

  filter->category = g_strdup ("address");
  CHECK ("7,5,3,1");
  g_free (filter->category);
  filter->category = g_strdup ("mailbox");
  CHECK ("6,4,2");
  g_clear_pointer (&filter->category, g_free);

  filter->bounce_type = BB_BOUNCE_TYPE_HARD;
  CHECK ("7,5,3,1");
  filter->bounce_type = BB_BOUNCE_TYPE_SOFT;
  CHECK ("6,4,2");
  filter->bounce_type = BB_BOUNCE_TYPE_ANY;

  filter->since = test_unix ("2026-02-01T00:00:00Z");
  filter->until = test_unix ("2026-03-01T00:00:00Z");
  CHECK ("4,3");
  filter->until = 0;
  filter->bounce_type = BB_BOUNCE_TYPE_HARD;
  CHECK ("7,5,3");
  filter->since = 0;
  filter->bounce_type = BB_BOUNCE_TYPE_ANY;

  filter->domain = g_strdup ("GAMMA.example");
  CHECK ("7,6,5");
  g_clear_pointer (&filter->domain, g_free);

  filter->tag = g_strdup ("2026-03-bounce");
  CHECK ("7,6,5");
  filter->text = g_strdup ("quota");
  CHECK ("6");
  g_clear_pointer (&filter->tag, g_free);
  g_clear_pointer (&filter->text, g_free);

  /* order */
  filter->sort = BB_STORE_SORT_OLDEST;
  CHECK ("1,2,3,4,5,6,7");
  filter->sort = BB_STORE_SORT_ADDRESS;
  CHECK ("1,2,3,4,5,6,7");
  filter->sort = BB_STORE_SORT_DOMAIN;
  CHECK ("2,1,4,3,7,6,5");
  filter->sort = BB_STORE_SORT_STATE;
  CHECK ("7,6,5,4,2,1,3");
  filter->sort = BB_STORE_SORT_CATEGORY;
  CHECK ("7,5,3,1,6,4,2");

  /* the other way round (a second click on a column): the first key is
   * reversed, entries that tie stay newest first */
  filter->reverse = TRUE;
  filter->sort = BB_STORE_SORT_NEWEST;
  CHECK ("1,2,3,4,5,6,7");
  filter->sort = BB_STORE_SORT_ADDRESS;
  CHECK ("7,6,5,4,3,2,1");
  filter->sort = BB_STORE_SORT_DOMAIN;
  CHECK ("7,6,5,4,3,2,1");
  filter->sort = BB_STORE_SORT_STATE;
  CHECK ("3,7,6,5,4,2,1");
  filter->reverse = FALSE;

  /* pages of three add up to the whole list, in the same order */
  filter->sort = BB_STORE_SORT_NEWEST;
  all = list_numbers (f, filter, 0, 0);
  {
    g_autoptr (GString) pages = g_string_new (NULL);

    for (guint offset = 0; offset < 9; offset += 3)
      {
        g_autofree char *page = list_numbers (f, filter, offset, 3);

        if (*page != '\0')
          g_string_append_printf (pages, "%s%s", pages->len > 0 ? "," : "", page);
      }
    g_assert_cmpstr (pages->str, ==, all);
  }
  {
    g_autofree char *page = list_numbers (f, filter, 3, 2);

    g_assert_cmpstr (page, ==, "4,3");
  }
#undef CHECK
}

/* ---- figures ---- */

static void
assert_count (GPtrArray  *counts,
              guint       index,
              const char *key,
              const char *detail,
              gint64      count,
              gint64      hard)
{
  BbStoreCount *c;

  g_assert_cmpuint (index, <, counts->len);
  c = g_ptr_array_index (counts, index);
  g_assert_cmpstr (c->key, ==, key);
  g_assert_cmpstr (c->detail, ==, detail);
  g_assert_cmpint (c->count, ==, count);
  g_assert_cmpint (c->hard, ==, hard);
}

static void
test_stats (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months = NULL;
  g_autoptr (GPtrArray) weeks = NULL;
  g_autoptr (GPtrArray) domains = NULL;
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (GPtrArray) days = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autofree char *numbers = NULL;
  gint64           now = test_unix ("2026-03-02T10:00:00Z");
  gint64           n_due = 0;

  months = bb_store_count_by_period (f->store, BB_STORE_PERIOD_MONTH, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 6);
  assert_count (months, 0, "2026-01", "address", 1, 1);
  assert_count (months, 1, "2026-01", "mailbox", 1, 0);
  assert_count (months, 2, "2026-02", "address", 1, 1);
  assert_count (months, 3, "2026-02", "mailbox", 1, 0);
  assert_count (months, 4, "2026-03", "address", 2, 2);
  assert_count (months, 5, "2026-03", "mailbox", 1, 0);

  /* weeks are named by their Monday; 2026-03-01 is a Sunday */
  weeks = bb_store_count_by_period (f->store, BB_STORE_PERIOD_WEEK, test_unix ("2026-02-01T00:00:00Z"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 4);
  assert_count (weeks, 0, "2026-02-02", "address", 1, 1);
  assert_count (weeks, 1, "2026-02-09", "mailbox", 1, 0);
  assert_count (weeks, 2, "2026-02-23", "address", 2, 2);
  assert_count (weeks, 3, "2026-02-23", "mailbox", 1, 0);

  domains = bb_store_top_domains (f->store, 0, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (domains->len, ==, 2);
  assert_count (domains, 0, "gamma.example", NULL, 3, 2);
  assert_count (domains, 1, "alpha.example", NULL, 2, 1);

  g_assert_true (bb_store_set_state (f->store, f->ids[2], BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_true (bb_store_set_state (f->store, f->ids[3], BB_ENTRY_STATE_DEAD, &error));
  states = bb_store_count_by_state (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 3);
  assert_count (states, 0, "new", NULL, 5, 3);
  assert_count (states, 1, "to_verify", NULL, 1, 1);
  assert_count (states, 2, "dead", NULL, 1, 0);

  /* one domain bounced three times on 2026-03-01 */
  days = bb_store_domains_per_day (f->store, 0, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  assert_count (days, 0, "2026-03-01", "gamma.example", 3, 2);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = bb_store_domains_per_day (f->store, test_unix ("2026-03-02T00:00:00Z"), 0, 1, &error);
  g_assert_cmpuint (days->len, ==, 0);

  /* soft bounces 24–48 hours old: only the one of 2026-03-01 09:00 */
  due = bb_store_list_retry_due (f->store, now, 24, 48, 0, NULL, &error);
  g_assert_no_error (error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "6");
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);
  /* without an end: every soft bounce not acted on (4 is dead) */
  due = bb_store_list_retry_due (f->store, now, 24, 0, 0, NULL, &error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "2,6");
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);
  /* the oldest first when the list is cut short, and the count of all */
  due = bb_store_list_retry_due (f->store, now, 24, 0, 1, &n_due, &error);
  g_assert_no_error (error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "2");
  g_assert_cmpint (n_due, ==, 2);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);
  g_assert_true (bb_store_set_state (f->store, f->ids[1], BB_ENTRY_STATE_RESENT, &error));
  due = bb_store_list_retry_due (f->store, now, 24, 0, 0, NULL, &error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "6");
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);

  /* the quarterly review: hard bounces at least 90 days old */
  due = bb_store_list_review_due (f->store, test_unix ("2026-04-20T00:00:00Z"), 90, 0, NULL, &error);
  g_assert_no_error (error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "1");
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);
  due = bb_store_list_review_due (f->store, test_unix ("2026-06-01T00:00:00Z"), 90, 0, NULL, &error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "1,3,5,7");
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&numbers, g_free);
  for (guint limit = 1; limit <= 5; limit++)
    {
      const char *expected[] = { NULL, "1", "1,3", "1,3,5", "1,3,5,7", "1,3,5,7" };

      n_due = -1;
      due = bb_store_list_review_due (f->store, test_unix ("2026-06-01T00:00:00Z"), 90, limit, &n_due, &error);
      g_assert_no_error (error);
      numbers = sample_numbers (f, due);
      g_assert_cmpstr (numbers, ==, expected[limit]);
      g_assert_cmpint (n_due, ==, 4);
      g_clear_pointer (&due, g_ptr_array_unref);
      g_clear_pointer (&numbers, g_free);
    }
  /* settled ones drop out, and so does an address that bounced again
   * lately (its latest hard bounce is not 90 days old) */
  g_assert_true (bb_store_set_state (f->store, f->ids[4], BB_ENTRY_STATE_DEAD, &error));
  test_log_one (f->store, "Wed, 20 May 2026 10:00:00 +0000", "a.li@alpha.example", TRUE, "again");
  due = bb_store_list_review_due (f->store, test_unix ("2026-06-01T00:00:00Z"), 90, 0, NULL, &error);
  numbers = sample_numbers (f, due);
  g_assert_cmpstr (numbers, ==, "3,7");
}

/* ---- analysing again ---- */

static void
test_reanalyse (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbEntry) entry = NULL;
  g_autoptr (BbEntry) moved = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autofree char *sql = NULL;
  BbReanalyseStats stats = { 0 };
  gint64           id = f->ids[0];
  gint64           other = f->ids[2];

  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_true (bb_store_set_note (f->store, id, "打过电话", &error));
  g_assert_true (bb_store_add_tag (f->store, id, "VIP客户", &error));
  g_assert_true (bb_store_remove_tag (f->store, id, "Address to verify", &error));
  g_assert_no_error (error);

  /* what an older engine might have said about sample 1; and sample 3's
   * recipient renamed, as if an older engine had read the address wrong */
  sql = g_strdup_printf ("UPDATE entries SET reason = 'undefined', category = 'unknown', hard_bounce = 0,"
                         " status = NULL WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE entries SET address = 'c.chen@beta.exampl' WHERE id = %" G_GINT64_FORMAT ";",
                         id, other);
  test_sql_exec (f->path, sql);

  g_assert_true (bb_store_reanalyse_all (f->store, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.messages, ==, G_N_ELEMENTS (samples));
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (stats.unchanged, ==, G_N_ELEMENTS (samples) - 2);
  g_assert_cmpuint (stats.added, ==, 1);
  g_assert_cmpuint (stats.kept, ==, 1);

  entry = bb_store_get_entry (f->store, id, &error);
  g_assert_cmpstr (bb_entry_get_reason (entry), ==, "userunknown");
  g_assert_cmpstr (bb_entry_get_category (entry), ==, "address");
  g_assert_cmpstr (bb_entry_get_status (entry), ==, "5.1.1");
  g_assert_true (bb_entry_get_hard_bounce (entry));
  /* the rep's work stays, and a hard bounce is to be verified again */
  g_assert_cmpint (bb_entry_get_state (entry), ==, BB_ENTRY_STATE_TO_VERIFY);
  g_assert_cmpstr (bb_entry_get_note (entry), ==, "打过电话");
  g_assert_true (bb_entry_has_tag (entry, "VIP客户"));
  g_assert_true (bb_entry_has_tag (entry, "Address to verify"));

  /* the misread entry is kept; the right address is a new entry */
  moved = bb_store_get_entry (f->store, other, &error);
  g_assert_cmpstr (bb_entry_get_address (moved), ==, "c.chen@beta.exampl");
  filter->text = g_strdup ("c.chen@beta.example");
  found = bb_store_list_entries (f->store, filter, 0, 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (bb_entry_get_id (g_ptr_array_index (found, 0)), >, f->ids[6]);

  /* once more: nothing to do */
  g_assert_true (bb_store_reanalyse_all (f->store, NULL, &stats, &error));
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, G_N_ELEMENTS (samples));
  g_assert_cmpuint (stats.kept, ==, 1);
}

/* ---- async ---- */

typedef struct
{
  GMainContext *context;
  guint         committed_events;
  guint         last_committed;
  gboolean      done;
  BbImportStats stats;
  GPtrArray    *entries;
  gboolean      ok;
} AsyncState;

static void
on_import_event (BbImportEvent        event,
                 const BbImportStats *stats,
                 const char          *label,
                 const char          *error,
                 gpointer             user_data)
{
  AsyncState *state = user_data;

  /* delivered in the caller's main context, not the worker's */
  g_assert_true (g_main_context_is_owner (state->context));
  g_assert_cmpint (event, ==, BB_IMPORT_EVENT_COMMITTED);
  g_assert_cmpuint (stats->messages, >, state->last_committed);
  g_assert_nonnull (label);
  state->last_committed = stats->messages;
  state->committed_events++;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr (GError) error = NULL;

  state->ok = bb_store_import_paths_finish (BB_STORE (source), result, &state->stats, &error);
  g_assert_no_error (error);
  state->done = TRUE;
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr (GError) error = NULL;

  state->entries = bb_store_list_entries_finish (BB_STORE (source), result, &error);
  g_assert_no_error (error);
  state->done = TRUE;
}

static void
reanalyse_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr (GError) error = NULL;
  BbReanalyseStats stats = { 0 };

  state->ok = bb_store_reanalyse_all_finish (BB_STORE (source), result, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.messages, ==, state->stats.added);
  state->done = TRUE;
}

static void
run_until_done (AsyncState *state)
{
  while (!state->done)
    g_main_context_iteration (state->context, TRUE);
  state->done = FALSE;
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *dir = data_path ("chinese", NULL);
  g_autofree char *a = g_build_filename (dir, "01-netease-userunknown-blacklist-trap.eml", NULL);
  g_autofree char *b = g_build_filename (dir, "05-qq-domain-not-found.eml", NULL);
  g_autofree char *c = g_build_filename (dir, "07-exmail-mailbox-full.eml", NULL);
  g_autofree char *d = g_build_filename (dir, "10-autoreply-zh.eml", NULL);
  g_autofree char *e = g_build_filename (dir, "12-coremail-gbk-raw-subject.eml", NULL);
  const char      *paths[] = { a, b, c, d, e, NULL };
  AsyncState       state = { 0 };

  state.context = g_main_context_default ();
  g_main_context_acquire (state.context);

  bb_store_import_paths_async (f->store, paths, 2, on_import_event, &state, NULL, import_done_cb, &state);
  run_until_done (&state);
  g_assert_true (state.ok);
  /* batches of two messages: 2, 4, 5 */
  g_assert_cmpuint (state.committed_events, ==, 3);
  g_assert_cmpuint (state.last_committed, ==, 5);
  g_assert_cmpuint (state.stats.messages, ==, 5);
  g_assert_cmpuint (state.stats.added, ==, 4);
  g_assert_cmpuint (state.stats.not_bounces, ==, 1);

  bb_store_list_entries_async (f->store, NULL, 0, 3, NULL, list_done_cb, &state);
  run_until_done (&state);
  g_assert_cmpuint (state.entries->len, ==, 3);
  g_clear_pointer (&state.entries, g_ptr_array_unref);

  bb_store_reanalyse_all_async (f->store, NULL, reanalyse_done_cb, &state);
  run_until_done (&state);
  g_assert_true (state.ok);

  g_main_context_release (state.context);
}

static void
test_import_cancelled (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *dir = data_path ("corpus", "bounces", NULL);
  const char      *paths[] = { dir, NULL };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  BbImportStats stats = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (bb_store_import_paths (f->store, paths, 10, NULL, NULL, cancellable, &stats, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stats.messages, ==, 0);
}

/* ---- the list model ---- */

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (position, ==, 0);
  calls[0]++;
  calls[1] = removed;
  calls[2] = added;
}

static void
test_entry_list (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (BbEntryList) list = NULL;
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  g_autoptr (BbEntry) first = NULL;
  g_autoptr (BbEntry) last = NULL;
  g_autoptr (BbEntry) middle = NULL;
  g_autoptr (GError) error = NULL;
  guint       calls[3] = { 0, 0, 0 };
  const guint n = 450; /* more than two pages */

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *address = g_strdup_printf ("user%03u@example.org", i);
      g_autofree char *date = g_strdup_printf ("Mon, 02 Mar 2026 %02u:%02u:00 +0000", i / 60, i % 60);
      const char      *addresses[] = { address, NULL };
      g_autoptr (GBytes) raw = test_make_bounce (date, addresses, i % 3 == 0 ? TEST_HARD_STATUS : TEST_SOFT_STATUS,
                                                 i % 3 == 0 ? TEST_HARD_DIAGNOSTIC : TEST_SOFT_DIAGNOSTIC,
                                                 "bulk", address);

      g_assert_true (bb_store_log_message (f->store, raw, address, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  list = bb_entry_list_new (f->store, NULL);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == BB_TYPE_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  middle = g_list_model_get_item (G_LIST_MODEL (list), 250);
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_cmpstr (bb_entry_get_address (first), ==, "user449@example.org");
  g_assert_cmpstr (bb_entry_get_address (middle), ==, "user199@example.org");
  g_assert_cmpstr (bb_entry_get_address (last), ==, "user000@example.org");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  /* every page, out of order: the cache gives the same answers */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr (BbEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *expected = g_strdup_printf ("user%03u@example.org", n - 1 - i);

      g_assert_cmpstr (bb_entry_get_address (entry), ==, expected);
    }

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), calls);
  test_log_one (f->store, "Tue, 03 Mar 2026 10:00:00 +0000", "late@example.org", FALSE, "late");
  bb_entry_list_reload (list);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, n);
  g_assert_cmpuint (calls[2], ==, n + 1);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bb_entry_get_address (first), ==, "late@example.org");

  filter->bounce_type = BB_BOUNCE_TYPE_HARD;
  bb_entry_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n / 3);
  g_assert_cmpuint (calls[0], ==, 2);
  g_assert_cmpuint (calls[2], ==, n / 3);
}

/* ---- many entries at once ---- */

static BbStoreFilter *
filter_for_ids (Fixture *f,
                ...)
{
  BbStoreFilter *filter = bb_store_filter_new ();
  va_list        args;
  int            sample;

  filter->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_start (args, f);
  while ((sample = va_arg (args, int)) > 0)
    g_array_append_val (filter->ids, f->ids[sample - 1]);
  va_end (args);
  return filter;
}

static void
test_bulk_state_and_tags (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbStoreFilter) pick = filter_for_ids (f, 1, 2, 3, 0);
  g_autoptr (BbStoreFilter) none = filter_for_ids (f, 0);
  g_autoptr (BbStoreFilter) tagged = bb_store_filter_new ();
  g_autoptr (BbStoreFilter) copy = NULL;
  g_autofree char *numbers = NULL;
  guint changed = 99;
  guint refused = 99;

  /* the copy keeps the selection */
  copy = bb_store_filter_copy (pick);
  g_assert_nonnull (copy->ids);
  g_assert_cmpuint (copy->ids->len, ==, 3);
  g_assert_cmpint (g_array_index (copy->ids, gint64, 2), ==, f->ids[2]);
  numbers = list_numbers (f, copy, 0, 0);
  g_assert_cmpstr (numbers, ==, "3,2,1");
  g_clear_pointer (&numbers, g_free);
  /* an empty selection lets nothing through */
  g_assert_cmpint (bb_store_count_entries (f->store, none, &error), ==, 0);

  g_assert_true (bb_store_set_state (f->store, f->ids[1], BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_true (bb_store_set_state (f->store, f->ids[1], BB_ENTRY_STATE_RESENT, &error));
  /* 1 and 3 are new (resolved would skip the work), 2 was resent */
  g_assert_true (bb_store_set_state_matching (f->store, pick, BB_ENTRY_STATE_RESOLVED, &changed, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (refused, ==, 2);
  g_assert_cmpint (state_of (f, f->ids[0]), ==, BB_ENTRY_STATE_NEW);
  g_assert_cmpint (state_of (f, f->ids[1]), ==, BB_ENTRY_STATE_RESOLVED);
  g_assert_cmpint (state_of (f, f->ids[2]), ==, BB_ENTRY_STATE_NEW);

  /* to verify: the two new ones move, the resolved one is an end */
  g_assert_true (bb_store_set_state_matching (f->store, pick, BB_ENTRY_STATE_TO_VERIFY, &changed, &refused, &error));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpint (state_of (f, f->ids[0]), ==, BB_ENTRY_STATE_TO_VERIFY);
  g_assert_cmpint (state_of (f, f->ids[1]), ==, BB_ENTRY_STATE_RESOLVED);
  /* again: nothing changes; those already there are not refused */
  g_assert_true (bb_store_set_state_matching (f->store, pick, BB_ENTRY_STATE_TO_VERIFY, &changed, &refused, &error));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (refused, ==, 1);
  /* outside the selection nothing moved */
  g_assert_cmpint (state_of (f, f->ids[3]), ==, BB_ENTRY_STATE_NEW);
  g_assert_cmpint (state_of (f, f->ids[6]), ==, BB_ENTRY_STATE_NEW);

  /* a tag for the selection, counted once per entry that did not have it */
  g_assert_true (bb_store_add_tag (f->store, f->ids[0], "展会客户", &error));
  g_assert_true (bb_store_add_tag_matching (f->store, pick, "展会客户", &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  tagged->tag = g_strdup ("展会客户");
  numbers = list_numbers (f, tagged, 0, 0);
  g_assert_cmpstr (numbers, ==, "3,2,1");
  g_clear_pointer (&numbers, g_free);
  /* a bad tag is refused, an empty selection makes no tag */
  g_assert_false (bb_store_add_tag_matching (f->store, pick, "a;b", &changed, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bb_store_add_tag_matching (f->store, none, "nobody", &changed, &error));
  g_assert_cmpuint (changed, ==, 0);
  {
    g_autoptr (GPtrArray) tags = bb_store_count_tags (f->store, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < tags->len; i++)
      g_assert_cmpstr (((BbStoreCount *) g_ptr_array_index (tags, i))->key, !=, "nobody");
  }
}

static void
test_bulk_delete_undo (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BbStoreFilter) pick = filter_for_ids (f, 5, 6, 7, 0);
  g_autoptr (BbStoreFilter) search = bb_store_filter_new ();
  g_autoptr (BbStoreFilter) tagged = bb_store_filter_new ();
  g_autoptr (BbEntry) before = NULL;
  g_autoptr (BbEntry) after = NULL;
  g_autofree char *numbers = NULL;
  guint n = 99;

  /* nothing to undo yet */
  g_assert_true (bb_store_undo_delete (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (bb_store_set_state (f->store, f->ids[4], BB_ENTRY_STATE_DEAD, &error));
  g_assert_true (bb_store_set_note (f->store, f->ids[4], "换人了", &error));
  g_assert_true (bb_store_add_tag (f->store, f->ids[4], "只此一家", &error));
  before = bb_store_get_entry (f->store, f->ids[4], &error);
  g_assert_no_error (error);

  g_assert_true (bb_store_delete_matching (f->store, pick, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  numbers = list_numbers (f, NULL, 0, 0);
  g_assert_cmpstr (numbers, ==, "4,3,2,1");
  g_clear_pointer (&numbers, g_free);
  /* gone from the search index, their tag forgotten, message gone */
  search->text = g_strdup ("Catalogue");
  g_assert_cmpint (bb_store_count_entries (f->store, search, &error), ==, 0);
  tagged->tag = g_strdup ("只此一家");
  g_assert_cmpint (bb_store_count_entries (f->store, tagged, &error), ==, 0);
  g_assert_null (bb_store_get_entry (f->store, f->ids[4], &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* meanwhile one of them is logged again, and a new entry takes the
   * next id */
  {
    g_autofree char *date = rfc2822 (samples[6].when);
    g_autofree char *other = rfc2822 ("2026-04-01T10:00:00Z");

    test_log_one (f->store, date, samples[6].address, samples[6].hard, samples[6].subject);
    test_log_one (f->store, other, "h.he@delta.example", TRUE, "New");
  }

  g_assert_true (bb_store_undo_delete (f->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2); /* the one logged again is not doubled */
  g_assert_cmpint (bb_store_count_entries (f->store, NULL, &error), ==, 7 + 1);
  g_assert_cmpint (bb_store_count_entries (f->store, search, &error), ==, 1);
  g_assert_cmpint (bb_store_count_entries (f->store, tagged, &error), ==, 1);

  /* everything about the entry came back; its id was taken meanwhile
   * (SQLite hands out the highest id + 1), so it has a new one */
  {
    g_autoptr (GPtrArray) all = bb_store_list_entries (f->store, NULL, 0, 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (bb_entry_get_address (g_ptr_array_index (all, i)), samples[4].address) == 0)
        {
          g_assert_null (after);
          after = g_object_ref (g_ptr_array_index (all, i));
        }
  }
  g_assert_nonnull (after);
  g_assert_cmpint (bb_entry_get_id (after), !=, f->ids[4]);
  g_assert_cmpint (bb_entry_get_state (after), ==, BB_ENTRY_STATE_DEAD);
  g_assert_cmpstr (bb_entry_get_note (after), ==, "换人了");
  g_assert_true (g_strv_equal (bb_entry_get_tags (after), bb_entry_get_tags (before)));
  g_assert_cmpstr (bb_entry_get_address (after), ==, samples[4].address);
  g_assert_true (bb_entry_get_has_message (after));
  {
    g_autoptr (GBytes) raw = bb_store_dup_message (f->store, bb_entry_get_id (after), &error);

    g_assert_no_error (error);
    g_assert_nonnull (raw);
  }

  /* undone once: a second undo does nothing */
  g_assert_true (bb_store_undo_delete (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (bb_store_count_entries (f->store, NULL, &error), ==, 8);

  /* the delete is final once the log is closed */
  g_assert_true (bb_store_delete_matching (f->store, pick, &n, &error));
  g_assert_cmpuint (n, ==, 3);
  test_finalize_object (f->store);
  f->store = bb_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (bb_store_undo_delete (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (bb_store_count_entries (f->store, NULL, &error), ==, 5);
}

/* Domains the user's mail reaches: not those that only ever bounced for
 * the address or the domain, until a contact there is resolved. */
static void
test_known_domains (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) before = NULL;
  g_auto (GStrv) after = NULL;
  const char *const expected[] = { "alpha.example", "beta.example", "gamma.example", NULL };
  const char *const expected_after[] = { "alpha.example", "beta.example", "delta.example", "gamma.example", NULL };
  g_autofree char *date = rfc2822 ("2026-04-01T10:00:00Z");
  gint64 id = test_log_one (f->store, date, "h.he@delta.example", TRUE, "Hello");

  before = bb_store_list_known_domains (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char *const *) before, expected));

  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_TO_VERIFY, &error));
  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_RESENT, &error));
  g_assert_true (bb_store_set_state (f->store, id, BB_ENTRY_STATE_RESOLVED, &error));
  after = bb_store_list_known_domains (f->store, &error);
  g_assert_true (g_strv_equal ((const char *const *) after, expected_after));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  test_store_init (&argc, &argv);

#define ADD(path, func, with_samples) \
  g_test_add (path, Fixture, with_samples ? "samples" : NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bb/store/log/dedupe", test_dedupe, FALSE);
  ADD ("/bb/store/log/multiple-recipients", test_multiple_recipients, FALSE);
  ADD ("/bb/store/log/not-bounces", test_not_bounces, FALSE);
  ADD ("/bb/store/log/auto-tags", test_auto_tags, TRUE);
  g_test_add_func ("/bb/store/state/rules", test_state_rules);
  ADD ("/bb/store/state/changes", test_state_changes, TRUE);
  ADD ("/bb/store/tags-and-notes", test_tags_and_notes, TRUE);
  ADD ("/bb/store/search", test_search, TRUE);
  ADD ("/bb/store/filters", test_filters, TRUE);
  ADD ("/bb/store/stats", test_stats, TRUE);
  ADD ("/bb/store/reanalyse", test_reanalyse, TRUE);
  ADD ("/bb/store/async", test_async, FALSE);
  ADD ("/bb/store/import-cancelled", test_import_cancelled, FALSE);
  ADD ("/bb/store/entry-list", test_entry_list, FALSE);
  ADD ("/bb/store/bulk/state-and-tags", test_bulk_state_and_tags, TRUE);
  ADD ("/bb/store/bulk/delete-undo", test_bulk_delete_undo, TRUE);
  ADD ("/bb/store/known-domains", test_known_domains, TRUE);
#undef ADD

  return g_test_run ();
}
