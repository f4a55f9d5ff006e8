/* test-core-original.c - BbOriginal reads an original's header fields
 * itself, and BbMessage a notice's: every answer must be GMime's answer
 * for the same bytes
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-original.h"
#include "scan-check.h"
#include "test-core-util.h"

#include <locale.h>
#include <string.h>

/* The fields the analysis reads through bb_original_get_header(), and a
 * few it does not (the same code path). */
static const char *const header_names[] = {
  "Date", "X-Originating-IP", "X-HmXmrOriginalRecipient", "X-Mailer",
  "Received", "MIME-Version", "Reply-To", NULL,
};

static void
assert_same_list (InternetAddressList *light,
                  InternetAddressList *gmime,
                  const char          *label)
{
  int n = internet_address_list_length (gmime);

  if (internet_address_list_length (light) != n)
    g_error ("%s: %d addresses, GMime has %d", label, internet_address_list_length (light), n);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *a = internet_address_to_string (internet_address_list_get_address (light, i), NULL, FALSE);
      g_autofree char *b = internet_address_to_string (internet_address_list_get_address (gmime, i), NULL, FALSE);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s: address %d is “%s”, GMime has “%s”", label, i, a, b);
    }
}

static void
assert_str (const char *light,
            const char *gmime,
            const char *label,
            const char *what)
{
  if (g_strcmp0 (light, gmime) != 0)
    g_error ("%s: %s is “%s”, GMime has “%s”", label, what, light ? light : "(none)", gmime ? gmime : "(none)");
}

/* Compares what @original answers with what GMime's tree of the same bytes
 * answers; returns whether the answers came without the tree. */
static gboolean
assert_like_gmime (BbOriginal *original,
                   const char *label)
{
  gsize            len = 0;
  const char      *data = bb_original_get_data (original, &len);
  g_autoptr (GMimeMessage) message = bb_message_parse_attached (data, len);
  gboolean         light = bb_original_is_light (original);
  gsize            size = 0;
  GMimeObject     *object = GMIME_OBJECT (message);

  if (message == NULL)
    return light;
  /* its MIME tree, asked for first (before anything builds the whole
   * message), written out whole */
  {
    GMimeObject     *body = bb_original_get_body (original);
    GMimeObject     *gmime_body = g_mime_message_get_mime_part (message);
    g_autofree char *tree = body != NULL ? g_mime_object_to_string (body, NULL) : NULL;
    g_autofree char *gmime_tree = gmime_body != NULL ? g_mime_object_to_string (gmime_body, NULL) : NULL;

    assert_str (tree, gmime_tree, label, "MIME tree");
  }
  assert_str (bb_original_get_subject (original), g_mime_message_get_subject (message), label, "subject");
  assert_str (bb_original_get_message_id (original), g_mime_message_get_message_id (message), label, "message-id");
  for (guint i = 0; header_names[i] != NULL; i++)
    assert_str (bb_original_get_header (original, header_names[i]), g_mime_object_get_header (object, header_names[i]),
                label, header_names[i]);
  assert_same_list (bb_original_get_from (original), g_mime_message_get_from (message), label);
  assert_same_list (bb_original_get_to (original), g_mime_message_get_to (message), label);
  if (bb_original_get_single_part (original, &size))
    {
      GMimeObject *body = g_mime_message_get_mime_part (message);

      g_assert_true (light);
      g_assert_nonnull (body);
      g_assert_true (GMIME_IS_PART (body));
      g_assert_null (g_mime_part_get_filename (GMIME_PART (body)));
      g_assert_false (g_mime_part_is_attachment (GMIME_PART (body)));
      if (size != bb_message_part_size (GMIME_PART (body)))
        g_error ("%s: size %" G_GSIZE_FORMAT ", GMime has %" G_GSIZE_FORMAT, label, size,
                 bb_message_part_size (GMIME_PART (body)));
    }
  /* it never changes its answers once it has the tree */
  g_assert_true (bb_original_get_message (original) != NULL);
  assert_str (bb_original_get_subject (original), g_mime_message_get_subject (message), label, "subject (again)");
  return light;
}

