/* bb-scan-zh.c - stub
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-scan-zh.h"

const char *
bb_scan_zh (const char   *text,
            gsize         len,
            BbScanResult *result)
{
  return NULL;
}
