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
  BbMimeType       ours;
  GMimeContentType *ct = g_mime_content_type_parse (bb_message_parser_options (), value);
  GMimeContentDisposition *cd = g_mime_content_disposition_parse (bb_message_parser_options (), value);
  GMimeParamList  *params = g_mime_content_type_get_parameters (ct);
  gboolean         same = TRUE;

  bb_mime_type_read (&ours, value, FALSE);
  same = bb_mime_type_is (&ours, g_mime_content_type_get_media_type (ct), g_mime_content_type_get_media_subtype (ct)) &&
         bb_mime_type_is (&ours, "text", "plain") == g_mime_content_type_is_type (ct, "text", "plain") &&
         bb_mime_type_is (&ours, "multipart", "*") == g_mime_content_type_is_type (ct, "multipart", "*");
  for (int i = 0; same && i < g_mime_param_list_length (params); i++)
    {
      const char *name = g_mime_param_get_name (g_mime_param_list_get_parameter_at (params, i));

      same = g_strcmp0 (bb_mime_type_get_parameter (&ours, name), g_mime_content_type_get_parameter (ct, name)) == 0;
    }
  same = same && (ours.gmime_type != NULL || (int) ours.n_params == g_mime_param_list_length (params));
  bb_mime_type_clear (&ours);

  bb_mime_type_read (&ours, value, TRUE);
  params = g_mime_content_disposition_get_parameters (cd);
  same = same && g_strcmp0 (bb_mime_type_get_disposition (&ours), g_mime_content_disposition_get_disposition (cd)) == 0;
  for (int i = 0; same && i < g_mime_param_list_length (params); i++)
    {
      const char *name = g_mime_param_get_name (g_mime_param_list_get_parameter_at (params, i));

      same = g_strcmp0 (bb_mime_type_get_parameter (&ours, name), g_mime_content_disposition_get_parameter (cd, name)) == 0;
    }
  same = same && (ours.gmime_disposition != NULL || (int) ours.n_params == g_mime_param_list_length (params));
  bb_mime_type_clear (&ours);
  g_object_unref (ct);
  g_object_unref (cd);
  if (!same)
    {
      fprintf (stderr, "fuzz-analyze: bb_mime_type_read() and GMime read “%s” differently\n", value);
      abort ();
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