/* Fails the test where bb_mime_scan() and GMime read @data differently;
 * returns whether bb_mime_scan() found its structure. */
static gboolean
assert_walk_like_gmime (const char *data,
                        gsize       len,
                        const char *label)
{
  gboolean         scanned = FALSE;
  g_autofree char *difference = scan_check_notice (data, len, &scanned);

  if (difference != NULL)
    g_error ("%s: %s", label, difference);
  return scanned;
}

/* The notice's fields the analysis reads, and a few it does not; the
 * Content-* ones belong to the body, in GMime as here. */
static const char *const notice_names[] = {
  "From", "To", "Subject", "Date", "Delivered-To", "X-Failed-Recipients",
  "Auto-Submitted", "Precedence", "X-Autoreply", "X-Autorespond",
  "X-NAI-Header", "Received", "Message-ID", "MIME-Version", "Return-Path",
  "Content-Type", "Content-Transfer-Encoding", NULL,
};

/* Compares the notice BbMessage reads from @data with the message GMime
 * parses whole from it: the same fields, the same MIME tree.  Returns
 * whether the fields came from the header block. */
static gboolean
assert_notice_like_gmime (const char *data,
                          gsize       len,
                          const char *label)
{
  g_autoptr (BbMessage) notice = bb_message_parse (data, len);
  g_autoptr (BbMessage) gmime_notice = bb_message_parse_full (data, len, FALSE);
  g_autoptr (GMimeMessage) message = bb_message_parse_bytes (data, len);
  GMimeObject     *object = GMIME_OBJECT (message);
  g_autofree char *tree = NULL;
  g_autofree char *gmime_tree = NULL;
  g_autoptr (GPtrArray) received = NULL;
  GMimeHeaderList *list;
  guint            n_received = 0;

  if ((notice == NULL) != (message == NULL))
    g_error ("%s: %s, GMime %s", label, notice != NULL ? "read" : "not read", message != NULL ? "did" : "did not");
  if (notice == NULL)
    return FALSE;
  assert_str (bb_message_get_subject (notice), g_mime_message_get_subject (message), label, "subject");
  assert_str (bb_message_get_message_id (notice), g_mime_message_get_message_id (message), label, "message-id");
  for (guint i = 0; notice_names[i] != NULL; i++)
    {
      assert_str (bb_message_get_header (notice, notice_names[i]), g_mime_object_get_header (object, notice_names[i]),
                  label, notice_names[i]);
      g_assert_true (bb_message_has_header (notice, notice_names[i]) ==
                     (g_mime_object_get_header (object, notice_names[i]) != NULL));
    }
  assert_same_list (bb_message_get_from (notice), g_mime_message_get_from (message), label);
  assert_same_list (bb_message_get_to (notice), g_mime_message_get_to (message), label);

  /* the raw Received values, their line end aside */
  received = bb_message_get_raw_values (notice, "Received");
  list = g_mime_object_get_header_list (object);
  for (int i = 0; i < g_mime_header_list_get_count (list); i++)
    {
      GMimeHeader     *h = g_mime_header_list_get_header_at (list, i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") != 0)
        continue;
      g_assert_cmpuint (n_received, <, received->len);
      a = g_strchomp (g_strdup (g_ptr_array_index (received, n_received)));
      b = g_strchomp (g_strdup (g_mime_header_get_raw_value (h)));
      assert_str (a, b, label, "Received");
      n_received++;
    }
  g_assert_cmpuint (n_received, ==, received->len);

  /* the tree below, written out whole, when GMime reads the structure */
  g_assert_true ((gmime_notice->body == NULL) == (g_mime_message_get_mime_part (message) == NULL));
  if (gmime_notice->body != NULL)
    {
      tree = g_mime_object_to_string (gmime_notice->body, NULL);
      gmime_tree = g_mime_object_to_string (g_mime_message_get_mime_part (message), NULL);
      assert_str (tree, gmime_tree, label, "MIME tree");
    }
  /* and what the walk reads of it, when bb_mime_scan() finds it */
  assert_walk_like_gmime (data, len, label);
  return notice->headers != NULL;
}

static gboolean
assert_parts_like_gmime (BbOriginal *original,
                         const char *label)
{
  gboolean         scanned = FALSE;
  g_autofree char *difference = scan_check_original (original, &scanned);

  if (difference != NULL)
    g_error ("%s: %s", label, difference);
  return scanned;
}

/* Every message of the test data, read as if it were an original, and
 * every original those messages return. */
static void
test_original_data (void)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", NULL);
  guint            n = 0, light = 0, attached = 0, attached_light = 0, n_notices_light = 0;
  guint            n_scanned = 0, n_scanned_crlf = 0, attached_scanned = 0, whole_scanned = 0;
  guint            attached_whole = 0;

  test_collect_eml_files (root, files);
  g_assert_cmpuint (files->len, >, 300);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize            len = 0;
      g_autoptr (BbOriginal) whole = NULL;
      g_autoptr (BbMessage) msg = NULL;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      whole = bb_original_new (data, len, FALSE);
      n++;
      light += assert_like_gmime (whole, path);
      {
        g_autoptr (BbOriginal) again = bb_original_new (data, len, FALSE);

        whole_scanned += assert_parts_like_gmime (again, path);
      }

      n_notices_light += assert_notice_like_gmime (data, len, path);
      n_scanned += assert_walk_like_gmime (data, len, path);
      {
        /* the same with CRLF line ends */
        g_autoptr (GString) crlf = g_string_sized_new (len + len / 16);
        g_autofree char *crlf_label = g_strconcat (path, " (CRLF)", NULL);

        for (gsize k = 0; k < len; k++)
          {
            if (data[k] == '\n' && (k == 0 || data[k - 1] != '\r'))
              g_string_append_c (crlf, '\r');
            g_string_append_c (crlf, data[k]);
          }
        n_scanned_crlf += assert_walk_like_gmime (crlf->str, crlf->len, crlf_label);
      }
      msg = bb_message_parse (data, len);
      if (msg == NULL)
        continue;
      bb_message_walk (msg);
      if (msg->original != NULL)
        {
          g_autofree char *label = g_strconcat (path, " (its original)", NULL);

          attached++;
          attached_light += assert_like_gmime (msg->original, label);
          attached_scanned += assert_parts_like_gmime (msg->original, label);
          attached_whole += !bb_original_is_headers_only (msg->original);
        }
    }
  g_test_message ("%u messages, %u read without GMime's tree (%u as notices); %u attached originals, %u without; "
                  "%u notices' structure found by bb_mime_scan() (%u with CRLF); %u messages' and %u originals' "
                  "parts found by it (of %u whole originals)",
                  n, light, n_notices_light, attached, attached_light, n_scanned, n_scanned_crlf, whole_scanned,
                  attached_scanned, attached_whole);
  g_assert_cmpuint (whole_scanned * 10, >=, n * 8);
  g_assert_cmpuint (attached_scanned * 10, >=, attached_whole * 8);
  g_assert_cmpuint (n_scanned * 10, >=, n * 8);
  g_assert_cmpuint (n_scanned_crlf * 10, >=, n * 8);
  /* the fast path is the common one */
  g_assert_cmpuint (attached, >, 100);
  g_assert_cmpuint (light * 10, >=, n * 8);
  g_assert_cmpuint (n_notices_light * 10, >=, n * 8);
  g_assert_cmpuint (attached_light * 10, >=, attached * 8);
}

