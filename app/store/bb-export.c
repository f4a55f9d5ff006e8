/* bb-export.c - CSV and XLSX writing (and CSV reading) shared by the
 * log's export and the cheat-sheet's
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-export-private.h"
#include "bb-store.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Excel's limit for one cell, in bytes as libxlsxwriter counts */
#define XLSX_MAX_CELL 32767
#define CSV_FLUSH_SIZE 65536

/**
 * bb_export_format_from_string:
 * @name: "csv" or "xlsx" (any case)
 *
 * Returns: %TRUE when @name is a format
 */
gboolean
bb_export_format_from_string (const char     *name,
                              BbExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "csv") == 0)
    *format = BB_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (name, "xlsx") == 0)
    *format = BB_EXPORT_FORMAT_XLSX;
  else
    return FALSE;
  return TRUE;
}

/* ---- CSV ---- */

struct _BbCsvWriter
{
  GFileOutputStream *stream; /* g_file_replace: renamed into place on close */
  GString           *buffer;
  gboolean           row_started;
};

BbCsvWriter *
_bb_csv_writer_new (const char *path,
                    GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  BbCsvWriter       *writer;
  GFileOutputStream *stream;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return NULL;
  writer = g_new0 (BbCsvWriter, 1);
  writer->stream = stream;
  /* The byte order mark: without it Excel reads UTF-8 as the local
   * code page and Chinese turns into mojibake. */
  writer->buffer = g_string_new ("\xEF\xBB\xBF");
  return writer;
}

/* Spreadsheets run a cell that starts with = + - @ as a formula, and a
 * bounce's texts come from strangers' servers: such values get a leading
 * apostrophe, which Excel shows as text and _bb_csv_unguard() removes. */
static gboolean
needs_guard (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t' ||
         value[0] == '\r';
}

/**
 * _bb_csv_append_field:
 *
 * RFC 4180: a field with a comma, a double quote, a line break (or
 * leading or trailing space) goes in double quotes, with its quotes
 * doubled.
 */
void
_bb_csv_append_field (GString    *line,
                      const char *value,
                      gboolean    first)
{
  gboolean guard;
  gboolean quote;
  gsize    len;

  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL || *value == '\0')
    return;
  len = strlen (value);
  guard = needs_guard (value) || (value[0] == '\'' && len > 1 && needs_guard (value + 1));
  quote = strpbrk (value, ",\"\r\n") != NULL || value[0] == ' ' || value[len - 1] == ' ';
  if (quote)
    g_string_append_c (line, '"');
  if (guard)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

/* The value as it was before _bb_csv_append_field() guarded it. */
char *
_bb_csv_unguard (const char *value)
{
  if (value != NULL && value[0] == '\'' && value[1] != '\0' && needs_guard (value + 1))
    return g_strdup (value + 1);
  return g_strdup (value);
}

void
_bb_csv_writer_field (BbCsvWriter *writer,
                      const char  *value)
{
  g_autofree char *valid = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  _bb_csv_append_field (writer->buffer, value, !writer->row_started);
  writer->row_started = TRUE;
}

static gboolean
flush (BbCsvWriter *writer,
       GError     **error)
{
  if (writer->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (writer->stream), writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

gboolean
_bb_csv_writer_end_row (BbCsvWriter *writer,
                        GError     **error)
{
  g_string_append (writer->buffer, "\r\n");
  writer->row_started = FALSE;
  if (writer->buffer->len >= CSV_FLUSH_SIZE)
    return flush (writer, error);
  return TRUE;
}

gboolean
_bb_csv_writer_close (BbCsvWriter *writer,
                      GError     **error)
{
  gboolean ok = flush (writer, error);

  /* Closing renames the temporary file into place; after a failure it
   * is cancelled instead, and the old file stays. */
  if (!ok)
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (writer->stream), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (writer->stream), NULL, error);
}

void
_bb_csv_writer_free (BbCsvWriter *writer)
{
  if (writer == NULL)
    return;
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (writer->stream)))
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (writer->stream), cancel, NULL);
    }
  g_object_unref (writer->stream);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}

/**
 * _bb_csv_parse:
 *
 * RFC 4180 records: quoted fields may hold commas, doubled quotes and
 * line breaks; records end with CRLF or LF.  Empty lines are skipped.
 */
gboolean
_bb_csv_parse (const char  *data,
               gsize        len,
               BbCsvRowFunc func,
               gpointer     user_data,
               GError     **error)
{
  const char *p = data;
  const char *end = data + len;
  guint       line = 1;
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      guint    record_line = line;
      gboolean row_done = FALSE;

      g_ptr_array_set_size (fields, 0);
      while (!row_done)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_INVALID,
                                   _ ("Line %u: a quoted field is not closed."), record_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
              /* anything between the closing quote and the separator is
               * kept, as most readers do */
              while (p < end && *p != ',' && *p != '\n' && *p != '\r')
                g_string_append_c (field, *p++);
            }
          else
            {
              while (p < end && *p != ',' && *p != '\n' && *p != '\r')
                g_string_append_c (field, *p++);
            }
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          if (p < end && *p == '\r')
            p++;
          if (p < end && *p == '\n')
            p++;
          line++;
          row_done = TRUE;
        }
      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        continue; /* an empty line */
      g_ptr_array_add (fields, NULL);
      if (!func (record_line, (const char *const *) fields->pdata, user_data))
        return TRUE;
      g_ptr_array_remove_index (fields, fields->len - 1);
    }
  return TRUE;
}

/* ---- XLSX ---- */

char *
_bb_xlsx_temp_path (const char *path)
{
  return g_strconcat (path, ".part", NULL);
}

gboolean
_bb_xlsx_finish (lxw_workbook *workbook,
                 const char   *temp_path,
                 const char   *path,
                 GError      **error)
{
  lxw_error rc = workbook_close (workbook);

  if (rc != LXW_NO_ERROR)
    {
      g_unlink (temp_path);
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                   _ ("Could not write “%s”: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                   _ ("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Writes text; invalid UTF-8 is repaired and what is over Excel's limit
 * for a cell is cut, at a character boundary. */
void
_bb_xlsx_write_string (lxw_worksheet *sheet,
                       guint          row,
                       guint          col,
                       const char    *value,
                       lxw_format    *format)
{
  g_autofree char *copy = NULL;

  if (value == NULL || *value == '\0')
    return;
  if (!g_utf8_validate (value, -1, NULL))
    value = copy = g_utf8_make_valid (value, -1);
  if (strlen (value) > XLSX_MAX_CELL)
    {
      const char *cut = value + XLSX_MAX_CELL;
      char       *shorter;

      while (cut > value && ((guchar) *cut & 0xC0) == 0x80)
        cut--;
      shorter = g_strndup (value, (gsize) (cut - value));

      g_free (copy);
      value = copy = shorter;
    }
  worksheet_write_string (sheet, row, (lxw_col_t) col, value, format);
}
