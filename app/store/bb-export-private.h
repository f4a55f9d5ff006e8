/* bb-export-private.h - CSV and XLSX writing (and CSV reading) shared by
 * the log's export and the cheat-sheet's
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

#include "bb-export.h"

G_BEGIN_DECLS

/* CSV output: a file written through a temporary one and renamed into
 * place, so a failed export never leaves half a file under the name. */
typedef struct _BbCsvWriter BbCsvWriter;

BbCsvWriter *_bb_csv_writer_new      (const char  *path,
                                      GError     **error);
void         _bb_csv_writer_field    (BbCsvWriter *writer,
                                      const char  *value);
gboolean     _bb_csv_writer_end_row  (BbCsvWriter *writer,
                                      GError     **error);
gboolean     _bb_csv_writer_close    (BbCsvWriter *writer,
                                      GError     **error);
void         _bb_csv_writer_free     (BbCsvWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCsvWriter, _bb_csv_writer_free)

void         _bb_csv_append_field    (GString     *line,
                                      const char  *value,
                                      gboolean     first);
char        *_bb_csv_unguard         (const char  *value);

/* Calls @func for every record of @data (a BOM is skipped); @fields is
 * %NULL-terminated.  Returns FALSE to stop. */
typedef gboolean (*BbCsvRowFunc) (guint               line,
                                  const char * const *fields,
                                  gpointer            user_data);
gboolean     _bb_csv_parse           (const char  *data,
                                      gsize        len,
                                      BbCsvRowFunc func,
                                      gpointer     user_data,
                                      GError     **error);

/* XLSX */
char        *_bb_xlsx_temp_path      (const char  *path);
gboolean     _bb_xlsx_finish         (lxw_workbook *workbook,
                                      const char   *temp_path,
                                      const char   *path,
                                      GError      **error);
void         _bb_xlsx_write_string   (lxw_worksheet *sheet,
                                      guint          row,
                                      guint          col,
                                      const char    *value,
                                      lxw_format    *format);

G_END_DECLS