/* Header blocks written to catch the cases GMime settles its own way. */
static const char *const cases[] = {
  /* repeated fields: the last Subject and Message-ID, the first Date,
   * every From and To */
  "From: A <a@x.example>\nTo: b@y.example, \"C, D\" <c@z.example>\nSubject: one\n"
  "Subject: two\nMessage-ID: <1@x>\nMessage-ID: <2@x>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n"
  "Date: later\nFrom: E <e@x.example>\nTo: f@y.example\n\nbody\n",
  /* folding, CRLF, encoded words, an 8-bit GB18030 subject */
  "From: =?utf-8?B?5byg5LiJ?= <zhang@x.example>\r\nTo:\r\n  ann@y.example,\r\n\tbob@y.example\r\n"
  "Subject: =?gb2312?B?xOO6ww==?=   folded\r\n  more\r\nX-Originating-IP: [10.0.0.1]\r\n\r\nbody\r\n",
  "Subject: \xb2\xe2\xca\xd4\xd3\xca\xbc\xfe\nFrom: a@x.example\n\n",
  /* a stray line first (an unindented signature continuation), a blank
   * line first */
  "s=selector1;\nFrom: a@x.example\nSubject: after a stray line\n\nbody\n",
  "\nFrom: a@x.example\nSubject: after a blank line\n\nbody\n",
  /* a field with no value, a group, a missing blank line */
  "Subject:\nTo: friends: ann@y.example, bob@y.example;\nFrom: a@x.example",
  /* single parts: base64, a name, a disposition, multipart */
  "From: a@x.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
  "aGVsbG8gd29ybGQK\n",
  "From: a@x.example\nContent-Type: text/plain; name=\"a.txt\"\n\nhello\n",
  "From: a@x.example\nContent-Disposition: attachment; filename=a.txt\n\nhello\n",
  "From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b--\n",
  "From: a@x.example\nSubject: no type at all\n\nhello\nthere\n",
  /* the Content-* fields GMime gives the body: folded, repeated, in odd
   * case, with a comment, among others it keeps for the message */
  "From: a@x.example\nCONTENT-TYPE: multipart/report;\n\treport-type=delivery-status;\n boundary=\"b\"\n"
  "Subject: folded type\nMIME-Version: 1.0\n\n--b\nContent-Type: text/plain\n\nhi\n"
  "--b\ncontent-type: message/delivery-status\n\nStatus: 5.1.1\n--b--\n",
  "From: a@x.example\nContent-Type: text/plain\nContent-Type: text/html\nContent-Language: en\n\n<p>x</p>\n",
  "Content-Type: text/plain; (a comment) charset=\"gb2312\"\nContent-Transfer-Encoding: BASE64\n"
  "From: a@x.example\nContent-Description: Notification\n\n1uPOxA==\n",
  "From: a@x.example\nContent-Disposition: inline\nContent-ID: <p@x>\nX-Content-Type: not/this\n\nbody\n",
  /* a NUL byte in the block */
  "From: a@x.example\nSubject: nul\0byte\n\nbody\n",
  /* a block that runs to the end, with no blank line after it */
  "From: a@x.example\nContent-Disposition: attachment; filename=a.txt",
  "From: a@x.example\nContent-Type: text/plain\n",
  /* not a header block at all */
  "just some text\nwith no fields\n",
  "",
};
static const gsize lengths[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sizeof "From: a@x.example\nSubject: nul\0byte\n\nbody\n" - 1, 0, 0, 0, 0 };


