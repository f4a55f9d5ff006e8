/* bb-store-export.c - the log as CSV or Excel, and CSV files merged back
 * in (a team pools its logs)
 *
 * The columns are the same in both formats and their order is the CSV
 * format: import reads them by position, because the header row is
 * translated (a file exported in Chinese imports on an English system).
 * The first column is the entry's key, "<SHA-256 of the message>:<address>",
 * which is what makes an import merge instead of duplicating.
 *
 * CSV holds machine values where a value is a name (state, category,
 * reason, hard/soft, urgency, side, provider), so that it imports the
 * same in any language; the "What happened" column says it in words.
 * The workbook is for people: everything in words, dates in local time.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-entry-private.h"
#include "bb-export-private.h"
#include "bb-store-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

enum
{
  COL_KEY,
  COL_ID,
  COL_ADDRESS,
  COL_DOMAIN,
  COL_BOUNCED_AT,
  COL_STATE,
  COL_TAGS,
  COL_NOTE,
  COL_CATEGORY,
  COL_HEADLINE,
  COL_REASON,
  COL_TYPE,
  COL_STATUS,
  COL_REPLY_CODE,
  COL_URGENCY,
  COL_SIDE,
  COL_PROVIDER,
  COL_PROVIDER_CODE,
  COL_DIAGNOSTIC,
  COL_EVIDENCE,
  COL_SUBJECT,
  COL_ORIG_DATE,
  COL_ORIG_MESSAGE_ID,
  COL_ORIG_FROM,
  COL_ORIG_TO,
  COL_SOURCE,
  COL_KIND,
  N_COLUMNS
};

typedef struct
{
  const char *header; /* msgid, context "export column" */
  double      width;  /* in the workbook, in characters */
} Column;

/* Translators: the column headers of the bounce log's CSV and Excel
 * exports.  Keep them short. */
static const Column columns[N_COLUMNS] = {
  [COL_KEY] = { NC_ ("export column", "Key"), 20 },
  [COL_ID] = { NC_ ("export column", "No."), 8 },
  [COL_ADDRESS] = { NC_ ("export column", "Address"), 32 },
  [COL_DOMAIN] = { NC_ ("export column", "Domain"), 20 },
  [COL_BOUNCED_AT] = { NC_ ("export column", "Bounced at (UTC)"), 18 },
  [COL_STATE] = { NC_ ("export column", "State"), 10 },
  [COL_TAGS] = { NC_ ("export column", "Tags"), 24 },
  [COL_NOTE] = { NC_ ("export column", "Note"), 30 },
  [COL_CATEGORY] = { NC_ ("export column", "Category"), 24 },
  [COL_HEADLINE] = { NC_ ("export column", "What happened"), 40 },
  [COL_REASON] = { NC_ ("export column", "Reason"), 14 },
  [COL_TYPE] = { NC_ ("export column", "Hard or soft"), 12 },
  [COL_STATUS] = { NC_ ("export column", "Status code"), 10 },
  [COL_REPLY_CODE] = { NC_ ("export column", "Reply code"), 10 },
  [COL_URGENCY] = { NC_ ("export column", "Urgency"), 10 },
  [COL_SIDE] = { NC_ ("export column", "Who must act"), 14 },
  [COL_PROVIDER] = { NC_ ("export column", "Provider"), 16 },
  [COL_PROVIDER_CODE] = { NC_ ("export column", "Provider code"), 12 },
  [COL_DIAGNOSTIC] = { NC_ ("export column", "Server’s message"), 60 },
  [COL_EVIDENCE] = { NC_ ("export column", "Evidence"), 40 },
  [COL_SUBJECT] = { NC_ ("export column", "Subject of your mail"), 40 },
  [COL_ORIG_DATE] = { NC_ ("export column", "Sent at"), 20 },
  [COL_ORIG_MESSAGE_ID] = { NC_ ("export column", "Message-ID"), 30 },
  [COL_ORIG_FROM] = { NC_ ("export column", "From"), 28 },
  [COL_ORIG_TO] = { NC_ ("export column", "To"), 28 },
  [COL_SOURCE] = { NC_ ("export column", "Source"), 24 },
  [COL_KIND] = { NC_ ("export column", "Kind"), 10 },
};

