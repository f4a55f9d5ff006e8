/* bb-report.h - the human-readable report the CLI prints
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"

G_BEGIN_DECLS

void bb_report_write (GString  *out,
                      BbBounce *bounce);
char *bb_report_format_size (guint64 bytes);

G_END_DECLS