static BbOriginal *
original (const char *text)
{
  return bb_original_new (text, strlen (text), FALSE);
}

static void
test_original_cases (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == G_N_ELEMENTS (lengths));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = lengths[i] != 0 ? lengths[i] : strlen (cases[i]);
      g_autoptr (BbOriginal) o = bb_original_new (cases[i], len, FALSE);
      g_autofree char *label = g_strdup_printf ("case %u", i);

      assert_like_gmime (o, label);
      assert_notice_like_gmime (cases[i], len, label);
    }
}

/* MIME structures written to catch the rules of GMime's parser that
 * bb_mime_scan() follows, and the ones it leaves to GMime. */
typedef struct
{
  const char *text;
  gboolean    scanned; /* bb_mime_scan() reads it (else GMime does) */
} MimeCase;

#define HEAD "From: MAILER-DAEMON@x.example\nTo: rep@y.example\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"

static const MimeCase mime_cases[] = {
  /* the inner multipart is ended by the outer boundary; trailing blanks
   * after a boundary; a "--b" line with more after it is content */
  { HEAD "Content-Type: multipart/mixed; boundary=outer\n\nprologue\n--outer\n"
         "Content-Type: multipart/alternative; boundary=\"in ner\"\n\n--in ner \t\nContent-Type: text/plain\n\n"
         "plain one\n--in nerX is text\n--in ner\nContent-Type: text/html\n\n<p>html <b>one</b></p>\n--outer\n"
         "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.example\nStatus: 5.1.1\n--outer--\nepilogue\n",
    TRUE },
  /* an inner end boundary, an epilogue, then the outer boundary */
  { HEAD "Content-Type: multipart/report; report-type=delivery-status; boundary=abc\n\n--abc\n"
         "Content-Type: multipart/mixed; boundary=abc-1\n\n--abc-1\nContent-Type: text/plain; charset=gb2312\n"
         "Content-Transfer-Encoding: base64\n\nxOO6ww==\n--abc-1--\ninner epilogue\n--abc\n"
         "Content-Type: text/rfc822-headers\n\nSubject: the original\nFrom: rep@y.example\n--abc--",
    TRUE },
  /* no end boundary at all; a part with no header block; quoted-printable */
  { HEAD "Content-Type: multipart/mixed; boundary=\"=_b\"\n\n--=_b\n\nno headers here\n--=_b\n"
         "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
         "caf=C3=A9 =\nsoft\n",
    TRUE },
  /* a digest's parts are messages by default; an encoded original; an
   * attachment that is a saved message */
  { HEAD "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: digest one\nFrom: a@b.example\n\nbody\n--d\n"
         "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
         "U3ViamVjdDogZW5jb2RlZAoKYm9keQo=\n--d--\n",
    TRUE },
  { HEAD "Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\n"
         "not the notice's text\n--m\nContent-Type: application/octet-stream; name=\"mail.eml\"\n\n"
         "Subject: saved\nFrom: rep@y.example\n\nhello\n--m--\n",
    TRUE },
  /* left to GMime: a comment in the Content-Type, a repeated Content-Type,
   * a boundary that never comes, an empty part, a stray header line */
  { HEAD "Content-Type: multipart (a comment)/mixed; boundary=c\n\n--c\nContent-Type: text/plain\n\ntext\n--c--\n", FALSE },
  { HEAD "Content-Type: text/plain\nContent-Type: text/html\n\n<p>which?</p>\n", FALSE },
  { HEAD "Content-Type: multipart/mixed; boundary=never\n\n--other\nContent-Type: text/plain\n\ntext\n--other--\n", FALSE },
  { HEAD "Content-Type: multipart/mixed; boundary=e\n\n--e\n--e\nContent-Type: text/plain\n\ntext\n--e--\n", FALSE },
  { HEAD "Content-Type: multipart/mixed; boundary=s\n\n--s\nContent-Type: text/plain\nnot a field\n\ntext\n--s--\n", FALSE },
  /* a single part, as most plain-text notices */
  { HEAD "Content-Type: text/plain; charset=us-ascii\n\n550 5.1.1 <a@b.example>: User unknown\n", TRUE },
  { HEAD "\n550 5.1.1 <a@b.example>: User unknown\n", TRUE },
};