static const char *
column_header (guint    col,
               gboolean workbook)
{
  /* the workbook shows local time */
  if (workbook && col == COL_BOUNCED_AT)
    return C_ ("export column", "Bounced at");
  return g_dpgettext2 (GETTEXT_PACKAGE, "export column", columns[col].header);
}

static BbCategory
category_from_string (const char *name)
{
  for (guint i = 0; i < BB_N_CATEGORIES; i++)
    if (g_strcmp0 (bb_category_to_string ((BbCategory) i), name) == 0)
      return (BbCategory) i;
  return BB_CATEGORY_UNKNOWN;
}

static gboolean
is_category (const char *name)
{
  for (guint i = 0; i < BB_N_CATEGORIES; i++)
    if (g_strcmp0 (bb_category_to_string ((BbCategory) i), name) == 0)
      return TRUE;
  return FALSE;
}

static const char *
urgency_title (const char *name)
{
  const BbUrgency all[] = { BB_URGENCY_LOW, BB_URGENCY_MEDIUM, BB_URGENCY_HIGH };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (bb_urgency_to_string (all[i]), name) == 0)
      return bb_kb_urgency_title (all[i]);
  return name;
}

static const char *
side_title (const char *name)
{
  const BbSide all[] = { BB_SIDE_UNKNOWN, BB_SIDE_RECIPIENT, BB_SIDE_SENDER, BB_SIDE_NOBODY };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (bb_side_to_string (all[i]), name) == 0)
      return bb_kb_side_title (all[i]);
  return name;
}

static const char *
headline (BbEntry *entry)
{
  const BbReasonInfo *info = bb_kb_reason_info (entry->reason);

  if (info != NULL)
    return bb_kb_gettext (info->headline);
  return bb_kb_category_title (category_from_string (entry->category));
}

/* The value of @col, as CSV holds it (machine names) or as the workbook
 * shows it (words).  Returns a string to free. */
