/* fuzz-analyze.c - libFuzzer target: any bytes through bb_analyze_bytes()
 * and both output paths (JSON Lines and the text report); and a notice's
 * structure read by bb_mime_scan() against the same read by GMime
 *
 * Built with -fsanitize=fuzzer,address,undefined when -Dfuzzers=true
 * (clang), and linked into fuzz-replay (a plain main) in every build.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-analyze.h"

#include "bb-core.h"
#include "bb-json.h"
#include "bb-message.h"
#include "bb-report.h"
#include "../scan-check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A critical is a failed g_return_if_fail(): a bug.  GLib's own fatal
 * path raises SIGTRAP, which libFuzzer does not catch, so abort() here
 * and the fuzzer saves the input. */
static GLogWriterOutput
abort_on_critical_writer (GLogLevelFlags   log_level,
                          const GLogField *fields,
                          gsize            n_fields,
                          gpointer         user_data)
{
  GLogWriterOutput ret = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    abort ();
  return ret;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* The one piece of process state a fuzzer may set up: libFuzzer calls
   * this once, the replay main too, but guard anyway. */
  static gboolean initialized = FALSE;

  if (!initialized)
    {
      g_log_set_writer_func (abort_on_critical_writer, NULL, NULL);
      bb_core_init ();
      initialized = TRUE;
    }
  return 0;
}

/* The input's first line as a Content-Type and as a Content-Disposition
 * value: bb_mime_type_read() must read them as GMime does. */
static void
check_type_like_gmime (const uint8_t *data,
                       size_t         size)
{
  const char *nl = memchr (data, '\n', size);
  g_autofree char *value = g_strndup ((const char *) data, nl != NULL ? (gsize) (nl - (const char *) data) : size);

  for (int is_disposition = 0; is_disposition < 2; is_disposition++)
    {
      gboolean         plain = FALSE;
      g_autofree char *difference = scan_check_type (value, is_disposition, &plain);

      if (difference != NULL)
        {
          fprintf (stderr, "fuzz-analyze: bb_mime_type_read() and GMime read “%.500s” differently: %.500s\n", value,
                   difference);
          abort ();
        }
    }
}

/* The notice's structure, and its original's parts, found by
 * bb_mime_scan() must read as GMime's. */
static void
check_scan_like_gmime (const uint8_t *data,
                       size_t         size)
{
  gboolean         scanned = FALSE;
  g_autofree char *difference = scan_check_notice ((const char *) data, size, &scanned);

  if (difference != NULL)
    {
      fprintf (stderr, "fuzz-analyze: bb_mime_scan() and GMime differ: %.2000s\n", difference);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (BbBounce) bounce = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  bounce = bb_analyze_bytes (bytes, "fuzz");
  if (bounce == NULL)
    {
      fprintf (stderr, "fuzz-analyze: bb_analyze_bytes returned NULL\n");
      abort ();
    }
  if (bb_bounce_get_kind (bounce) == BB_KIND_UNREADABLE && bb_bounce_get_error (bounce) == NULL)
    {
      fprintf (stderr, "fuzz-analyze: unreadable result without an error message\n");
      abort ();
    }

  bb_json_write_bounce (out, bounce);
  /* The CLI's contract is one JSON object per line, in UTF-8. */
  if (!g_utf8_validate (out->str, out->len, NULL) || memchr (out->str, '\n', out->len) != NULL ||
      out->len < 2 || out->str[0] != '{' || out->str[out->len - 1] != '}')
    {
      fprintf (stderr, "fuzz-analyze: malformed JSON line: %.*s\n", (int) MIN (out->len, 2000), out->str);
      abort ();
    }

  g_string_truncate (out, 0);
  bb_report_write (out, bounce);
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      fprintf (stderr, "fuzz-analyze: the text report is not valid UTF-8\n");
      abort ();
    }

  check_scan_like_gmime (data, size);
  if (size > 0 && memchr (data, '\0', size) == NULL)
    check_type_like_gmime (data, size);
  return 0;
}
