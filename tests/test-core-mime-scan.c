/* test-core-mime-scan.c - the Content-Type and Content-Disposition values
 * bb_mime_type_read() reads itself must read as GMime reads them
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-gmime-private.h"
#include "bb-header-block.h"
#include "bb-message.h"
#include "bb-mime-scan.h"
#include "scan-check.h"
#include "test-core-util.h"

#include <locale.h>
#include <string.h>

/* Fails the test where bb_mime_type_read() and GMime read @value
 * differently; returns whether it was read plainly. */
static gboolean
assert_like_gmime (const char *value,
                   gboolean    is_disposition)
{
  gboolean         plain = FALSE;
  g_autofree char *difference = scan_check_type (value, is_disposition, &plain);

  if (difference != NULL)
    g_error ("“%s”: %s", value, difference);
  return plain;
}

typedef struct
{
  const char *value;
  gboolean    plain;
} Value;

static const Value types[] = {
  { "text/plain", TRUE },
  { "  Text / HTML ;charset = \"UTF-8\" ; format=flowed", TRUE },
  { "multipart/report; report-type=delivery-status;\tboundary=\"=_a b:c/d?e\"", TRUE },
  { "message/rfc822;", TRUE },
  { "application/octet-stream; name=\"mail.eml\"", TRUE },
  /* left to GMime */
  { "text/plain; charset=us-ascii (a comment)", FALSE },
  { "text (c)/plain", FALSE },
  { "text/plain junk; charset=x", FALSE },
  { "text/plain; charset=utf-8; charset=gbk", FALSE },
  { "text/plain; name*=utf-8''%E4%BD%A0.txt", FALSE },
  { "text/plain; name*0=a; name*1=b.txt", FALSE },
  { "text/plain; name=\"=?utf-8?B?5L2g5aW9?=.txt\"", FALSE },
  { "text/plain; name=\"a \\\"quoted\\\" b\"", FALSE },
  { "text/plain; name=\"\"", FALSE },
  { "text/plain; name=unquoted with spaces", FALSE },
  { "text/plain; name=", FALSE },
  { "text/plain;; charset=x", FALSE },
  { "text/plain; charset=\"utf-8", FALSE },
  { "text", FALSE },
  { "/plain", FALSE },
  { "", FALSE },
  { "text/plain; a=1; b=2; c=3; d=4; e=5; f=6; g=7; h=8; i=9", FALSE },
};

static const Value dispositions[] = {
  { "attachment", TRUE },
  { " inline ; filename=\"report.txt\"; size=120", TRUE },
  { "attachment; filename=mail.eml", TRUE },
  { "attachment filename=x.eml", FALSE },
  { "attachment; filename*=gb2312''%C4%E3.eml", FALSE },
  { "attachment; filename=\"=?gb2312?B?xOO6ww==?=.eml\"", FALSE },
  { "", FALSE },
};

static void
test_mime_type_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (assert_like_gmime (types[i].value, FALSE) != types[i].plain)
      g_error ("“%s”: %s plainly", types[i].value, types[i].plain ? "not read" : "read");
  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    if (assert_like_gmime (dispositions[i].value, TRUE) != dispositions[i].plain)
      g_error ("“%s”: %s plainly", dispositions[i].value, dispositions[i].plain ? "not read" : "read");
}

/* Every Content-Type and Content-Disposition field in the file at @path,
 * parts included: a header block starts on any line "Content-…". */
static void
collect_values (const char *path,
                GPtrArray  *types_out,
                GPtrArray  *dispositions_out)
{
  g_autofree char *data = NULL;
  gsize            len = 0;
  const char      *p;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (p = data; p != NULL && p < data + len; p = memchr (p, '\n', data + len - p), p = p ? p + 1 : NULL)
    {
      g_autoptr (BbHeaderBlock) block = NULL;

      if (g_ascii_strncasecmp (p, "Content-", 8) != 0)
        continue;
      block = bb_header_block_new (p, MIN ((gsize) (data + len - p), 4096));
      if (block == NULL)
        continue;
      if (bb_header_block_get (block, "Content-Type") != NULL)
        g_ptr_array_add (types_out, g_strdup (bb_header_block_get (block, "Content-Type")));
      if (bb_header_block_get (block, "Content-Disposition") != NULL)
        g_ptr_array_add (dispositions_out, g_strdup (bb_header_block_get (block, "Content-Disposition")));
    }
}

/* The values of the test data: most are plain, and all read as GMime's. */
static void
test_mime_type_data (void)
{
  g_autoptr (GPtrArray) type_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) disposition_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", NULL);
  guint plain = 0;

  test_collect_eml_files (root, files);
  for (guint i = 0; i < files->len; i++)
    collect_values (g_ptr_array_index (files, i), type_values, disposition_values);
  g_assert_cmpuint (type_values->len, >, 300);
  for (guint i = 0; i < type_values->len; i++)
    plain += assert_like_gmime (g_ptr_array_index (type_values, i), FALSE);
  for (guint i = 0; i < disposition_values->len; i++)
    assert_like_gmime (g_ptr_array_index (disposition_values, i), TRUE);
  g_test_message ("%u Content-Type values, %u read plainly; %u Content-Disposition values", type_values->len, plain,
                  disposition_values->len);
  g_assert_cmpuint (plain * 10, >=, type_values->len * 9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();
  g_test_add_func ("/mime-scan/type-values", test_mime_type_values);
  g_test_add_func ("/mime-scan/type-data", test_mime_type_data);
  return g_test_run ();
}
