/* scan-check.c - compare what bb_mime_scan() finds with GMime's tree of
 * the same bytes (shared by test-core-original and the fuzz target)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scan-check.h"

#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-mime-scan.h"

#include <string.h>

static char *
differ (const char *what,
        const char *scanned,
        const char *gmime)
{
  return g_strdup_printf ("%s is “%s”, GMime has “%s”", what, scanned ? scanned : "(none)", gmime ? gmime : "(none)");
}

/**
 * scan_check_notice:
 * @scanned: (out): whether bb_mime_scan() found the notice's structure
 *
 * Walks the notice twice, its structure found by bb_mime_scan() and by
 * GMime: the walk must read the same from both, and the original it
 * returns must have the same parts (scan_check_original()).
 *
 * Returns: (nullable): the first difference, or %NULL
 */
char *
scan_check_notice (const char *data,
                   gsize       len,
                   gboolean   *scanned)
{
  g_autoptr (BbMessage) ours = bb_message_parse (data, len);
  g_autoptr (BbMessage) gmime = bb_message_parse_full (data, len, FALSE);
  gsize       a_len = 0, b_len = 0;
  const char *a, *b;
  gboolean    unused;

  *scanned = ours != NULL && ours->parts != NULL;
  if ((ours == NULL) != (gmime == NULL))
    return g_strdup_printf ("read %s here, %s by GMime", ours ? "" : "not", gmime ? "" : "not");
  if (ours == NULL)
    return NULL;
  if (gmime->parts != NULL)
    return g_strdup ("bb_message_parse_full (…, FALSE) scanned");
  bb_message_walk (ours);
  bb_message_walk (gmime);
  if (strcmp (ours->text->str, gmime->text->str) != 0)
    return differ ("the walk's text", ours->text->str, gmime->text->str);
  if (strcmp (ours->dsn->str, gmime->dsn->str) != 0)
    return differ ("the walk's delivery-status text", ours->dsn->str, gmime->dsn->str);
  if (strcmp (ours->feedback->str, gmime->feedback->str) != 0)
    return differ ("the walk's feedback text", ours->feedback->str, gmime->feedback->str);
  if (g_strcmp0 (ours->report_type, gmime->report_type) != 0)
    return differ ("report-type", ours->report_type, gmime->report_type);
  if (ours->is_report != gmime->is_report || ours->n_parts != gmime->n_parts || ours->too_deep != gmime->too_deep)
    return g_strdup_printf ("report %d, %u parts, too deep %d; GMime: %d, %u, %d", ours->is_report, ours->n_parts,
                            ours->too_deep, gmime->is_report, gmime->n_parts, gmime->too_deep);
  if ((ours->original == NULL) != (gmime->original == NULL) ||
      ours->original_headers_only != gmime->original_headers_only)
    return g_strdup_printf ("the original differs (%s, GMime %s)", ours->original ? "one" : "none",
                            gmime->original ? "one" : "none");
  if (ours->original == NULL)
    return NULL;
  a = bb_original_get_data (ours->original, &a_len);
  b = bb_original_get_data (gmime->original, &b_len);
  if (a_len != b_len || memcmp (a, b, a_len) != 0)
    return g_strdup_printf ("the original's bytes differ (%" G_GSIZE_FORMAT ", GMime %" G_GSIZE_FORMAT ")", a_len,
                            b_len);
  return scan_check_original (ours->original, &unused);
}

static gboolean
describe_leaf (const char *filename,
               const char *mime_type,
               gsize       size,
               gboolean    attachment,
               gpointer    data)
{
  g_string_append_printf (data, "%s|%s|%" G_GSIZE_FORMAT "|%d\n", filename ? filename : "-", mime_type, size,
                          attachment);
  return TRUE;
}

/**
 * scan_check_original:
 * @scanned: (out): whether bb_mime_scan() found the original's parts
 *
 * The original's parts, as bb_mime_scan() finds them and as GMime does:
 * the same leaves and the same readable bodies.
 *
 * Returns: (nullable): the first difference, or %NULL
 */