static void
test_original_mime_structure (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mime_cases); i++)
    for (guint crlf = 0; crlf < 2; crlf++)
      {
        g_autofree char *label = g_strdup_printf ("MIME case %u%s", i, crlf ? " (CRLF)" : "");
        g_autoptr (GString) text = g_string_new (NULL);

        for (const char *c = mime_cases[i].text; *c != '\0'; c++)
          {
            if (*c == '\n' && crlf)
              g_string_append_c (text, '\r');
            g_string_append_c (text, *c);
          }
        if (assert_walk_like_gmime (text->str, text->len, label) != mime_cases[i].scanned)
          g_error ("%s: %s by bb_mime_scan()", label, mime_cases[i].scanned ? "not read" : "read");
      }
}

/* A scanned notice's original is read where it lies, not copied: a
 * 100 MB original must not cost another 100 MB. */
static void
test_original_in_place (void)
{
  static const char text[] = HEAD "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
                             "--r\nContent-Type: text/plain\n\nfailed\n--r\nContent-Type: message/rfc822\n\n"
                             "Subject: the original\nFrom: rep@y.example\n\nhello\n--r--\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (BbMessage) notice = bb_message_parse_gbytes (bytes, TRUE);
  const char *data;
  gsize       len = 0;

  g_assert_nonnull (notice);
  g_assert_nonnull (notice->parts);
  bb_message_walk (notice);
  g_assert_nonnull (notice->original);
  data = bb_original_get_data (notice->original, &len);
  g_assert_true (data >= text && data + len <= text + sizeof text - 1);
  g_assert_cmpstr (bb_original_get_subject (notice->original), ==, "the original");
  g_assert_nonnull (bb_original_get_parts (notice->original));
}

