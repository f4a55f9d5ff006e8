/* scan-check.h - compare what bb_mime_scan() finds with GMime's tree of
 * the same bytes (shared by test-core-original and the fuzz target)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-original.h"

G_BEGIN_DECLS

char *scan_check_notice   (const char *data,
                           gsize       len,
                           gboolean   *scanned);
char *scan_check_original (BbOriginal *original,
                           gboolean   *scanned);
char *scan_check_type     (const char *value,
                           gboolean    is_disposition,
                           gboolean   *plain);

G_END_DECLS