char *
scan_check_original (BbOriginal *original,
                     gboolean   *scanned)
{
  BbMimePart  *parts = bb_original_get_parts (original);
  GMimeObject *body = bb_original_get_body (original);
  g_autoptr (GString) leaves = g_string_new (NULL);
  g_autoptr (GString) gmime_leaves = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (GString) gmime_text = g_string_new (NULL);
  g_autoptr (GString) gmime_html = g_string_new (NULL);

  *scanned = parts != NULL;
  if (parts == NULL)
    return NULL;
  if (body == NULL)
    return g_strdup ("the original's parts read here, not by GMime");
  bb_mime_part_foreach_leaf (parts, describe_leaf, leaves);
  bb_message_foreach_leaf (body, describe_leaf, gmime_leaves);
  if (strcmp (leaves->str, gmime_leaves->str) != 0)
    return differ ("the original's leaves", leaves->str, gmime_leaves->str);
  bb_mime_part_collect_bodies (parts, text, html, 1 << 20);
  bb_message_collect_bodies (body, gmime_text, gmime_html, 1 << 20, 0);
  if (strcmp (text->str, gmime_text->str) != 0)
    return differ ("the original's text", text->str, gmime_text->str);
  if (strcmp (html->str, gmime_html->str) != 0)
    return differ ("the original's HTML", html->str, gmime_html->str);
  return NULL;
}

/* Every parameter GMime found, as @ours gives it; when @ours read the
 * value plainly, the same ones in the same order too. */
static char *
differ_params (const BbMimeType *ours,
               gboolean          plain,
               GMimeParamList   *params)
{
  int n = g_mime_param_list_length (params);

  if (plain && (int) ours->n_params != n)
    return g_strdup_printf ("%u parameters, GMime has %d", ours->n_params, n);
  for (int i = 0; i < n; i++)
    {
      GMimeParam *p = g_mime_param_list_get_parameter_at (params, i);
      const char *name = g_mime_param_get_name (p);
      const char *value = g_mime_param_get_value (g_mime_param_list_get_parameter (params, name));

      if (plain && strcmp (ours->names[i], name) != 0)
        return differ ("a parameter's name", ours->names[i], name);
      if (g_strcmp0 (bb_mime_type_get_parameter (ours, name), value) != 0)
        return differ (name, bb_mime_type_get_parameter (ours, name), value);
    }
  return NULL;
}

/**
 * scan_check_type:
 * @value: a decoded Content-Type value, or Content-Disposition value when
 *   @is_disposition
 * @plain: (out): whether bb_mime_type_read() read it plainly
 *
 * bb_mime_type_read() against GMime's parse of @value: the same type and
 * subtype (or disposition), the same parameters.
 *
 * Returns: (nullable): the first difference, or %NULL
 */
char *
scan_check_type (const char *value,
                 gboolean    is_disposition,
                 gboolean   *plain)
{
  BbMimeType       ours;
  g_autofree char *difference = NULL;

  *plain = bb_mime_type_read (&ours, value, is_disposition);
  if (is_disposition)
    {
      g_autoptr (GMimeContentDisposition) d = g_mime_content_disposition_parse (bb_message_parser_options (), value);
      const char *gmime = g_mime_content_disposition_get_disposition (d);

      if (g_strcmp0 (bb_mime_type_get_disposition (&ours), gmime) != 0)
        difference = differ ("the disposition", bb_mime_type_get_disposition (&ours), gmime);
      else
        difference = differ_params (&ours, *plain, g_mime_content_disposition_get_parameters (d));
    }
  else
    {
      g_autoptr (GMimeContentType) ct = g_mime_content_type_parse (bb_message_parser_options (), value);
      const char *type = g_mime_content_type_get_media_type (ct);
      const char *subtype = g_mime_content_type_get_media_subtype (ct);
      const char *kinds[][2] = { { "text", "plain" }, { "multipart", "*" }, { "*", "rfc822" }, { type, subtype } };

      if (*plain && (g_strcmp0 (ours.type, type) != 0 || g_strcmp0 (ours.subtype, subtype) != 0))
        difference = g_strdup_printf ("the type is %s/%s, GMime has %s/%s", ours.type, ours.subtype, type, subtype);
      for (guint k = 0; k < G_N_ELEMENTS (kinds) && difference == NULL; k++)
        if (bb_mime_type_is (&ours, kinds[k][0], kinds[k][1]) != g_mime_content_type_is_type (ct, kinds[k][0], kinds[k][1]))
          difference = g_strdup_printf ("is %s/%s: %d, GMime says %d", kinds[k][0], kinds[k][1],
                                        bb_mime_type_is (&ours, kinds[k][0], kinds[k][1]),
                                        g_mime_content_type_is_type (ct, kinds[k][0], kinds[k][1]));
      if (difference == NULL)
        difference = differ_params (&ours, *plain, g_mime_content_type_get_parameters (ct));
    }
  bb_mime_type_clear (&ours);
  return g_steal_pointer (&difference);
}
