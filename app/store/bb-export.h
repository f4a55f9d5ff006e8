/* bb-export.h - the file formats the log and the cheat-sheet export to
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbExportFormat:
 * @BB_EXPORT_FORMAT_CSV: UTF-8 with a byte order mark (so Excel reads
 *   Chinese right), comma-separated, RFC 4180 quoting, CRLF line ends
 * @BB_EXPORT_FORMAT_XLSX: an Excel workbook (libxlsxwriter)
 */
typedef enum
{
  BB_EXPORT_FORMAT_CSV,
  BB_EXPORT_FORMAT_XLSX,
} BbExportFormat;

gboolean bb_export_format_from_string (const char     *name,
                                       BbExportFormat *format);

G_END_DECLS