static void
test_original_light_answers (void)
{
  g_autoptr (BbOriginal) o = original ("From: A <a@x.example>\nTo: b@y.example\nSubject: =?utf-8?B?5L2g5aW9?=\n"
                                       "Subject: second\nMessage-ID: <id@x.example>\n\nbody\n");
  g_autoptr (BbOriginal) stray = original ("s=selector1;\nFrom: a@x.example\nSubject: s\n\n");
  g_autoptr (BbOriginal) nul = bb_original_new ("Subject: a\0b\n\n", 14, FALSE);
  g_autoptr (BbOriginal) b64 = original ("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nAAAAAAAA\n");
  g_autoptr (BbOriginal) named = original ("Content-Type: text/plain; name=a.exe\n\nMZ\n");
  g_autoptr (BbOriginal) headers = bb_original_new ("Subject: only\n\n", 15, TRUE);
  gsize size = 0;

  /* the common case is answered without GMime's tree */
  g_assert_true (bb_original_is_light (o));
  g_assert_cmpstr (bb_original_get_subject (o), ==, "second");
  g_assert_cmpstr (bb_original_get_message_id (o), ==, "id@x.example");
  g_assert_cmpint (internet_address_list_length (bb_original_get_from (o)), ==, 1);
  g_assert_true (bb_original_get_single_part (o, &size));
  g_assert_cmpuint (size, ==, 5);

  /* what it cannot read plainly goes to GMime, which still finds it */
  g_assert_false (bb_original_is_light (stray));
  g_assert_cmpstr (bb_original_get_subject (stray), ==, "s");
  g_assert_false (bb_original_is_light (nul));
  g_assert_false (bb_original_get_single_part (stray, &size));

  g_assert_true (bb_original_get_single_part (b64, &size));
  g_assert_cmpuint (size, ==, 9 * 3 / 4);
  g_assert_false (bb_original_get_single_part (named, &size));
  g_assert_true (bb_original_is_headers_only (headers));
  g_assert_false (bb_original_get_single_part (headers, &size));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();
  g_test_add_func ("/original/data", test_original_data);
  g_test_add_func ("/original/cases", test_original_cases);
  g_test_add_func ("/original/light-answers", test_original_light_answers);
  g_test_add_func ("/original/mime-structure", test_original_mime_structure);
  g_test_add_func ("/original/in-place", test_original_in_place);
  return g_test_run ();
}