static char *
cell (BbEntry *entry,
      guint    col,
      gboolean words)
{
  switch (col)
    {
    case COL_KEY:
      return bb_entry_dup_key (entry);
    case COL_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
    case COL_ADDRESS:
      return g_strdup (entry->address);
    case COL_DOMAIN:
      return g_strdup (entry->domain);
    case COL_BOUNCED_AT:
      return bb_entry_dup_bounced_at_iso8601 (entry);
    case COL_STATE:
      return g_strdup (words ? bb_entry_state_title (entry->state) : bb_entry_state_to_string (entry->state));
    case COL_TAGS:
      return g_strjoinv ("; ", entry->tags);
    case COL_NOTE:
      return g_strdup (entry->note);
    case COL_CATEGORY:
      return g_strdup (words ? bb_kb_category_title (category_from_string (entry->category)) : entry->category);
    case COL_HEADLINE:
      return g_strdup (headline (entry));
    case COL_REASON:
      return g_strdup (entry->reason);
    case COL_TYPE:
      if (words)
        return g_strdup (entry->hard_bounce ? _ ("Hard bounce") : _ ("Soft bounce"));
      return g_strdup (entry->hard_bounce ? "hard" : "soft");
    case COL_STATUS:
      return g_strdup (entry->status);
    case COL_REPLY_CODE:
      return g_strdup (entry->reply_code);
    case COL_URGENCY:
      return g_strdup (words ? urgency_title (entry->urgency) : entry->urgency);
    case COL_SIDE:
      return g_strdup (words ? side_title (entry->side) : entry->side);
    case COL_PROVIDER:
      if (words && entry->provider_id != NULL && bb_provider_lookup_id (entry->provider_id) != NULL)
        return g_strdup (bb_provider_get_display_name (bb_provider_lookup_id (entry->provider_id)));
      return g_strdup (entry->provider_id);
    case COL_PROVIDER_CODE:
      return g_strdup (entry->provider_code);
    case COL_DIAGNOSTIC:
      return g_strdup (entry->diagnostic);
    case COL_EVIDENCE:
      return g_strdup (entry->evidence);
    case COL_SUBJECT:
      return g_strdup (entry->subject);
    case COL_ORIG_DATE:
      return g_strdup (entry->original_date);
    case COL_ORIG_MESSAGE_ID:
      return g_strdup (entry->original_message_id);
    case COL_ORIG_FROM:
      return g_strdup (entry->original_from);
    case COL_ORIG_TO:
      return g_strdup (entry->original_to);
    case COL_SOURCE:
      return g_strdup (entry->source);
    case COL_KIND:
      return g_strdup (entry->kind);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- CSV ---- */

typedef struct
{
  BbCsvWriter *writer;
  guint        n;
} CsvExport;

static gboolean
write_csv_entry (BbEntry *entry,
                 gpointer user_data,
                 GError **error)
{
  CsvExport *export = user_data;

  for (guint col = 0; col < N_COLUMNS; col++)
    {
      g_autofree char *value = cell (entry, col, FALSE);

      _bb_csv_writer_field (export->writer, value);
    }
  export->n++;
  return _bb_csv_writer_end_row (export->writer, error);
}

static gboolean
export_csv (BbStore             *self,
            const BbStoreFilter *filter,
            const char          *path,
            guint               *n_exported,
            GError             **error)
{
  g_autoptr (BbCsvWriter) writer = _bb_csv_writer_new (path, error);
  CsvExport export = { 0 };

  if (writer == NULL)
    return FALSE;
  for (guint col = 0; col < N_COLUMNS; col++)
    _bb_csv_writer_field (writer, column_header (col, FALSE));
  if (!_bb_csv_writer_end_row (writer, error))
    return FALSE;
  export.writer = writer;
  if (!_bb_store_foreach_entry (self, filter, write_csv_entry, &export, error) ||
      !_bb_csv_writer_close (writer, error))
    return FALSE;
  *n_exported = export.n;
  return TRUE;
}

/* ---- XLSX ---- */

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *date_format;
  lxw_format    *wrap_format;
  guint          row;
} XlsxExport;

static gboolean
write_xlsx_entry (BbEntry *entry,
                  gpointer user_data,
                  GError **error)
{
  XlsxExport *export = user_data;

  export->row++;
  for (guint col = 0; col < N_COLUMNS; col++)
    {
      g_autofree char *value = NULL;

      if (col == COL_ID)
        {
          worksheet_write_number (export->sheet, export->row, (lxw_col_t) col, (double) entry->id, NULL);
          continue;
        }
      if (col == COL_BOUNCED_AT)
        {
          g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (entry->bounced_at);

          if (local != NULL)
            {
              lxw_datetime when = {
                .year = g_date_time_get_year (local),
                .month = g_date_time_get_month (local),
                .day = g_date_time_get_day_of_month (local),
                .hour = g_date_time_get_hour (local),
                .min = g_date_time_get_minute (local),
                .sec = g_date_time_get_second (local),
              };

              worksheet_write_datetime (export->sheet, export->row, (lxw_col_t) col, &when, export->date_format);
            }
          continue;
        }
      value = cell (entry, col, TRUE);
      _bb_xlsx_write_string (export->sheet, export->row, col, value,
                             col == COL_NOTE ? export->wrap_format : NULL);
    }
  return TRUE;
}

static gboolean
export_xlsx (BbStore             *self,
             const BbStoreFilter *filter,
             const char          *path,
             guint               *n_exported,
             GError             **error)
{
  g_autofree char *temp_path = _bb_xlsx_temp_path (path);
  g_autofree char *tmpdir = g_path_get_dirname (path);
  /* constant memory: rows go to a temporary file as they are written,
   * so 100,000 entries do not sit in memory */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook        *workbook;
  lxw_format          *bold;
  XlsxExport export = { 0 };
  GError *local_error = NULL;

  workbook = workbook_new_opt (temp_path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED, _ ("Could not write “%s”."), path);
      return FALSE;
    }
  /* Translators: the name of the sheet in the Excel export of the log
   * (at most 31 characters, no : \ / ? * [ ]) */
  export.sheet = workbook_add_worksheet (workbook, C_ ("sheet name", "Bounce log"));
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  export.date_format = workbook_add_format (workbook);
  format_set_num_format (export.date_format, "yyyy-mm-dd hh:mm");
  export.wrap_format = workbook_add_format (workbook);
  format_set_text_wrap (export.wrap_format);
  for (guint col = 0; col < N_COLUMNS; col++)
    worksheet_set_column (export.sheet, (lxw_col_t) col, (lxw_col_t) col, columns[col].width, NULL);
  worksheet_freeze_panes (export.sheet, 1, 0);
  for (guint col = 0; col < N_COLUMNS; col++)
    _bb_xlsx_write_string (export.sheet, 0, col, column_header (col, TRUE), bold);

  if (!_bb_store_foreach_entry (self, filter, write_xlsx_entry, &export, &local_error))
    {
      workbook_close (workbook);
      g_unlink (temp_path);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  worksheet_autofilter (export.sheet, 0, 0, export.row, N_COLUMNS - 1);
  if (!_bb_xlsx_finish (workbook, temp_path, path, error))
    return FALSE;
  *n_exported = export.row;
  return TRUE;
}

/**
 * bb_store_export:
 * @filter: (nullable): which entries, in which order; %NULL for all
 * @path: the file to write (replaced only once the export succeeded)
 * @n_exported: (out) (optional): how many entries were written
 *
 * Writes the entries as CSV (UTF-8 with a byte order mark, RFC 4180,
 * machine names for states and categories, importable with
 * bb_store_import_csv()) or as an Excel workbook (in words, in the
 * current language).
 */
gboolean
bb_store_export (BbStore             *self,
                 const BbStoreFilter *filter,
                 BbExportFormat       format,
                 const char          *path,
                 guint               *n_exported,
                 GError             **error)
{
  guint    n = 0;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == BB_EXPORT_FORMAT_XLSX)
    ok = export_xlsx (self, filter, path, &n, error);
  else
    ok = export_csv (self, filter, path, &n, error);
  if (ok && n_exported != NULL)
    *n_exported = n;
  return ok;
}

typedef struct
{
  BbStoreFilter *filter;
  BbExportFormat format;
  char          *path;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *task = data;

  g_clear_pointer (&task->filter, bb_store_filter_free);
  g_free (task->path);
  g_free (task);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  GError     *error = NULL;
  guint       n = 0;

  if (bb_store_export (source_object, data->filter, data->format, data->path, &n, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, error);
}

void
bb_store_export_async (BbStore             *self,
                       const BbStoreFilter *filter,
                       BbExportFormat       format,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (BB_IS_STORE (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportTask, 1);
  data->filter = filter != NULL ? bb_store_filter_copy (filter) : NULL;
  data->format = format;
  data->path = g_strdup (path);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_store_export_async);
  g_task_set_task_data (task, data, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bb_store_export_finish (BbStore      *self,
                        GAsyncResult *result,
                        guint        *n_exported,
                        GError      **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bb_store_export_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_exported != NULL)
    *n_exported = (guint) n;
  return TRUE;
}

/* ---- importing a CSV export ---- */

typedef struct
{
  BbStore          *self;
  BbCsvImportStats *stats;
  gint64            now;
  gboolean          first;
  GError           *error;
} CsvImport;

/* "<64 hex digits>:<address>" → the hash; NULL when it is no key. */
static char *
parse_key (const char *key,
           const char *address)
{
  if (key == NULL || strlen (key) < 66 || key[64] != ':' || g_strcmp0 (key + 65, address) != 0)
    return NULL;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (key[i]))
      return NULL;
  return g_ascii_strdown (key, 64);
}

static char **
split_tags (const char *tags)
{
  g_auto (GStrv) parts = g_strsplit (tags != NULL ? tags : "", ";", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0' && _bb_store_valid_tag (tag, NULL))
        g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

static gboolean
set_state_and_note (BbStore     *self,
                    gint64       id,
                    BbEntryState state,
                    const char  *note,
                    gint64       now,
                    GError     **error)
{
  g_autoptr (BbStmt) stmt = _bb_store_prepare (self, "UPDATE entries SET state = ?, note = ?, updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _bb_store_bind_text (stmt, 1, bb_entry_state_to_string (state));
  _bb_store_bind_text (stmt, 2, note != NULL ? note : "");
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bb_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* An entry the log has: it takes the file's tags, its note (added to a
 * different note of ours) and its state, if ours is still "new". */
static gboolean
merge_entry (CsvImport         *import,
             gint64             id,
             const char *const *fields,
             GError           **error)
{
  g_autoptr (BbEntry) entry = bb_store_get_entry (import->self, id, error);
  g_auto (GStrv) tags = NULL;
  g_autofree char *note = NULL;
  BbEntryState     state;
  gboolean         changed = FALSE;

  if (entry == NULL)
    return FALSE;
  tags = split_tags (fields[COL_TAGS]);
  for (guint i = 0; tags[i] != NULL; i++)
    if (!bb_entry_has_tag (entry, tags[i]))
      {
        if (!_bb_store_tag_entry (import->self, id, tags[i], error))
          return FALSE;
        changed = TRUE;
      }
  note = g_strdup (entry->note);
  if (fields[COL_NOTE][0] != '\0' && strstr (entry->note, fields[COL_NOTE]) == NULL)
    {
      g_free (note);
      note = entry->note[0] == '\0' ? g_strdup (fields[COL_NOTE])
                                    : g_strconcat (entry->note, "\n", fields[COL_NOTE], NULL);
      changed = TRUE;
    }
  state = entry->state;
  if (entry->state == BB_ENTRY_STATE_NEW && bb_entry_state_from_string (fields[COL_STATE], &state) &&
      state != BB_ENTRY_STATE_NEW)
    changed = TRUE;
  if (!changed)
    {
      import->stats->unchanged++;
      return TRUE;
    }
  if (!set_state_and_note (import->self, id, state, note, import->now, error))
    return FALSE;
  import->stats->merged++;
  return TRUE;
}

static gboolean
add_entry (CsvImport         *import,
           const char        *sha256,
           const char *const *fields,
           GError           **error)
{
  g_auto (BbStoreRow) row = { 0 };
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (fields[COL_BOUNCED_AT], NULL);
  g_auto (GStrv) tags = split_tags (fields[COL_TAGS]);
  BbEntryState state = BB_ENTRY_STATE_NEW;
  gint64       id;

#define FIELD(col) (fields[col][0] != '\0' ? fields[col] : NULL)
  row.address = fields[COL_ADDRESS];
  row.domain = g_utf8_strdown (fields[COL_DOMAIN], -1);
  row.status = FIELD (COL_STATUS);
  row.reply_code = FIELD (COL_REPLY_CODE);
  row.reason = FIELD (COL_REASON);
  row.category = is_category (fields[COL_CATEGORY]) ? fields[COL_CATEGORY] : "unknown";
  row.urgency = FIELD (COL_URGENCY);
  row.side = FIELD (COL_SIDE);
  row.hard_bounce = g_strcmp0 (fields[COL_TYPE], "hard") == 0;
  row.provider_id = FIELD (COL_PROVIDER);
  row.provider_code = FIELD (COL_PROVIDER_CODE);
  row.diagnostic = FIELD (COL_DIAGNOSTIC);
  row.evidence = FIELD (COL_EVIDENCE);
  row.subject = FIELD (COL_SUBJECT);
  row.orig_date = FIELD (COL_ORIG_DATE);
  row.orig_message_id = FIELD (COL_ORIG_MESSAGE_ID);
  row.orig_from = g_strdup (FIELD (COL_ORIG_FROM));
  row.orig_to = g_strdup (FIELD (COL_ORIG_TO));
  row.kind = fields[COL_KIND][0] != '\0' ? fields[COL_KIND] : "bounce";
#undef FIELD

  id = _bb_store_insert_entry (import->self, 0, sha256, &row,
                               when != NULL ? g_date_time_to_unix (when) : import->now,
                               fields[COL_SOURCE][0] != '\0' ? fields[COL_SOURCE] : NULL, import->now, error);
  if (id < 0)
    return FALSE;
  g_assert (id > 0); /* the caller looked the key up */
  bb_entry_state_from_string (fields[COL_STATE], &state);
  if ((state != BB_ENTRY_STATE_NEW || fields[COL_NOTE][0] != '\0') &&
      !set_state_and_note (import->self, id, state, fields[COL_NOTE], import->now, error))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (!_bb_store_tag_entry (import->self, id, tags[i], error))
      return FALSE;
  import->stats->added++;
  return TRUE;
}

static gboolean
on_csv_row (guint              line,
            const char *const *raw_fields,
            gpointer           user_data)
{
  CsvImport *import = user_data;
  gboolean   first = import->first;
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sha256 = NULL;
  gint64           id;

  import->first = FALSE;
  for (guint i = 0; raw_fields[i] != NULL; i++)
    g_ptr_array_add (fields, _bb_csv_unguard (raw_fields[i]));
  if (fields->len >= N_COLUMNS)
    sha256 = parse_key (g_ptr_array_index (fields, COL_KEY), g_ptr_array_index (fields, COL_ADDRESS));
  if (sha256 == NULL)
    {
      /* the header row, in whatever language it was exported */
      if (!first)
        import->stats->skipped++;
      return TRUE;
    }
  g_ptr_array_add (fields, NULL);
  import->stats->rows++;
  id = _bb_store_find_entry (import->self, sha256, g_ptr_array_index (fields, COL_ADDRESS), &import->error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    return merge_entry (import, id, (const char *const *) fields->pdata, &import->error);
  return add_entry (import, sha256, (const char *const *) fields->pdata, &import->error);
}

/**
 * bb_store_import_csv:
 * @path: a CSV file made by bb_store_export()
 * @stats: (out caller-allocates) (optional): what happened
 *
 * Merges a colleague's (or an older) export into the log, in one
 * transaction: entries the log lacks are added (without their raw
 * message, which CSV does not carry); entries it has take the file's
 * tags, its note (appended to a different one) and its state if ours is
 * still "new".  Importing the same file twice changes nothing.
 */
gboolean
bb_store_import_csv (BbStore          *self,
                     const char       *path,
                     BbCsvImportStats *stats,
                     GError          **error)
{
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autofree char *data = NULL;
  gsize            len = 0;
  BbCsvImportStats local = { 0 };
  CsvImport        import = { 0 };

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID,
                   _ ("“%s” is not a CSV export of the log: it is not UTF-8 text."), path);
      return FALSE;
    }
  locker = g_rec_mutex_locker_new (&self->lock);
  import.self = self;
  import.stats = &local;
  import.now = g_get_real_time () / G_USEC_PER_SEC;
  import.first = TRUE;
  if (!_bb_store_begin (self, error))
    return FALSE;
  if (!_bb_csv_parse (data, len, on_csv_row, &import, error))
    {
      _bb_store_rollback (self);
      return FALSE;
    }
  if (import.error != NULL)
    {
      _bb_store_rollback (self);
      g_propagate_error (error, import.error);
      return FALSE;
    }
  if (local.rows == 0 && local.skipped > 0)
    {
      _bb_store_rollback (self);
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID,
                   _ ("“%s” is not a CSV export of the log: no row has an entry key in its first column."), path);
      return FALSE;
    }
  if (!_bb_store_commit (self, error))
    {
      _bb_store_rollback (self);
      return FALSE;
    }
  if (stats != NULL)
    *stats = local;
  return TRUE;
}

typedef struct
{
  char            *path;
  BbCsvImportStats stats;
} CsvImportTask;

static void
csv_import_task_free (gpointer data)
{
  CsvImportTask *task = data;

  g_free (task->path);
  g_free (task);
}

static void
import_csv_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CsvImportTask *data = task_data;
  GError        *error = NULL;

  if (bb_store_import_csv (source_object, data->path, &data->stats, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
bb_store_import_csv_async (BbStore            *self,
                           const char         *path,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  CsvImportTask *data;

  g_return_if_fail (BB_IS_STORE (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (CsvImportTask, 1);
  data->path = g_strdup (path);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_store_import_csv_async);
  g_task_set_task_data (task, data, csv_import_task_free);
  g_task_run_in_thread (task, import_csv_thread);
}

gboolean
bb_store_import_csv_finish (BbStore          *self,
                            GAsyncResult     *result,
                            BbCsvImportStats *stats,
                            GError          **error)
{
  CsvImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bb_store_import_csv_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (stats != NULL)
    *stats = data->stats;
  return TRUE;
}
